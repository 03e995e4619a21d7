package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.kubectl.print.LabelFormat;
import dev.kubesim.impl.kubectl.print.Table;
import dev.kubesim.impl.kubectl.printers.TablePrinter;
import dev.kubesim.impl.kubectl.printers.TablePrinters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How {@code kubectl get} decorates a kind's table (cli-runtime's {@code decorateTable}): a
 * NAMESPACE column with {@code -A}, {@code kind/name} names when several kinds are printed, the
 * {@code -L} label columns and the LABELS column of {@code --show-labels}.
 *
 * @param wide {@code -o wide}
 * @param allNamespaces {@code -A}
 * @param withKind whether names are prefixed with their kind
 * @param showLabels {@code --show-labels}
 * @param labelColumns the label keys of {@code -L}
 * @param noHeaders {@code --no-headers}
 * @param kinds the cluster's kinds, whose custom kinds have printer columns of their own
 */
record TableOptions(
    boolean wide, boolean allNamespaces, boolean withKind, boolean showLabels, List<String> labelColumns, boolean noHeaders,
    dev.kubesim.impl.codec.KindCatalog kinds) {

  /** The rendered table of objects of one kind. */
  String render(KindInfo kind, List<KubeObject> objects, Instant now) {
    Table table = Table.withHeaders(headers(kind).toArray(String[]::new));
    for (KubeObject o : objects) {
      table.addRow(row(kind, o, now));
    }
    return noHeaders ? table.renderWithoutHeaders() : table.render();
  }

  /** The columns' names for a kind, as the table prints them. */
  List<String> headers(KindInfo kind) {
    TablePrinter printer = TablePrinters.forKind(kind, kinds);
    List<String> headers = new ArrayList<>();
    if (allNamespaces && kind.namespaced()) {
      headers.add("NAMESPACE");
    }
    headers.addAll(printer.headers(wide));
    for (String label : labelColumns) {
      headers.add(label.toUpperCase(Locale.ROOT));
    }
    if (showLabels) {
      headers.add("LABELS");
    }
    return headers;
  }

  /** One object's cells, as of {@code now}. */
  List<String> row(KindInfo kind, KubeObject o, Instant now) {
    TablePrinter printer = TablePrinters.forKind(kind, kinds);
    List<String> row = new ArrayList<>();
    if (allNamespaces && kind.namespaced()) {
      row.add(o.metadata().namespace().orElse(""));
    }
    List<String> cells = new ArrayList<>(printer.row(o, now, wide));
    if (withKind) {
      cells.set(0, ResourceTypes.kindPrefix(kind) + "/" + cells.get(0));
    }
    row.addAll(cells);
    for (String label : labelColumns) {
      row.add(o.metadata().labels().getOrDefault(label, ""));
    }
    if (showLabels) {
      row.add(LabelFormat.formatLabels(o.metadata().labels()));
    }
    return row;
  }
}
