package dev.kubesim.api.trace;

import dev.kubesim.api.ObjectRef;
import java.util.List;
import java.util.Optional;

/**
 * A trace as JSON of schema {@value Trace#SCHEMA}, keys in a fixed order, times in virtual
 * nanoseconds since the cluster started.
 */
final class TraceJson {
  private TraceJson() {}

  static String write(Trace t) {
    List<TraceHop> hops = t.hops();
    Disposition d = t.disposition();
    StringBuilder b = new StringBuilder(256 + hops.size() * 360);
    b.append("{\"schema\":");
    string(b, Trace.SCHEMA);
    b.append(",\"title\":");
    string(b, t.title());
    b.append(",\"startNanos\":").append(t.startedAt().toNanos());
    b.append(",\"hops\":[");
    for (int i = 0; i < hops.size(); i++) {
      TraceHop h = hops.get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"atNanos\":").append(h.at().toNanos());
      b.append(",\"node\":");
      string(b, h.node());
      b.append(",\"netns\":");
      string(b, h.netns());
      b.append(",\"where\":");
      string(b, h.where());
      b.append(",\"action\":");
      string(b, h.action().name());
      b.append(",\"object\":");
      object(b, h.object());
      b.append(",\"rule\":");
      if (h.rule().isPresent()) {
        string(b, h.rule().get());
      } else {
        b.append("null");
      }
      b.append(",\"dns\":");
      dns(b, h.dns());
      b.append(",\"packet\":");
      packet(b, h.packet().orElse(null));
      b.append(",\"rewritten\":");
      packet(b, h.rewritten().orElse(null));
      b.append(",\"reason\":");
      string(b, h.reason());
      b.append('}');
    }
    b.append("],\"disposition\":{\"kind\":");
    string(b, d.kind().name());
    b.append(",\"cause\":");
    string(b, d.cause().name());
    b.append(",\"object\":");
    object(b, d.object());
    b.append(",\"reason\":");
    string(b, d.reason());
    b.append("}}");
    return b.toString();
  }

  private static void object(StringBuilder b, Optional<ObjectRef> o) {
    if (o.isEmpty()) {
      b.append("null");
      return;
    }
    b.append("{\"kind\":");
    string(b, o.get().kind());
    b.append(",\"namespace\":");
    string(b, o.get().namespace());
    b.append(",\"name\":");
    string(b, o.get().name());
    b.append('}');
  }

  private static void dns(StringBuilder b, Optional<DnsAnswer> a) {
    if (a.isEmpty()) {
      b.append("null");
      return;
    }
    b.append("{\"name\":");
    string(b, a.get().name());
    b.append(",\"fqdn\":");
    string(b, a.get().fqdn());
    b.append(",\"addresses\":[");
    List<String> addresses = a.get().addresses();
    for (int i = 0; i < addresses.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      string(b, addresses.get(i));
    }
    b.append("]}");
  }

  private static void packet(StringBuilder b, TracePacket p) {
    if (p == null) {
      b.append("null");
      return;
    }
    b.append("{\"protocol\":");
    string(b, p.protocol());
    b.append(",\"source\":");
    string(b, p.source());
    b.append(",\"sourcePort\":").append(p.sourcePort());
    b.append(",\"destination\":");
    string(b, p.destination());
    b.append(",\"destinationPort\":").append(p.destinationPort());
    b.append(",\"flags\":");
    string(b, p.flags());
    b.append(",\"payload\":");
    string(b, p.payload());
    b.append('}');
  }

  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
