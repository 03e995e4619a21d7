package dev.kubesim.api.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubesim.api.ObjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a trace's JSON of schema {@value Trace#SCHEMA}. Every problem is an {@link
 * IllegalArgumentException} naming the key path ({@code hops[3].action}) and what was wrong.
 */
final class TraceJsonReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TraceJsonReader() {}

  static Trace read(String json) {
    if (json == null) {
      throw new IllegalArgumentException("trace JSON: no text");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("trace JSON: not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("trace JSON: expected an object");
    }
    String schema = text(root, "schema", "schema");
    if (!schema.equals(Trace.SCHEMA)) {
      throw new IllegalArgumentException("trace JSON: schema: unsupported value \"" + schema + "\", expected \""
          + Trace.SCHEMA + "\"");
    }
    JsonNode hopsNode = root.get("hops");
    if (hopsNode == null || !hopsNode.isArray()) {
      throw new IllegalArgumentException("trace JSON: hops: expected an array");
    }
    List<TraceHop> hops = new ArrayList<>(hopsNode.size());
    for (int i = 0; i < hopsNode.size(); i++) {
      hops.add(hop(hopsNode.get(i), "hops[" + i + "]"));
    }
    JsonNode d = object(root, "disposition", "disposition");
    Disposition disposition = new Disposition(
        constant(Disposition.Kind.class, d, "kind", "disposition.kind"),
        constant(Disposition.Cause.class, d, "cause", "disposition.cause"),
        ref(d.get("object"), "disposition.object"),
        text(d, "reason", "disposition.reason"));
    return new RecordedTrace(text(root, "title", "title"), Duration.ofNanos(number(root, "startNanos", "startNanos")),
        hops, disposition);
  }

  private static TraceHop hop(JsonNode h, String path) {
    if (h == null || !h.isObject()) {
      throw new IllegalArgumentException("trace JSON: " + path + ": expected an object");
    }
    JsonNode rule = h.get("rule");
    return new TraceHop(Duration.ofNanos(number(h, "atNanos", path + ".atNanos")), text(h, "node", path + ".node"),
        text(h, "netns", path + ".netns"), text(h, "where", path + ".where"),
        constant(TraceHop.Action.class, h, "action", path + ".action"), ref(h.get("object"), path + ".object"),
        rule == null || rule.isNull() ? Optional.empty() : Optional.of(text(h, "rule", path + ".rule")),
        dns(h.get("dns"), path + ".dns"), text(h, "reason", path + ".reason"), packet(h.get("packet"), path + ".packet"),
        packet(h.get("rewritten"), path + ".rewritten"));
  }

  private static Optional<ObjectRef> ref(JsonNode o, String path) {
    if (o == null || o.isNull()) {
      return Optional.empty();
    }
    if (!o.isObject()) {
      throw new IllegalArgumentException("trace JSON: " + path + ": expected an object or null");
    }
    String kind = text(o, "kind", path + ".kind");
    String name = text(o, "name", path + ".name");
    if (kind.isEmpty() || name.isEmpty()) {
      throw new IllegalArgumentException("trace JSON: " + path + ": an object reference needs a kind and a name");
    }
    return Optional.of(ObjectRef.of(kind, text(o, "namespace", path + ".namespace"), name));
  }

  private static Optional<DnsAnswer> dns(JsonNode a, String path) {
    if (a == null || a.isNull()) {
      return Optional.empty();
    }
    if (!a.isObject()) {
      throw new IllegalArgumentException("trace JSON: " + path + ": expected an object or null");
    }
    JsonNode list = a.get("addresses");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("trace JSON: " + path + ".addresses: expected an array");
    }
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).isTextual()) {
        throw new IllegalArgumentException("trace JSON: " + path + ".addresses[" + i + "]: expected a string");
      }
      addresses.add(list.get(i).asText());
    }
    return Optional.of(new DnsAnswer(text(a, "name", path + ".name"), text(a, "fqdn", path + ".fqdn"), addresses));
  }

  private static Optional<TracePacket> packet(JsonNode p, String path) {
    if (p == null || p.isNull()) {
      return Optional.empty();
    }
    if (!p.isObject()) {
      throw new IllegalArgumentException("trace JSON: " + path + ": expected an object or null");
    }
    return Optional.of(new TracePacket(text(p, "protocol", path + ".protocol"), text(p, "source", path + ".source"),
        (int) number(p, "sourcePort", path + ".sourcePort"), text(p, "destination", path + ".destination"),
        (int) number(p, "destinationPort", path + ".destinationPort"), text(p, "flags", path + ".flags"),
        text(p, "payload", path + ".payload")));
  }

  private static JsonNode object(JsonNode parent, String key, String path) {
    JsonNode n = parent.get(key);
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("trace JSON: " + path + ": expected an object");
    }
    return n;
  }

  private static String text(JsonNode parent, String key, String path) {
    JsonNode n = parent.get(key);
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException("trace JSON: " + path + ": expected a string");
    }
    return n.asText();
  }

  private static long number(JsonNode parent, String key, String path) {
    JsonNode n = parent.get(key);
    if (n == null || !n.canConvertToLong() || !n.isIntegralNumber()) {
      throw new IllegalArgumentException("trace JSON: " + path + ": expected an integer");
    }
    return n.asLong();
  }

  private static <E extends Enum<E>> E constant(Class<E> type, JsonNode parent, String key, String path) {
    String value = text(parent, key, path);
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("trace JSON: " + path + ": unsupported value \"" + value + "\"");
    }
  }
}
