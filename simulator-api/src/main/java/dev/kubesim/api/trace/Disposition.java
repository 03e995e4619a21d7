package dev.kubesim.api.trace;

import java.util.Objects;

/**
 * How a traced request ended.
 *
 * @param kind the outcome, from a closed set
 * @param object the object that decided it, as {@code kind/namespace/name} or {@code kind/name}
 *     ({@code pod/default/kubia-x7k2p}, {@code service/default/kubia}, {@code node/node-2}), or
 *     {@code -} when nothing in the cluster did. For a delivered request it is the pod whose answer
 *     came back: behind an ingress controller that proxied the request, the backend pod; the
 *     controller's own pod when it answered itself (default backend, redirect, 502/503/504)
 * @param reason one line for people
 */
public record Disposition(Kind kind, String object, String reason) {
  /** The ways a request can end. */
  public enum Kind {
    /**
     * A response came back (whatever its HTTP status), also when an L7 proxy (the ingress
     * controller) answered itself instead of passing the request on.
     */
    DELIVERED,
    /** The connection was refused: a TCP RST, or an ICMP port-unreachable from a REJECT rule. */
    REFUSED,
    /** Nothing came back before the client gave up: a DROP rule, a lost packet, a node that is down. */
    TIMED_OUT,
    /** No route to the destination (the network or host is unreachable). */
    NO_ROUTE,
    /** The name does not exist. */
    NXDOMAIN,
    /** The name could not be resolved otherwise: no records of the type, a server failure, no DNS reply. */
    NO_ANSWER,
    /** The connection was made but the server closed it without a response. */
    EMPTY_REPLY
  }

  public Disposition {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return kind + " by " + object + ": " + reason;
  }
}
