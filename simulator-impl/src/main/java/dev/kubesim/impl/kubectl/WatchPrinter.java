package dev.kubesim.impl.kubectl;

import dev.kubesim.impl.kubectl.print.Table;
import dev.kubesim.impl.kubectl.print.TabWriter;
import java.util.List;

/**
 * The table of {@code kubectl get -w}: the header and the first rows, then one row for each change,
 * all through one tab writer that remembers its columns' widths, so later rows line up with the
 * first ones (and widen a column for good when a cell is wider), as kubectl's watch output does.
 */
final class WatchPrinter {
  private final TabWriter writer = TabWriter.forTables();
  private final int columns;
  private int emitted;

  WatchPrinter(List<String> headers, boolean withHeader) {
    this.columns = headers.size();
    if (withHeader) {
      writer.write(String.join("\t", headers) + "\n");
    }
  }

  /** Writes rows and flushes them: the text they print as. */
  String rows(List<List<String>> rows) {
    for (List<String> row : rows) {
      writer.write(Table.line(row, columns));
    }
    String all = writer.flush().output();
    String fresh = all.substring(emitted);
    emitted = all.length();
    return fresh;
  }
}
