package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.KubeObject;
import java.time.Instant;
import java.util.List;

/**
 * The table kubectl prints for one kind, as the API server's table convertor
 * ({@code pkg/printers/internalversion/printers.go}) defines it: the columns, the columns added by
 * {@code -o wide}, and the cells of one object's row. The first cell is always the name.
 */
public interface TablePrinter {
  /** The column names shown without {@code -o wide}, in order. */
  List<String> headers();

  /** The columns {@code -o wide} adds after {@link #headers()}; none by default. */
  default List<String> wideHeaders() {
    return List.of();
  }

  /**
   * All the column names, with {@code -o wide} or without: by default the wide columns come after
   * the others; a table whose wide columns sit between them (Event's) says so here.
   */
  default List<String> headers(boolean wide) {
    if (!wide || wideHeaders().isEmpty()) {
      return headers();
    }
    List<String> all = new java.util.ArrayList<>(headers());
    all.addAll(wideHeaders());
    return all;
  }

  /**
   * One object's cells, as many as {@link #headers()} (plus {@link #wideHeaders()} when wide).
   *
   * @param now the cluster's current instant, for AGE columns
   */
  List<String> row(KubeObject object, Instant now, boolean wide);
}
