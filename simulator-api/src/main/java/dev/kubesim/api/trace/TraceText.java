package dev.kubesim.api.trace;

import java.util.List;
import java.util.Locale;

/**
 * A trace as text: a title line, one line a hop in aligned columns (time since the start in
 * milliseconds, node, network namespace, interface or component, action, packet, reason), and the
 * disposition.
 */
final class TraceText {
  private TraceText() {}

  static String render(Trace t) {
    List<TraceHop> hops = t.hops();
    Disposition d = t.disposition();
    long start = t.startedAt().toNanos();
    int wNode = 4;
    int wNetns = 5;
    int wWhere = 5;
    int wAction = 6;
    for (TraceHop h : hops) {
      wNode = Math.max(wNode, h.node().length());
      wNetns = Math.max(wNetns, h.netns().length());
      wWhere = Math.max(wWhere, h.where().length());
      wAction = Math.max(wAction, h.action().name().length());
    }
    StringBuilder b = new StringBuilder(128 + hops.size() * 160);
    b.append("trace: ").append(t.title()).append('\n');
    b.append(String.format(Locale.ROOT, "%10s  ", "TIME(ms)"));
    pad(b, "NODE", wNode);
    pad(b, "NETNS", wNetns);
    pad(b, "WHERE", wWhere);
    pad(b, "ACTION", wAction);
    b.append("PACKET\n");
    for (TraceHop h : hops) {
      long rel = h.at().toNanos() - start;
      b.append(String.format(Locale.ROOT, "%10.3f  ", rel / 1e6));
      pad(b, h.node(), wNode);
      pad(b, h.netns(), wNetns);
      pad(b, h.where(), wWhere);
      pad(b, h.action().name(), wAction);
      h.packet().ifPresent(p -> b.append(p));
      h.rewritten().ifPresent(p -> b.append(" => ").append(p));
      if (!h.reason().isEmpty()) {
        b.append(h.packet().isPresent() ? "  (" : "(").append(h.reason()).append(')');
      }
      trimEnd(b);
      b.append('\n');
    }
    b.append("result: ").append(d.kind()).append(" by ").append(d.objectText()).append(": ").append(d.reason()).append('\n');
    return b.toString();
  }

  private static void pad(StringBuilder b, String s, int width) {
    b.append(s);
    for (int i = s.length(); i < width + 2; i++) {
      b.append(' ');
    }
  }

  private static void trimEnd(StringBuilder b) {
    int n = b.length();
    while (n > 0 && b.charAt(n - 1) == ' ') {
      n--;
    }
    b.setLength(n);
  }
}
