package dev.kubesim.impl.kubectl.print;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Table output as {@code kubectl get} prints it: cli-runtime's {@code printTable} writing
 * tab-separated cells through {@link TabWriter#forTables()}.
 *
 * <p>Columns are separated by at least three spaces and are at least six characters wide
 * including that padding; the last column is never padded. As in kubectl, when the last cell of a
 * row is empty the cell before it is still padded (it is tab-terminated), so such a row does end
 * in spaces.
 *
 * <pre>{@code
 * Table.withHeaders("NAME", "READY").addRow("kubia", "1/1").render()
 * // NAME    READY
 * // kubia   1/1
 * }</pre>
 */
public final class Table {
  /**
   * cli-runtime flushes the tab writer every this many rows; thanks to remembered widths later
   * rows stay aligned with earlier ones, but earlier rows do not widen for later ones.
   */
  static final int FLUSH_INTERVAL = 100;

  /** Characters that end a cell's value; tabwriter would treat them as line breaks. */
  private static final String CELL_BREAK_CHARS = "\f\n\r";

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  private Table(List<String> headers) {
    this.headers = headers;
  }

  /**
   * A table with these column names, printed upper-cased as kubectl does ({@code
   * strings.ToUpper(column.Name)}).
   */
  public static Table withHeaders(String... headers) {
    if (headers.length == 0) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    List<String> upper = new ArrayList<>(headers.length);
    for (String header : headers) {
      upper.add(header.toUpperCase(Locale.ROOT));
    }
    return new Table(List.copyOf(upper));
  }

  /** Adds a row; a null cell prints as empty, like a nil cell in kubectl. */
  public Table addRow(String... cells) {
    rows.add(Arrays.asList(cells.clone()));
    return this;
  }

  /** Adds a row; a null cell prints as empty, like a nil cell in kubectl. */
  public Table addRow(List<String> cells) {
    rows.add(new ArrayList<>(cells));
    return this;
  }

  /** The column names as printed. */
  public List<String> headers() {
    return headers;
  }

  /** The number of rows added. */
  public int rowCount() {
    return rows.size();
  }

  /**
   * The table with its header line. Like kubectl, a table without rows prints nothing at all (the
   * caller prints "No resources found" instead).
   */
  public String render() {
    return render(true);
  }

  /** The rows without the header line, as {@code kubectl get --no-headers}. */
  public String renderWithoutHeaders() {
    return render(false);
  }

  private String render(boolean withHeaders) {
    TabWriter w = TabWriter.forTables();
    if (withHeaders) {
      if (rows.isEmpty()) {
        return ""; // avoid printing headers if we have no rows to display
      }
      w.write(String.join("\t", headers) + "\n");
    }
    StringBuilder line = new StringBuilder();
    for (int ri = 0; ri < rows.size(); ri++) {
      line.setLength(0);
      List<String> row = rows.get(ri);
      for (int i = 0; i < row.size(); i++) {
        if (i >= headers.size()) {
          break; // kubectl drops cells beyond the column definitions (issue 66379)
        }
        if (i > 0) {
          line.append('\t');
        }
        String cell = row.get(i);
        if (cell != null) {
          appendCellValue(line, cell);
        }
      }
      line.append('\n');
      w.write(line.toString());
      if ((ri + 1) % FLUSH_INTERVAL == 0) {
        w.flush();
      }
    }
    return w.flush().output();
  }

  /**
   * One row as the table writes it into its tab writer: cells separated by tabs (cells beyond the
   * columns dropped), each cut at its first line break, then a newline.
   */
  public static String line(List<String> cells, int columns) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size() && i < columns; i++) {
      if (i > 0) {
        line.append('\t');
      }
      String cell = cells.get(i);
      if (cell != null) {
        appendCellValue(line, cell);
      }
    }
    return line.append('\n').toString();
  }

  /**
   * cli-runtime's {@code appendCellValue}: a value is cut at its first line break (followed by
   * {@code ...}) and terminal control characters are made harmless.
   */
  private static void appendCellValue(StringBuilder line, String value) {
    int breakAt = -1;
    for (int i = 0; i < value.length(); i++) {
      if (CELL_BREAK_CHARS.indexOf(value.charAt(i)) >= 0) {
        breakAt = i;
        break;
      }
    }
    if (breakAt >= 0) {
      line.append(GoText.escapeTerminal(value.substring(0, breakAt))).append("...");
    } else {
      line.append(GoText.escapeTerminal(value));
    }
  }
}
