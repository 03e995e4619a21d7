package dev.kubesim.impl.trace;

import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.TraceHop;
import dev.kubesim.api.trace.TracePacket;
import java.util.List;

/** A trace as JSON, keys in a fixed order, times in virtual nanoseconds since the cluster started. */
final class TraceJson {
  private TraceJson() {}

  static String render(String title, long start, List<TraceHop> hops, Disposition d) {
    StringBuilder b = new StringBuilder(256 + hops.size() * 300);
    b.append("{\"title\":");
    string(b, title);
    b.append(",\"startNanos\":").append(start);
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
      string(b, h.action());
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
    b.append(",\"object\":");
    string(b, d.object());
    b.append(",\"reason\":");
    string(b, d.reason());
    b.append("}}");
    return b.toString();
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
