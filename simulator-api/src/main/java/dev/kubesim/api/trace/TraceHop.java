package dev.kubesim.api.trace;

import dev.kubesim.api.ObjectRef;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of one packet: where it was (node, network namespace, interface or component), what
 * happened there, the object and rule behind it, and why.
 *
 * @param at the virtual instant, as time since the cluster started
 * @param node the node whose machine the step happened on ({@code -} outside the cluster)
 * @param netns the network namespace: a node's own ({@code node-1}), a pod's ({@code default/kubia-x7k2p})
 *     or an outside host's ({@code external/203.0.113.10}); {@code cloud} for the network in front of
 *     the nodes
 * @param where the interface ({@code eth0}, {@code cni0}, {@code veth1a2b3c4d}) or component
 *     ({@code nat PREROUTING}, {@code routing}, {@code conntrack}, {@code socket}, {@code ingress-nginx}, the cloud's
 *     {@code load balancer} and {@code router})
 * @param action what happened
 * @param object the object behind the step: the Service whose rule DNAT'd, rejected or dropped the
 *     packet, the NetworkPolicy that admitted or dropped it, the pod or node a packet was delivered to,
 *     the node that was down, the Ingress that routed a request; empty when no object decided
 * @param rule the rule behind the step as its owner names it: kube-proxy's chains ({@code
 *     KUBE-SVC-… / KUBE-SEP-…}), a NetworkPolicy's rule ({@code ingress[0].from[1]}), an Ingress
 *     rule ({@code spec.rules[0]}); empty when none
 * @param dns for a resolver step that took an answer, the name and its addresses
 * @param reason why, in words: the rule chain, the route, the listener
 * @param packet the packet as it arrived at this step; empty for a client's own step (a DNS lookup, a
 *     timeout) and for an L7 proxy's decision ({@code PROXY}: which Ingress, rule, path and backend
 *     endpoint the ingress controller chose, or why it answered itself)
 * @param rewritten the packet as it left this step, when the step changed it (NAT)
 */
public record TraceHop(Duration at, String node, String netns, String where, Action action, Optional<ObjectRef> object,
    Optional<String> rule, Optional<DnsAnswer> dns, String reason, Optional<TracePacket> packet,
    Optional<TracePacket> rewritten) {
  /** What happened to a packet at one hop. */
  public enum Action {
    /** A process handed the packet to its network namespace. */
    SEND,
    /** The packet arrived on an interface. */
    RECEIVE,
    /** The routing table chose where the packet goes next. */
    ROUTE,
    /** Destination NAT: a new connection matched a Service rule, or a later packet its conntrack entry. */
    DNAT,
    /** Source NAT (masquerade) on the way out. */
    SNAT,
    /** A reply's destination turned back from the SNAT address to the original client. */
    UNSNAT,
    /** A reply's source turned back from the endpoint to the address the client asked for. */
    UNDNAT,
    /** A filter rule let the packet through explicitly. */
    ACCEPT,
    /** A filter rule refused the packet; an ICMP error goes back. */
    REJECT,
    /** A filter rule discarded the packet silently. */
    DROP,
    /** The packet reached a socket (or the kernel, for ICMP) in its namespace. */
    DELIVER,
    /** The packet went nowhere: no host has the address, or the node is down. */
    LOST,
    /** The sender has no route to the destination. */
    NO_ROUTE,
    /** The client waited for an answer that did not come and sent again or gave up. */
    TIMEOUT,
    /** A DNS lookup step of the client's resolver (a name tried, an answer taken). */
    RESOLVE,
    /**
     * An L7 proxy (the ingress controller's nginx) routed an HTTP request by host and path: to an
     * upstream endpoint on a connection of its own, or to an answer of its own (404, redirect, 503,
     * an upstream's failure as 502 or 504).
     */
    PROXY
  }

  /**
   * Checks that no field is {@code null}.
   *
   * @param at the virtual instant, as time since the cluster started
   * @param node the node whose machine the step happened on ({@code -} outside the cluster)
   * @param netns the network namespace: a node's own ({@code node-1}), a pod's ({@code
   *     default/kubia-x7k2p}) or an outside host's ({@code external/203.0.113.10}); {@code cloud}
   *     for the network in front of the nodes
   * @param where the interface ({@code eth0}, {@code cni0}, {@code veth1a2b3c4d}) or component
   *     ({@code nat PREROUTING}, {@code routing}, {@code conntrack}, {@code socket}, {@code
   *     ingress-nginx}, the cloud's {@code load balancer} and {@code router})
   * @param action what happened
   * @param object the object behind the step: the Service whose rule DNAT'd, rejected or dropped
   *     the packet, the NetworkPolicy that admitted or dropped it, the pod or node a packet was
   *     delivered to, the node that was down, the Ingress that routed a request; empty when no
   *     object decided
   * @param rule the rule behind the step as its owner names it: kube-proxy's chains ({@code
   *     KUBE-SVC-… / KUBE-SEP-…}), a NetworkPolicy's rule ({@code ingress[0].from[1]}), an Ingress
   *     rule ({@code spec.rules[0]}); empty when none
   * @param dns for a resolver step that took an answer, the name and its addresses
   * @param reason why, in words: the rule chain, the route, the listener
   * @param packet the packet as it arrived at this step; empty for a client's own step (a DNS
   *     lookup, a timeout) and for an L7 proxy's decision ({@code PROXY}: which Ingress, rule, path
   *     and backend endpoint the ingress controller chose, or why it answered itself)
   * @param rewritten the packet as it left this step, when the step changed it (NAT)
   */
  public TraceHop {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(netns, "netns");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(dns, "dns");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(packet, "packet");
    Objects.requireNonNull(rewritten, "rewritten");
  }

  /**
   * One line: {@code 12.345ms node-1 default/client nat PREROUTING DNAT TCP … => TCP … [service/default/kubia
   * KUBE-SVC-… / KUBE-SEP-…] (reason)}, absent parts left out.
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%.3fms ", at.toNanos() / 1e6)).append(node).append(' ').append(netns).append(' ').append(where)
        .append(' ').append(action);
    packet.ifPresent(p -> b.append(' ').append(p));
    rewritten.ifPresent(p -> b.append(" => ").append(p));
    if (object.isPresent() || rule.isPresent()) {
      b.append(" [");
      object.ifPresent(b::append);
      if (object.isPresent() && rule.isPresent()) {
        b.append(' ');
      }
      rule.ifPresent(b::append);
      b.append(']');
    }
    dns.ifPresent(d -> b.append(" {").append(d).append('}'));
    if (!reason.isEmpty()) {
      b.append(" (").append(reason).append(')');
    }
    return b.toString();
  }
}
