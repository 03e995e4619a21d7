package dev.kubesim.api.trace;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of one packet: where it was (node, network namespace, interface or component), what
 * happened there and why.
 *
 * @param at the virtual instant, as time since the cluster started
 * @param node the node whose machine the step happened on ({@code -} outside the cluster)
 * @param netns the network namespace: a node's own ({@code node-1}), a pod's ({@code default/kubia-x7k2p})
 *     or an outside host's ({@code external/203.0.113.10}); {@code cloud} for the network in front of
 *     the nodes
 * @param where the interface ({@code eth0}, {@code cni0}, {@code veth1a2b3c4d}) or component
 *     ({@code nat PREROUTING}, {@code routing}, {@code conntrack}, {@code socket}, {@code ingress-nginx}, the cloud's
 *     {@code load balancer} and {@code router})
 * @param action what happened: {@code SEND}, {@code RECEIVE}, {@code DNAT}, {@code SNAT}, {@code
 *     ROUTE}, {@code DELIVER}, {@code REJECT}, {@code DROP}, {@code PROXY}, ...
 * @param reason why, in words: the rule chain, the route, the listener
 * @param packet the packet as it arrived at this step; empty for a client's own step (a DNS lookup, a
 *     timeout) and for an L7 proxy's decision ({@code PROXY}: which Ingress, rule, path and backend
 *     endpoint the ingress controller chose, or why it answered itself)
 * @param rewritten the packet as it left this step, when the step changed it (NAT)
 */
public record TraceHop(Duration at, String node, String netns, String where, String action, String reason,
    Optional<TracePacket> packet, Optional<TracePacket> rewritten) {
  public TraceHop {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(netns, "netns");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(packet, "packet");
    Objects.requireNonNull(rewritten, "rewritten");
  }
}
