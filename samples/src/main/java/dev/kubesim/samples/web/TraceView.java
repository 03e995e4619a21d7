package dev.kubesim.samples.web;

import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.trace.TraceHop;
import java.util.List;
import java.util.Locale;

/**
 * A trace as the page steps through it: the text rendering and one row a hop.
 *
 * @param title what was traced
 * @param text {@link Trace#render()}
 * @param hops the hops in order
 * @param svg {@link Trace#toSvg()}: the request as a sequence diagram
 */
public record TraceView(String title, String text, List<Hop> hops, String svg) {
  public TraceView {
    hops = List.copyOf(hops);
  }

  /**
   * One hop's row.
   *
   * @param at the virtual instant, in milliseconds as the text rendering shows it
   * @param node the node
   * @param netns the network namespace
   * @param where the interface or component
   * @param action what happened ({@code DNAT}, {@code DELIVER}, ...)
   * @param object the object behind it as {@code kind/namespace/name}, or empty
   * @param rule the rule behind it, or empty
   * @param reason why, in words
   */
  public record Hop(String at, String node, String netns, String where, String action, String object, String rule,
      String reason) {}

  /** The view of a trace. */
  public static TraceView of(Trace trace) {
    return new TraceView(trace.title(), trace.render(), trace.hops().stream().map(TraceView::hop).toList(),
        trace.toSvg());
  }

  private static Hop hop(TraceHop h) {
    return new Hop(String.format(Locale.ROOT, "%.3fms", h.at().toNanos() / 1e6), h.node(), h.netns(), h.where(),
        h.action().name(), h.object().map(Object::toString).orElse(""), h.rule().orElse(""), h.reason());
  }
}
