package dev.kubesim.impl.kubectl.print;

import java.util.function.Consumer;

/**
 * Collects {@code kubectl describe} output and aligns it as describe.go's {@code tabbedString}
 * does: everything goes through a {@link TabWriter#forDescribe()} (minwidth 0, padding 2), so in
 * {@code "Name:\tkubia"} the value starts two spaces after the widest label of its block.
 *
 * <p>A block is a run of consecutive lines that have a tab in the same column; a line without one
 * (say {@code "Containers:"}) ends the block, and the lines after it align among themselves.
 *
 * <pre>{@code
 * Describer d = new Describer();
 * PrefixWriter w = d.writer();
 * w.write(PrefixWriter.LEVEL_0, "Name:\t%s\n", "kubia");
 * w.write(PrefixWriter.LEVEL_0, "Namespace:\t%s\n", "default");
 * w.printLabelsMultiline("Labels", Map.of("app", "kubia"));
 * d.render();
 * // Name:       kubia
 * // Namespace:  default
 * // Labels:     app=kubia
 * }</pre>
 */
public final class Describer {
  private final TabWriter tabWriter = TabWriter.forDescribe();
  private final PrefixWriter writer = PrefixWriter.of(tabWriter);

  /** The writer to describe into. */
  public PrefixWriter writer() {
    return writer;
  }

  /** Formats everything written so far and returns the whole text; may be called again. */
  public String render() {
    return tabWriter.flush().output();
  }

  /** describe.go's {@code tabbedString}: runs {@code body} against a fresh writer and renders. */
  public static String tabbedString(Consumer<PrefixWriter> body) {
    Describer describer = new Describer();
    body.accept(describer.writer());
    return describer.render();
  }
}
