package dev.kubesim.impl.kubectl.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * kubectl describe's {@code PrefixWriter} ({@code kubectl/pkg/describe/describe.go}): writes text
 * indented by two spaces per level, usually into a {@link TabWriter} so that {@code "Label:\tvalue"}
 * lines align (see {@link Describer}). Formats follow Go's {@code fmt.Sprintf} for the verbs
 * {@code %s}, {@code %v}, {@code %d} and {@code %%}.
 *
 * <p>Everything written passes through cli-runtime's terminal escaping (ESC becomes {@code ^[},
 * CR becomes {@code \r}), as in kubectl.
 */
public final class PrefixWriter {
  /** No indentation. */
  public static final int LEVEL_0 = 0;
  /** Two spaces. */
  public static final int LEVEL_1 = 1;
  /** Four spaces. */
  public static final int LEVEL_2 = 2;
  /** Six spaces. */
  public static final int LEVEL_3 = 3;
  /** Eight spaces. */
  public static final int LEVEL_4 = 4;

  /** Annotations describe never shows ({@code corev1.LastAppliedConfigAnnotation}). */
  public static final String LAST_APPLIED_CONFIG_ANNOTATION =
      "kubectl.kubernetes.io/last-applied-configuration";

  /** Longest annotation line ({@code key: value}) printed before it is shortened. */
  static final int MAX_ANNOTATION_LEN = 140;

  private static final Set<String> SKIP_ANNOTATIONS = Set.of(LAST_APPLIED_CONFIG_ANNOTATION);

  private final Consumer<String> out;
  private final Runnable flusher;
  private final int indent;

  private PrefixWriter(Consumer<String> out, Runnable flusher, int indent) {
    this.out = out;
    this.flusher = flusher;
    this.indent = indent;
  }

  /** A writer into a tab writer; {@link #flush()} flushes it. */
  public static PrefixWriter of(TabWriter tabWriter) {
    Objects.requireNonNull(tabWriter);
    return new PrefixWriter(tabWriter::write, tabWriter::flush, 0);
  }

  /** A writer straight into a string builder, without alignment (as kubectl's unit tests use). */
  public static PrefixWriter of(StringBuilder sb) {
    Objects.requireNonNull(sb);
    return new PrefixWriter(sb::append, () -> {}, 0);
  }

  /**
   * kubectl's {@code NewNestedPrefixWriter}: a writer that adds {@code levels} indentation levels
   * to everything written through it.
   */
  public PrefixWriter nested(int levels) {
    return new PrefixWriter(out, flusher, indent + levels);
  }

  /** Writes {@code format} formatted with {@code args}, indented by {@code level} levels. */
  public void write(int level, String format, Object... args) {
    String prefix = "  ".repeat(level + indent);
    out.accept(GoText.escapeTerminal(GoText.sprintf(prefix + format, args)));
  }

  /**
   * Writes the arguments space-separated with a newline (Go's {@code Sprintln}), with no
   * indentation unless this writer is nested.
   */
  public void writeLine(Object... args) {
    // nested writers indent the line; the base writer's Write(0, "%s", ...) adds nothing either
    write(LEVEL_0, "%s", GoText.sprintln(args));
  }

  /**
   * Formats everything written so far, so that later lines start new column blocks (kubectl
   * does this before the Events table).
   */
  public void flush() {
    flusher.run();
  }

  /**
   * kubectl's {@code printLabelsMultiline}: {@code "Title:\tk=v"} with the first of the sorted
   * pairs on the title line and the others on lines of their own under it, or {@code <none>}.
   */
  public void printLabelsMultiline(String title, Map<String, String> labels) {
    printLabelsMultilineWithIndent("", title, "\t", labels, Set.of());
  }

  /**
   * kubectl's {@code printLabelsMultilineWithIndent}: as {@link #printLabelsMultiline} with a
   * prefix before the title and every continuation line, a separator after the title, and keys to
   * leave out.
   */
  public void printLabelsMultilineWithIndent(
      String initialIndent,
      String title,
      String innerIndent,
      Map<String, String> labels,
      Set<String> skip) {
    write(LEVEL_0, "%s%s:%s", initialIndent, title, innerIndent);

    if (labels == null || labels.isEmpty()) {
      writeLine("<none>");
      return;
    }

    // to print labels in the sorted order
    List<String> keys = new ArrayList<>(labels.size());
    for (String key : labels.keySet()) {
      if (!skip.contains(key)) {
        keys.add(key);
      }
    }
    if (keys.isEmpty()) {
      writeLine("<none>");
      return;
    }
    keys.sort(GoText.BYTE_ORDER);

    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      if (i != 0) {
        write(LEVEL_0, "%s", initialIndent);
        write(LEVEL_0, "%s", innerIndent);
      }
      write(LEVEL_0, "%s=%s\n", key, labels.get(key));
    }
  }

  /**
   * kubectl's {@code printAnnotationsMultiline}: sorted {@code key: value} lines, leaving out the
   * last-applied-configuration annotation. A value that contains newlines, or whose line would be
   * longer than 140 bytes, is printed under its key one line per line, each cut to 138 bytes plus
   * {@code ...}.
   */
  public void printAnnotationsMultiline(String title, Map<String, String> annotations) {
    write(LEVEL_0, "%s:\t", title);

    // to print labels in the sorted order
    List<String> keys = new ArrayList<>();
    if (annotations != null) {
      for (String key : annotations.keySet()) {
        if (!SKIP_ANNOTATIONS.contains(key)) {
          keys.add(key);
        }
      }
    }
    if (keys.isEmpty()) {
      writeLine("<none>");
      return;
    }
    keys.sort(GoText.BYTE_ORDER);
    String innerIndent = "\t";
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      if (i != 0) {
        write(LEVEL_0, innerIndent);
      }
      String value = annotations.get(key);
      if (value == null) {
        value = "";
      }
      if (value.endsWith("\n")) {
        value = value.substring(0, value.length() - 1); // strings.TrimSuffix: one newline only
      }
      // lengths are Go byte lengths
      if (GoText.byteLength(value) + GoText.byteLength(key) + 2 > MAX_ANNOTATION_LEN
          || value.contains("\n")) {
        write(LEVEL_0, "%s:\n", key);
        for (String s : value.split("\n", -1)) {
          write(LEVEL_0, "%s  %s\n", innerIndent, shorten(s, MAX_ANNOTATION_LEN - 2));
        }
      } else {
        write(LEVEL_0, "%s: %s\n", key, value);
      }
    }
  }

  /** kubectl's {@code shorten}: the first {@code maxLength} bytes plus {@code ...}. */
  static String shorten(String s, int maxLength) {
    if (GoText.byteLength(s) > maxLength) {
      return GoText.byteHead(s, maxLength) + "...";
    }
    return s;
  }
}
