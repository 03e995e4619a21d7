package dev.kubesim.api.map;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.ObjectRef;
import java.util.List;
import java.util.Objects;

/**
 * Where one hop of a trace is on a {@link ClusterMap}: the shapes it is at and the edges its packet
 * moves along. Every reference names a shape the map draws, so a viewer can mark them in {@link
 * ClusterMap#toSvg()}'s output by its {@code data-ref} (a shape) and {@code data-from}/{@code
 * data-to} (an edge) attributes without laying anything out itself.
 *
 * @param at the shapes the hop is at, in a fixed order: the pod whose network namespace it is in,
 *     or the node whose own namespace (its netfilter, its routing) it is in; then the object behind
 *     the hop (the Service that DNAT'd, the Ingress that routed, the NetworkPolicy that decided) when
 *     the map draws it
 * @param edges the edges the packet moves along: Service → the endpoint pod a connection was DNAT'd
 *     to (for every packet of that connection, both ways), Ingress → the Service whose endpoint the
 *     ingress controller proxied to, pod → the NetworkPolicy that decided its packet
 */
public record MapStep(List<ObjectRef> at, List<Edge> edges) {
  /**
   * Copies the lists.
   *
   * @param at the shapes the hop is at
   * @param edges the edges the packet moves along
   */
  public MapStep {
    at = ImmutableList.copyOf(at);
    edges = ImmutableList.copyOf(edges);
  }

  /**
   * An edge of the map, in the direction it is drawn.
   *
   * @param from the shape it starts at
   * @param to the shape it ends at
   */
  public record Edge(ObjectRef from, ObjectRef to) {
    /**
     * Checks that no field is {@code null}.
     *
     * @param from the shape it starts at
     * @param to the shape it ends at
     */
    public Edge {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }
}
