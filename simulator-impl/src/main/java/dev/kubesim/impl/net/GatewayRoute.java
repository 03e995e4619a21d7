package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.impl.trace.HopSubject;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link Gateway} does with a new connection from outside: forwards it to a node (the
 * destination rewritten, as a load balancer targeting nodePorts does, or kept), drops it for a
 * reason, or does not know the address at all.
 *
 * @param kind what happens
 * @param element the element that decides, for traces ({@code load balancer}, {@code router})
 * @param node the node the connection goes to, when forwarded
 * @param destination the destination address on the way to the node (the original one when kept)
 * @param destinationPort likewise
 * @param object the deciding object ({@code service/NAMESPACE/NAME}), if any
 * @param reason one line for people: which node and why, or why nothing
 */
public record GatewayRoute(Kind kind, String element, String node, int destination, int destinationPort,
    Optional<ObjectRef> object, String reason) implements HopSubject {
  /** What happens to the connection. */
  public enum Kind {
    /** On to {@link #node}. */
    FORWARD,
    /** Discarded by the element, for {@link #reason}. */
    DROP,
    /** Nothing routes the address: the packet is lost outside. */
    UNKNOWN
  }

  public GatewayRoute {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(reason, "reason");
  }

  /** The connection goes to {@code node}, addressed to {@code destination:destinationPort} there. */
  public static GatewayRoute forward(String element, String node, int destination, int destinationPort,
      Optional<ObjectRef> object, String reason) {
    return new GatewayRoute(Kind.FORWARD, element, node, destination, destinationPort, object, reason);
  }

  /** The element discards the connection. */
  public static GatewayRoute drop(String element, Optional<ObjectRef> object, String reason) {
    return new GatewayRoute(Kind.DROP, element, "", 0, 0, object, reason);
  }

  /** The deciding Service, for the element's hop. */
  @Override
  public Optional<ObjectRef> hopObject() {
    return object;
  }

  /** Nothing routes the address. */
  public static GatewayRoute unknown() {
    return new GatewayRoute(Kind.UNKNOWN, "routing", "", 0, 0, Optional.empty(), "");
  }
}
