package dev.kubesim.impl.kubectl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entries of an env file, as kubectl's {@code --from-env-file} and kustomize's {@code envs}
 * read one: {@code KEY=VALUE} lines (a byte-order mark and carriage returns dropped, leading blanks
 * trimmed), blank lines and {@code #} comments skipped, a bare {@code KEY} without a value. The
 * callers check the keys, each in its own words.
 */
public final class EnvFileLines {
  /**
   * One entry.
   *
   * @param key the name before {@code =}
   * @param value what follows {@code =}, as written; empty for a bare name
   */
  public record Entry(String key, Optional<String> value) {}

  private EnvFileLines() {}

  /** The file's entries, in order. */
  public static List<Entry> parse(String content) {
    List<Entry> out = new ArrayList<>();
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    for (String raw : text.split("\n", -1)) {
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      line = line.stripLeading();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      out.add(eq < 0 ? new Entry(line, Optional.empty()) : new Entry(line.substring(0, eq), Optional.of(line.substring(eq + 1))));
    }
    return out;
  }
}
