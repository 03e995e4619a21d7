package dev.kubesim.impl.apiserver.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.printers.TablePrinter;
import java.time.Instant;
import java.util.List;

/**
 * The server's {@code meta.k8s.io/v1} Table ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}):
 * the column definitions and cells of the same printers kubesim's kubectl uses (the API server's
 * table convertors, {@code pkg/printers/internalversion}), so that the real {@code kubectl get}
 * prints what kubesim's does. Columns shown only with {@code -o wide} have priority 1. Each row
 * carries the object's metadata as a {@code PartialObjectMetadata} (or the whole object, with
 * {@code includeObject=Object}), from which kubectl adds its NAMESPACE and LABELS columns.
 */
final class TableOutput {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** What each row carries of its object ({@code includeObject}). */
  enum Include {
    NONE,
    METADATA,
    OBJECT;

    static Include parse(String value) {
      return switch (value) {
        case "None" -> NONE;
        case "Object" -> OBJECT;
        default -> METADATA;
      };
    }
  }

  private TableOutput() {}

  static ObjectNode table(TablePrinter printer, List<KubeObject> objects, Instant now, Include include, String resourceVersion,
      String continueToken) {
    ObjectNode table = JSON.objectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    ObjectNode meta = table.putObject("metadata");
    meta.put("resourceVersion", resourceVersion);
    if (!continueToken.isEmpty()) {
      meta.put("continue", continueToken);
    }
    ArrayNode columns = table.putArray("columnDefinitions");
    if (printer instanceof dev.kubesim.impl.kubectl.printers.CustomResourceTable custom) {
      // apiextensions-apiserver's table convertor: NAME, then the printer columns with their types
      column(columns, "NAME", 0, true);
      for (dev.kubesim.impl.codec.KindCatalog.PrinterColumn c : custom.columns()) {
        ObjectNode d = columns.addObject();
        d.put("name", c.name());
        d.put("type", c.type());
        d.put("format", c.format());
        d.put("description", c.description());
        d.put("priority", c.priority());
      }
      ArrayNode rows = table.putArray("rows");
      for (KubeObject o : objects) {
        ObjectNode row = rows.addObject();
        ArrayNode cells = row.putArray("cells");
        custom.typedRow(o, now).forEach(cells::add);
        include(row, o, include);
      }
      return table;
    }
    // Every column of the wide row, in its order (Event's wide columns sit between the others);
    // those kubectl shows only with -o wide have priority 1.
    List<String> shown = printer.headers();
    for (String header : printer.headers(true)) {
      column(columns, header, shown.contains(header) ? 0 : 1, header.equals("NAME"));
    }
    ArrayNode rows = table.putArray("rows");
    for (KubeObject o : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      for (String cell : printer.row(o, now, true)) {
        cells.add(cell);
      }
      include(row, o, include);
    }
    return table;
  }

  private static void include(ObjectNode row, KubeObject o, Include include) {
    switch (include) {
      case METADATA -> {
        ObjectNode partial = row.putObject("object");
        partial.put("kind", "PartialObjectMetadata");
        partial.put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", ObjectCodec.encode(o).get("metadata"));
      }
      case OBJECT -> row.set("object", ObjectCodec.encode(o));
      case NONE -> { }
    }
  }

  private static void column(ArrayNode columns, String header, int priority, boolean name) {
    ObjectNode c = columns.addObject();
    c.put("name", titleCase(header));
    c.put("type", "string");
    c.put("format", name ? "name" : "");
    c.put("description", name ? "Name must be unique within a namespace." : "");
    c.put("priority", priority);
  }

  /** The printers' upper-case headers as the server names its columns ({@code NOMINATED NODE} → {@code Nominated Node}). */
  static String titleCase(String header) {
    StringBuilder sb = new StringBuilder(header.length());
    boolean start = true;
    for (char c : header.toCharArray()) {
      sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = c == ' ' || c == '-';
    }
    String s = sb.toString();
    return switch (s) {
      case "Ip" -> "IP";
      case "Cluster-Ip" -> "Cluster-IP";
      case "External-Ip" -> "External-IP";
      case "Up-To-Date" -> "Up-to-date";
      case "Minpods" -> "MinPods";
      case "Maxpods" -> "MaxPods";
      default -> s;
    };
  }
}
