package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.TraceHop.Action;
import dev.kubesim.impl.trace.HopSubject;
import dev.kubesim.impl.trace.Reason;
import java.util.Objects;
import java.util.Optional;

/**
 * Where hosts outside the cluster meet the node network for addresses that are no host's own: the
 * {@link Gateway}'s elements (the cloud's load balancers, the router with the externalIP routes),
 * which keep a connection table of their own. A connection's first packet asks the gateway; the
 * element forwards it to a node (DNAT to a nodePort, or the address kept) or drops it. Every later
 * packet of the connection finds the entry and goes the same way, and every reply leaving a node
 * for the outside is translated back, so the client sees the address it connected to — as a
 * load balancer's connection tracking does. Look-ups are hashed by 5-tuple, like a node's conntrack.
 */
final class OutsideEdge {
  /** The trace's name for the network outside the nodes, where the elements stand. */
  static final String NETNS = "cloud";

  private final Network net;
  private final Conntrack conntrack = new Conntrack();
  private Gateway gateway = Gateway.NONE;

  OutsideEdge(Network net) {
    this.net = net;
  }

  void gateway(Gateway value) {
    gateway = Objects.requireNonNull(value, "gateway");
  }

  /** Where a packet from outside goes: on to a node (as rewritten), or nowhere. */
  record Inbound(NodeHost node, Packet packet, Delivery.Lost lost) {}

  /** A packet from an outside host to an address that is neither a node's nor an outside host's. */
  Inbound inbound(Session s, Packet p) {
    long now = s.now();
    Conntrack.Match m = conntrack.find(p, now);
    if (m != null && (m.reply() || (p.protocol() == IpProtocol.TCP && p.flags() == TcpFlags.SYN && m.entry().closing))) {
      m = null; // a new SYN on a closing tuple opens a new connection
    }
    if (m != null) {
      ConntrackEntry e = m.entry();
      conntrack.seen(e, p, false, now);
      Packet q = e.dnat ? p.withDestination(e.decision.destination(), e.decision.destinationPort()) : p;
      s.elementHop(NETNS, e.route.element(), e.dnat ? Action.DNAT : Action.ROUTE, p, e.dnat ? q : null,
          () -> "conntrack: " + e.route.reason(), e.route);
      return new Inbound(e.via, q.forwarded(), null);
    }
    GatewayRoute r = gateway.route(p);
    switch (r.kind()) {
      case DROP -> {
        s.elementHop(NETNS, r.element(), Action.DROP, p, null, Reason.of(r.reason()), r);
        return lost(Delivery.Loss.DROPPED, r.object(), r.reason());
      }
      case UNKNOWN -> {
        String why = unknown(p.destination());
        s.elementHop(NETNS, r.element(), Action.LOST, p, null, Reason.of(why), HopSubject.NONE);
        return lost(Delivery.Loss.NO_HOST, Optional.empty(), why);
      }
      default -> { }
    }
    NodeHost node = net.node(r.node()).orElse(null);
    if (node == null) {
      String why = r.reason() + ", but node " + r.node() + " is not on the network";
      s.elementHop(NETNS, r.element(), Action.LOST, p, null, Reason.of(why), r);
      return lost(Delivery.Loss.NO_HOST, r.object(), why);
    }
    boolean dnat = r.destination() != p.destination() || r.destinationPort() != p.destinationPort();
    PacketDecision d = PacketDecision.of(dnat ? Verdict.DNAT : Verdict.ACCEPT, r.destination(), r.destinationPort(),
        r.reason());
    ConntrackEntry e = conntrack.begin(p, d, now);
    e.via = node;
    e.route = r;
    Packet q = dnat ? p.withDestination(r.destination(), r.destinationPort()) : p;
    conntrack.confirm(e, q);
    s.elementHop(NETNS, r.element(), dnat ? Action.DNAT : Action.ROUTE, p, dnat ? q : null, Reason.of(r.reason()), r);
    return new Inbound(node, q.forwarded(), null);
  }

  /**
   * A packet leaving the node network for the outside: a reply of a connection an element
   * forwarded goes back through that element (its source turned back to the address the client
   * connected to); anything else passes untouched.
   */
  Packet outbound(Session s, Packet q) {
    long now = s.now();
    boolean icmpError = q.protocol() == IpProtocol.ICMP && q.icmp().isError();
    Conntrack.Match m = icmpError ? conntrack.findRelated(q, now) : conntrack.find(q, now);
    if (m == null || !m.reply()) {
      return q;
    }
    ConntrackEntry e = m.entry();
    if (q.protocol() == IpProtocol.TCP && q.hasFlag(TcpFlags.SYN) && e.closing) {
      return q; // the handshake of a newer connection that happens to reuse the tuple, not through the element
    }
    conntrack.seen(e, q, true, now);
    if (!e.dnat) {
      s.elementHop(NETNS, e.route.element(), Action.ROUTE, q, null,
          () -> "conntrack: the reply goes back to the client " + Ip4.format(e.source), e.route);
      return q.forwarded();
    }
    Packet r = icmpError
        ? Packet.icmp(e.destination, q.destination(), q.icmp(), 0,
            new Packet.Quoted(((Packet.Quoted) q.payload()).original().withDestination(e.destination, e.destinationPort)))
        : q.withSource(e.destination, e.destinationPort);
    s.elementHop(NETNS, e.route.element(), Action.UNDNAT, q, r,
        () -> "conntrack: the reply leaves from " + Ip4.format(e.destination) + ":" + e.destinationPort
            + ", the address the client connected to", e.route);
    return r.forwarded();
  }

  /** Why nobody outside the cluster takes a packet to this address. */
  private String unknown(int dst) {
    String ip = Ip4.format(dst);
    return net.serviceRange(dst)
        .map(c -> ip + " is a ClusterIP (Service range " + c + "): only kube-proxy's rules inside the cluster know it;"
            + " nothing outside routes it")
        .orElseGet(() -> net.inClusterNetwork(dst)
            ? ip + " is in the pod network: only the nodes route it; nothing outside the cluster does"
            : "no host has " + ip);
  }

  private static Inbound lost(Delivery.Loss kind, Optional<ObjectRef> object, String reason) {
    return new Inbound(null, null, new Delivery.Lost(kind, object, reason));
  }
}
