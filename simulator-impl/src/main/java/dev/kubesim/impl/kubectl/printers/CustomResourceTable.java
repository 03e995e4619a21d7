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

  /**
   * The printer columns after NAME, in the server's order (every priority).
   *
   * @return the columns, the default Age column when the version declares none
   */
  public List<PrinterColumn> columns() {
    return columns;
  }

  /**
   * One object's cells as the server's Table carries them: the name, then each column's value typed
   * as the column declares it (a number for {@code integer} and {@code number}, a boolean for {@code
   * boolean}, an age for {@code date}), {@code null} when the path finds nothing.
   *
   * @param object the object
   * @param now the cluster's current instant, for date columns
   * @return the cells, as many as the columns plus one
   */
  public List<JsonNode> typedRow(KubeObject object, Instant now) {
    JsonNode tree = ObjectCodec.encode(object);
    List<JsonNode> row = new ArrayList<>();
    row.add(com.fasterxml.jackson.databind.node.TextNode.valueOf(object.metadata().nameOrEmpty()));
    for (PrinterColumn c : columns) {
      row.add(typedCell(c, tree, now));
    }
    return row;
  }

  private static JsonNode typedCell(PrinterColumn c, JsonNode tree, Instant now) {
    List<JsonNode> values;
    try {
      values = JsonPath.parse("{" + c.jsonPath() + "}").results(tree);
    } catch (JsonPath.ParseException | RuntimeException e) {
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
    if (values.isEmpty() || values.get(0) == null || values.get(0).isMissingNode()) {
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
    JsonNode v = values.get(0);
    return switch (c.type()) {
      case "date" -> v.isTextual() ? com.fasterxml.jackson.databind.node.TextNode.valueOf(Cells.since(Optional.of(v.asText()), now))
          : com.fasterxml.jackson.databind.node.NullNode.getInstance();
      case "integer" -> v.isIntegralNumber() ? v : com.fasterxml.jackson.databind.node.NullNode.getInstance();
      case "number" -> v.isNumber() ? v : com.fasterxml.jackson.databind.node.NullNode.getInstance();
      case "boolean" -> v.isBoolean() ? v : com.fasterxml.jackson.databind.node.NullNode.getInstance();
      default -> com.fasterxml.jackson.databind.node.TextNode.valueOf(v.isValueNode() ? v.asText() : v.toString());
    };
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
