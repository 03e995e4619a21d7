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
 * MESSAGE); every other kind gets the default NAME AGE table.
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
      default -> List.of("NAME", "AGE");
    };
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
      case "Event" -> eventRow(content, now);
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

  /** {@code printEvent} without {@code -o wide}. */
  private static List<String> eventRow(Map<String, Object> e, Instant now) {
    String first = Cells.since(text(e, "firstTimestamp"), now);
    if (text(e, "firstTimestamp").isEmpty()) {
      first = Cells.since(text(e, "eventTime"), now);
    }
    String last = text(e, "lastTimestamp").isEmpty() ? first : Cells.since(text(e, "lastTimestamp"), now);
    if (e.get("series") instanceof Map<?, ?> series && series.get("lastObservedTime") != null) {
      last = Cells.since(Optional.of(String.valueOf(series.get("lastObservedTime"))), now);
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
    row.add(text(e, "message").orElse("").strip());
    return row;
  }

  private static Optional<String> text(Map<String, Object> map, String key) {
    Object v = map.get(key);
    return v == null || v.toString().isEmpty() ? Optional.empty() : Optional.of(v.toString());
  }
}
