package dev.kubesim.api.trace;

import dev.kubesim.api.ObjectRef;
import java.util.Objects;
import java.util.Optional;

/**
 * How a traced request ended: what the client saw ({@link Kind}), why ({@link Cause}), and the object
 * that decided it.
 *
 * @param kind the outcome as the client saw it, from a closed set
 * @param cause why it ended so, from a closed set: the same {@link Kind#REFUSED} comes from a Service
 *     without endpoints ({@link Cause#NO_ENDPOINTS}) or from a pod where nothing listens ({@link
 *     Cause#NOTHING_LISTENING})
 * @param object the object that decided it ({@code pod/default/kubia-x7k2p}, {@code
 *     service/default/kubia}, {@code node/node-2}, {@code networkpolicy/x/deny}), empty when nothing in
 *     the cluster did. For a delivered request it is the pod whose answer came back: behind an ingress
 *     controller that proxied the request, the backend pod; the controller's own pod when it answered
 *     itself (default backend, redirect, 502/503/504)
 * @param reason one line for people
 */
public record Disposition(Kind kind, Cause cause, Optional<ObjectRef> object, String reason) {
  /** The ways a request can end, as the client sees them. */
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

  /** Why a request ended as it did: the deciding mechanism, whatever the client saw. */
  public enum Cause {
    /** The server answered (a pod's program, a node's listener, an outside host, a DNS server). */
    ANSWERED,
    /**
     * An L7 proxy (the ingress controller's nginx) answered itself: its default backend's 404, the
     * redirect to HTTPS, or 502/503/504 for a backend without endpoints or one that failed.
     */
    PROXY_ANSWERED,
    /** kube-proxy's REJECT rule for a Service port without endpoints (ICMP port-unreachable). */
    NO_ENDPOINTS,
    /** The destination's kernel refused: nothing listens on the port (TCP RST, ICMP port-unreachable). */
    NOTHING_LISTENING,
    /** A NetworkPolicy isolates the pod and none of its rules admitted the connection. */
    POLICY_DENIED,
    /**
     * A DROP rule that is no NetworkPolicy: kube-proxy's for a Local traffic policy without a local
     * endpoint or a source outside {@code loadBalancerSourceRanges}, or the cloud load balancer's;
     * also nftables mode's REJECT of a port no Service has on a clusterIP and DROP of an
     * unallocated address in the service CIDR.
     */
    FILTERED,
    /** A node on the way is down. */
    NODE_DOWN,
    /** No host has the destination address (a ClusterIP seen from outside the cluster, a pod that is gone). */
    NO_HOST,
    /** The sender has no route to the destination, or an ICMP host/net unreachable came back. */
    NO_ROUTE,
    /** The DNS says the name does not exist. */
    NXDOMAIN,
    /** The name exists without records of the type asked ({@code NODATA}). */
    NO_DNS_RECORDS,
    /** A DNS server answered with a failure ({@code SERVFAIL}, {@code REFUSED}). */
    DNS_SERVER_FAILURE,
    /** No DNS server answered at all. */
    NO_DNS_SERVER,
    /** The client's time limit passed while the server was still working, with nothing lost on the way. */
    TIMEOUT,
    /** The server closed the connection without a response. */
    CONNECTION_CLOSED,
    /** The client spoke TLS to a server that speaks plain HTTP on the port: the handshake failed. */
    TLS_NOT_SPOKEN,
    /** The client verified the server's certificate and does not trust its issuer ({@code curl} without {@code -k}). */
    UNTRUSTED_CERTIFICATE,
    /** The client could not parse the URL (or {@code HOST:PORT}) it was given. */
    MALFORMED_URL,
    /** The client does not speak the URL's scheme. */
    UNSUPPORTED_PROTOCOL,
    /** The client sent nothing: it stopped before its first request. */
    NOTHING_SENT,
    /** The client has not ended: it runs until it is stopped ({@code ping} without a count). */
    STILL_RUNNING
  }

  /**
   * Checks that no field is {@code null}.
   *
   * @param kind the outcome as the client saw it, from a closed set
   * @param cause why it ended so, from a closed set: the same {@link Kind#REFUSED} comes from a
   *     Service without endpoints ({@link Cause#NO_ENDPOINTS}) or from a pod where nothing listens
   *     ({@link Cause#NOTHING_LISTENING})
   * @param object the object that decided it ({@code pod/default/kubia-x7k2p}, {@code
   *     service/default/kubia}, {@code node/node-2}, {@code networkpolicy/x/deny}), empty when
   *     nothing in the cluster did. For a delivered request it is the pod whose answer came back:
   *     behind an ingress controller that proxied the request, the backend pod; the controller's
   *     own pod when it answered itself (default backend, redirect, 502/503/504)
   * @param reason one line for people
   */
  public Disposition {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * A disposition decided by this object.
   *
   * @param kind how the packet's way ended
   * @param cause why, as a {@link dev.kubesim.api.trace.Disposition.Cause}
   * @param object the object that decided, as an {@link dev.kubesim.api.ObjectRef}
   * @param reason a human-readable reason, as the component that decided it words it
   * @return a disposition decided by this object
   */
  public static Disposition of(Kind kind, Cause cause, ObjectRef object, String reason) {
    return new Disposition(kind, cause, Optional.of(object), reason);
  }

  /**
   * A disposition that no object in the cluster decided.
   *
   * @param kind how the packet's way ended
   * @param cause why, as a {@link dev.kubesim.api.trace.Disposition.Cause}
   * @param reason a human-readable reason, as the component that decided it words it
   * @return a disposition that no object in the cluster decided
   */
  public static Disposition of(Kind kind, Cause cause, String reason) {
    return new Disposition(kind, cause, Optional.empty(), reason);
  }

  /**
   * The deciding object as {@code kind/namespace/name}, or {@code -} when there is none, as traces
   * print it.
   *
   * @return the deciding object as {@code kind/namespace/name}, or {@code -} when there is none, as
   *     traces print it
   */
  public String objectText() {
    return object.map(ObjectRef::toString).orElse("-");
  }

  /** {@code REFUSED (NO_ENDPOINTS) by service/default/kubia: ...}. */
  @Override
  public String toString() {
    return kind + " (" + cause + ") by " + objectText() + ": " + reason;
  }
}
