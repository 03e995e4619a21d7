package dev.kubesim.samples.web;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.map.ClusterMap;
import dev.kubesim.api.map.MapStep;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.trace.TraceHop;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A trace as the page steps through it: the text rendering and one row a hop, each with where it
 * is on the cluster map.
 *
 * @param title what was traced
 * @param text {@link Trace#render()}
 * @param hops the hops in order
 * @param svg {@link Trace#toSvg()}: the request as a sequence diagram
 */
public record TraceView(String title, String text, List<Hop> hops, String svg) {
  /**
   * Copies the hops.
   *
   * @param title what was traced
   * @param text {@link Trace#render()}
   * @param hops the hops in order
   * @param svg {@link Trace#toSvg()}: the request as a sequence diagram
   */
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
   * @param mapAt the map's shapes the hop is at, as their {@code data-ref} attributes name them
   * @param mapEdges the map's edges the packet moves along, as their {@code data-from} and {@code data-to} name them
   */
  public record Hop(String at, String node, String netns, String where, String action, String object, String rule,
      String reason, List<String> mapAt, List<MapEdge> mapEdges) {
    /**
     * Copies the lists.
     *
     * @param at the virtual instant, in milliseconds as the text rendering shows it
     * @param node the node
     * @param netns the network namespace
     * @param where the interface or component
     * @param action what happened
     * @param object the object behind it, or empty
     * @param rule the rule behind it, or empty
     * @param reason why, in words
     * @param mapAt the map's shapes the hop is at
     * @param mapEdges the map's edges the packet moves along
     */
    public Hop {
      mapAt = List.copyOf(mapAt);
      mapEdges = List.copyOf(mapEdges);
    }
  }

  /**
   * An edge of the cluster map.
   *
   * @param from its {@code data-from}
   * @param to its {@code data-to}
   */
  public record MapEdge(String from, String to) {}

  /**
   * The view of a trace, its hops placed on the map the page shows.
   *
   * @param trace the request
   * @param map the cluster map drawn beside it
   * @return the view
   */
  public static TraceView of(Trace trace, ClusterMap map) {
    List<MapStep> steps = map.steps(trace);
    List<Hop> hops = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      hops.add(hop(trace.hops().get(i), steps.get(i)));
    }
    return new TraceView(trace.title(), trace.render(), hops, trace.toSvg());
  }

  private static Hop hop(TraceHop h, MapStep step) {
    return new Hop(String.format(Locale.ROOT, "%.3fms", h.at().toNanos() / 1e6), h.node(), h.netns(), h.where(),
        h.action().name(), h.object().map(Object::toString).orElse(""), h.rule().orElse(""), h.reason(),
        step.at().stream().map(ObjectRef::toString).toList(),
        step.edges().stream().map(e -> new MapEdge(e.from().toString(), e.to().toString())).toList());
  }
}
