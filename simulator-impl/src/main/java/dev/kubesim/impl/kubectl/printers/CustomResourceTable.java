package dev.kubesim.impl.kubectl.printers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.codec.KindCatalog.PrinterColumn;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.output.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table of a custom kind, as apiextensions-apiserver's table convertor builds it from the
 * version's {@code additionalPrinterColumns}: NAME, then each column (those of priority above 0
 * with {@code -o wide} only); a {@code date} column prints as an age, a missing value as {@code
 * <none>}. A version without printer columns gets NAME AGE.
 */
public final class CustomResourceTable implements TablePrinter {
  private final List<PrinterColumn> columns;

  /**
   * A table with these printer columns.
   *
   * @param columns the version's {@code additionalPrinterColumns}; none for the NAME AGE table
   */
  public CustomResourceTable(List<PrinterColumn> columns) {
    this.columns = columns.isEmpty()
        ? List.of(new PrinterColumn("Age", "date", ".metadata.creationTimestamp", 0, "", ""))
        : List.copyOf(columns);
  }

  @Override
  public List<String> headers() {
    List<String> out = new ArrayList<>();
    out.add("NAME");
    columns.stream().filter(c -> c.priority() == 0).forEach(c -> out.add(c.name().toUpperCase(Locale.ROOT)));
    return out;
  }

  @Override
  public List<String> wideHeaders() {
    List<String> out = new ArrayList<>();
    columns.stream().filter(c -> c.priority() != 0).forEach(c -> out.add(c.name().toUpperCase(Locale.ROOT)));
    return out;
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    JsonNode tree = ObjectCodec.encode(object);
    List<String> row = new ArrayList<>();
    row.add(object.metadata().nameOrEmpty());
    for (PrinterColumn c : columns) {
      if (c.priority() == 0) {
        row.add(cell(c, tree, now));
      }
    }
    if (wide) {
      for (PrinterColumn c : columns) {
        if (c.priority() != 0) {
          row.add(cell(c, tree, now));
        }
      }
    }
    return row;
  }

  private static String cell(PrinterColumn c, JsonNode tree, Instant now) {
    List<JsonNode> values;
    try {
      values = JsonPath.parse("{" + c.jsonPath() + "}").results(tree);
    } catch (JsonPath.ParseException | RuntimeException e) {
      return "<none>";
    }
    if (values.isEmpty() || values.get(0) == null || values.get(0).isNull() || values.get(0).isMissingNode()) {
      return "<none>";
    }
    JsonNode v = values.get(0);
    if (c.type().equals("date")) {
      return Cells.since(Optional.of(v.asText()), now);
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }
}
