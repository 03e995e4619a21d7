package dev.kubesim.impl.program.nettools;

import java.util.ArrayList;
import java.util.List;

/**
 * psql's result printing ({@code print.c}): the aligned format with a centred title and headers,
 * {@code |} between columns, numbers right-aligned, a cell's further lines marked with {@code +},
 * and the {@code (N rows)} footer; {@code -A} unaligned ({@code |} between values) and {@code -t}
 * (tuples only) as there.
 */
final class PsqlTable {
  /** A column: its name and whether it holds numbers (right-aligned). */
  record Column(String name, boolean numeric) {}

  private PsqlTable() {}

  static String format(String title, List<Column> columns, List<List<String>> rows, boolean tuplesOnly, boolean unaligned) {
    return unaligned ? unaligned(title, columns, rows, tuplesOnly) : aligned(title, columns, rows, tuplesOnly);
  }

  private static String footer(int n) {
    return "(" + n + (n == 1 ? " row)" : " rows)") + "\n";
  }

  private static String unaligned(String title, List<Column> columns, List<List<String>> rows, boolean tuplesOnly) {
    StringBuilder b = new StringBuilder();
    if (!tuplesOnly) {
      if (!title.isEmpty()) {
        b.append(title).append('\n');
      }
      b.append(String.join("|", columns.stream().map(Column::name).toList())).append('\n');
    }
    rows.forEach(r -> b.append(String.join("|", r)).append('\n'));
    if (!tuplesOnly) {
      b.append(footer(rows.size()));
    }
    return b.toString();
  }

  private static String aligned(String title, List<Column> columns, List<List<String>> rows, boolean tuplesOnly) {
    int n = columns.size();
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      width[i] = columns.get(i).name().length(); // headers count even when -t leaves them out
      for (List<String> r : rows) {
        for (String line : r.get(i).split("\n", -1)) {
          width[i] = Math.max(width[i], line.length());
        }
      }
    }
    StringBuilder b = new StringBuilder();
    if (!tuplesOnly) {
      int total = n * 3 - 1;
      for (int w : width) {
        total += w;
      }
      if (!title.isEmpty()) {
        b.append(" ".repeat(Math.max(0, (total - title.length()) / 2))).append(title).append('\n');
      }
      for (int i = 0; i < n; i++) {
        String name = columns.get(i).name();
        int left = (width[i] - name.length()) / 2;
        b.append(i == 0 ? " " : " | ").append(" ".repeat(left)).append(name)
            .append(" ".repeat(width[i] - name.length() - left));
      }
      b.append(" \n");
      for (int i = 0; i < n; i++) {
        b.append(i == 0 ? "" : "+").append("-".repeat(width[i] + 2));
      }
      b.append('\n');
    }
    for (List<String> r : rows) {
      List<String[]> cells = new ArrayList<>();
      int lines = 1;
      for (String cell : r) {
        String[] split = cell.split("\n", -1);
        cells.add(split);
        lines = Math.max(lines, split.length);
      }
      for (int l = 0; l < lines; l++) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
          String[] cell = cells.get(i);
          String text = l < cell.length ? cell[l] : "";
          boolean more = l < cell.length - 1;
          boolean last = i == n - 1;
          if (i > 0) {
            boolean previousMore = l < cells.get(i - 1).length - 1;
            line.append(previousMore ? "+| " : " | ");
          } else {
            line.append(' ');
          }
          String pad = " ".repeat(width[i] - text.length());
          if (columns.get(i).numeric()) {
            line.append(pad).append(text);
          } else {
            line.append(text).append(last && !more ? "" : pad);
          }
          if (last && more) {
            line.append('+');
          }
        }
        b.append(line).append('\n');
      }
    }
    b.append(tuplesOnly ? "" : footer(rows.size())).append('\n');
    return b.toString();
  }
}
