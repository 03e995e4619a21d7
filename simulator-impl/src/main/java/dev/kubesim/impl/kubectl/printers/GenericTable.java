package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tables for kinds kubesim stores as generic objects: the API server's own columns for ConfigMap
 * (DATA), Secret (TYPE DATA), ServiceAccount (SECRETS) and Event (LAST SEEN TYPE REASON OBJECT
 * MESSAGE, and with {@code -o wide} SUBOBJECT and SOURCE before MESSAGE, FIRST SEEN, COUNT and NAME
 * after it) and CustomResourceDefinition (NAME CREATED AT, apiextensions-apiserver's table); every
 * other kind gets the default NAME AGE table.
 */
public final class GenericTable implements TablePrinter {
  private final String kind;

  /** A table for objects of this kind ({@code ConfigMap}, {@code Event}, ...). */
  public GenericTable(String kind) {
    this.kind = kind;
  }

  @Override
  public List<String> headers() {
    return switch (kind) {
      case "ConfigMap" -> List.of("NAME", "DATA", "AGE");
      case "Secret" -> List.of("NAME", "TYPE", "DATA", "AGE");
      case "ServiceAccount" -> List.of("NAME", "SECRETS", "AGE");
      case "Event" -> List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE");
      case "CustomResourceDefinition" -> List.of("NAME", "CREATED AT");
      default -> List.of("NAME", "AGE");
    };
  }

  @Override
  public List<String> headers(boolean wide) {
    if (wide && kind.equals("Event")) {
      return List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "SUBOBJECT", "SOURCE", "MESSAGE", "FIRST SEEN", "COUNT", "NAME");
    }
    return headers();
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    Map<String, Object> content = object instanceof GenericObject g ? g.content() : Map.of();
    String name = object.metadata().nameOrEmpty();
    String age = Cells.age(object, now);
    return switch (kind) {
      case "ConfigMap" -> List.of(name, Integer.toString(size(content.get("data")) + size(content.get("binaryData"))), age);
      case "Secret" -> List.of(name, String.valueOf(content.getOrDefault("type", "Opaque")), Integer.toString(size(content.get("data"))), age);
      case "ServiceAccount" -> List.of(name, Integer.toString(size(content.get("secrets"))), age);
      case "Event" -> eventRow(content, now, wide, name);
      case "CustomResourceDefinition" -> List.of(name, object.metadata().creationTimestamp().orElse("<unknown>"));
      default -> List.of(name, age);
    };
  }

  private static int size(Object value) {
    if (value instanceof Map<?, ?> m) {
      return m.size();
    }
    if (value instanceof List<?> l) {
      return l.size();
    }
    return 0;
  }

  /** {@code printEvent}: the count comes from the series, if any, else {@code count} (1 when unset). */
  private static List<String> eventRow(Map<String, Object> e, Instant now, boolean wide, String name) {
    String first = Cells.since(text(e, "firstTimestamp"), now);
    if (text(e, "firstTimestamp").isEmpty()) {
      first = Cells.since(text(e, "eventTime"), now);
    }
    String last = text(e, "lastTimestamp").isEmpty() ? first : Cells.since(text(e, "lastTimestamp"), now);
    long count = e.get("count") instanceof Number n ? n.longValue() : 0;
    if (e.get("series") instanceof Map<?, ?> series && series.get("lastObservedTime") != null) {
      last = Cells.since(Optional.of(String.valueOf(series.get("lastObservedTime"))), now);
      count = series.get("count") instanceof Number n ? n.longValue() : 0;
    } else if (count == 0) {
      count = 1;
    }
    String target = "";
    if (e.get("involvedObject") instanceof Map<?, ?> io) {
      String k = String.valueOf(io.get("kind") == null ? "" : io.get("kind")).toLowerCase(Locale.ROOT);
      Object n = io.get("name");
      target = n == null || n.toString().isEmpty() ? k : k + "/" + n;
    }
    List<String> row = new ArrayList<>();
    row.add(last);
    row.add(text(e, "type").orElse(""));
    row.add(text(e, "reason").orElse(""));
    row.add(target);
    if (wide) {
      Map<?, ?> io = e.get("involvedObject") instanceof Map<?, ?> m ? m : Map.of();
      row.add(io.get("fieldPath") == null ? "" : io.get("fieldPath").toString());
      row.add(source(e));
    }
    row.add(text(e, "message").orElse("").strip());
    if (wide) {
      row.add(first);
      row.add(Long.toString(count));
      row.add(name);
    }
    return row;
  }

  /** {@code formatEventSource}: the source's component (else the reporting controller), then its host (else the instance). */
  private static String source(Map<String, Object> e) {
    Map<?, ?> s = e.get("source") instanceof Map<?, ?> m ? m : Map.of();
    String component = s.get("component") == null || s.get("component").toString().isEmpty()
        ? text(e, "reportingComponent").orElse("") : s.get("component").toString();
    String host = s.get("host") == null || s.get("host").toString().isEmpty()
        ? text(e, "reportingInstance").orElse("") : s.get("host").toString();
    return host.isEmpty() ? component : component + ", " + host;
  }

  private static Optional<String> text(Map<String, Object> map, String key) {
    Object v = map.get(key);
    return v == null || v.toString().isEmpty() ? Optional.empty() : Optional.of(v.toString());
  }
}
