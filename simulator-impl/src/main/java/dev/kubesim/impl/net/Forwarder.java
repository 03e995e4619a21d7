package dev.kubesim.impl.net;

import dev.kubesim.api.trace.TraceHop.Action;
import dev.kubesim.impl.trace.Reason;
import java.util.Optional;


/**
 * Walks one packet through the network, hop by hop: out of the sender's namespace, across veths
 * and the node network, through each node's netfilter hooks (conntrack first; for a new
 * connection the node's rules: DNAT, REJECT, DROP), routing, masquerade at POSTROUTING, and into
 * the namespace that has the destination. Replies find their conntrack entry and are translated
 * back (un-SNAT at PREROUTING, un-DNAT at POSTROUTING or INPUT). Between outside hosts and the
 * nodes, packets to addresses that are no host's cross the {@link OutsideEdge} both ways.
 */
final class Forwarder {
  private final Network net;
  private final long veth;
  private final long nodeLink;
  private final long outsideLink;
  private final long loopback;

  Forwarder(Network net) {
    this.net = net;
    this.veth = net.latency().veth().toNanos();
    this.nodeLink = net.latency().node().toNanos();
    this.outsideLink = net.latency().outside().toNanos();
    this.loopback = net.latency().loopback().toNanos();
  }

  Delivery send(Session s, Netns from, Packet p, Reason reason) {
    return switch (from.kind()) {
      case POD -> fromPod(s, from, p, reason);
      case NODE -> {
        s.hop(from, "OUTPUT", Action.SEND, p, null, reason);
        yield netfilter(s, from.node(), p, true);
      }
      case EXTERNAL -> fromOutside(s, from, p, reason);
    };
  }

  private Delivery fromPod(Session s, Netns pod, Packet p, Reason reason) {
    if (p.destination() == pod.address() || Ip4.isLoopback(p.destination())) {
      s.hop(pod, "lo", Action.SEND, p, null, reason);
      s.advance(loopback);
      s.hop(pod, "lo", Action.DELIVER, p, null, Reason.NONE, pod);
      return new Delivery.Arrived(pod, p);
    }
    NodeHost node = pod.node();
    s.hop(pod, "eth0", Action.SEND, p, null, reason != Reason.NONE ? reason : Reason.of(node.podDefaultRoute()));
    s.advance(veth);
    return ingress(s, node, p, pod.hostInterface());
  }

  private Delivery fromOutside(Session s, Netns host, Packet p, Reason reason) {
    int dst = p.destination();
    if (Ip4.isLoopback(dst)) {
      // the host's own loopback: kubectl port-forward listens there
      s.hop(host, "lo", Action.SEND, p, null, reason);
      s.advance(loopback);
      s.hop(host, "lo", Action.DELIVER, p, null, Reason.NONE, host);
      return new Delivery.Arrived(host, p);
    }
    s.hop(host, "eth0", Action.SEND, p, null, reason);
    if (dst == host.address()) {
      s.advance(loopback);
      s.hop(host, "lo", Action.DELIVER, p, null, Reason.NONE, host);
      return new Delivery.Arrived(host, p);
    }
    Netns other = net.outside(dst);
    if (other != null) {
      s.advance(outsideLink);
      s.hop(other, "eth0", Action.DELIVER, p, null, Reason.NONE, other);
      return new Delivery.Arrived(other, p);
    }
    s.advance(outsideLink);
    Netns target = net.clusterAddress(dst);
    if (target != null && target.kind() == Netns.Kind.NODE) {
      return ingress(s, target.node(), p, "eth0");
    }
    // Any other address is the business of the network in front of the nodes: a load balancer, a
    // route to an externalIP, or nothing (a ClusterIP or a pod IP goes out to the internet and is lost).
    OutsideEdge.Inbound in = net.edge().inbound(s, p);
    return in.lost() != null ? in.lost() : ingress(s, in.node(), in.packet(), "eth0");
  }

  private Delivery ingress(Session s, NodeHost node, Packet p, String iface) {
    if (!node.up()) {
      String why = "node " + node.name() + " is down";
      s.hop(node.netns(), iface, Action.LOST, p, null, why, node.netns());
      return new Delivery.Lost(Delivery.Loss.NODE_DOWN, Optional.of(node.netns().object()), why);
    }
    s.hop(node.netns(), iface, Action.RECEIVE, p, null, Reason.NONE);
    return netfilter(s, node, p, false);
  }

  /** nat PREROUTING (or OUTPUT for the node's own packets): conntrack, then the rules for a new connection. */
  private Delivery netfilter(Session s, NodeHost node, Packet p, boolean local) {
    String hook = local ? "nat OUTPUT" : "nat PREROUTING";
    long now = s.now();
    Conntrack ct = node.conntrack();
    boolean icmpError = p.protocol() == IpProtocol.ICMP && p.icmp().isError();
    Conntrack.Match m = icmpError ? ct.findRelated(p, now) : ct.find(p, now);
    if (m != null && !m.reply() && p.protocol() == IpProtocol.TCP && p.flags() == TcpFlags.SYN && m.entry().closing) {
      m = null; // a new SYN on a closing tuple opens a new connection
    }
    Packet q = p;
    ConntrackEntry e = null;
    boolean reply = false;
    if (m != null) {
      e = m.entry();
      reply = m.reply();
      ct.seen(e, p, reply, now);
      ConntrackEntry entry = e;
      if (!reply && e.dnat && !icmpError) {
        q = p.withDestination(e.decision.destination(), e.decision.destinationPort());
        s.hop(node.netns(), hook, Action.DNAT, p, q, () -> "conntrack: " + entry.decision.describeDnat(p), entry.decision);
      } else if (reply && e.snat) {
        q = p.withDestination(e.source, p.protocol() == IpProtocol.ICMP ? p.destinationPort() : e.sourcePort);
        s.hop(node.netns(), hook, Action.UNSNAT, p, q,
            () -> "conntrack: reply to " + Ip4.format(entry.natSource) + " goes back to the client "
                + Ip4.format(entry.source));
      }
    } else if (!icmpError) {
      PacketDecision d = node.netfilter().decide(p, local);
      switch (d.verdict()) {
        case REJECT -> {
          s.hop(node.netns(), filterHook(node, p, local), Action.REJECT, p, null, d.reason(), d);
          Packet err = p.icmpError(addressFacing(node, p.source()), IcmpType.PORT_UNREACHABLE);
          s.hop(node.netns(), "OUTPUT", Action.SEND, err, null, "ICMP port unreachable for the refused connection");
          return route(s, node, err, null, false, true).withDecision(d);
        }
        case DROP -> {
          s.hop(node.netns(), filterHook(node, p, local), Action.DROP, p, null, d.reason(), d);
          return new Delivery.Lost(Delivery.Loss.DROPPED, d.object(), d.reason(), Optional.of(d));
        }
        case DNAT -> {
          q = p.withDestination(d.destination(), d.destinationPort());
          s.hop(node.netns(), hook, Action.DNAT, p, q, () -> d.describeDnat(p), d);
        }
        case ACCEPT -> s.hop(node.netns(), filterHook(node, p, local), Action.ACCEPT, p, null, d.reason(), d);
        case NO_MATCH -> { }
      }
      Delivery.Lost denied = podPolicy(s, node, q, local);
      if (denied != null) {
        return denied;
      }
      e = ct.begin(p, d, now);
      Delivery out = route(s, node, q, e, reply, local);
      // The first DNAT on the way names the Service port; a later node's decision does not replace it.
      return d.verdict() == Verdict.DNAT ? out.withDecision(d) : out;
    }
    return route(s, node, q, e, reply, local);
  }

  /**
   * NetworkPolicy on a new connection, where a CNI plugin judges it: egress when the client is a
   * pod of this node, ingress when the (DNAT'd) destination is one. Traffic between a pod and its
   * own node is always allowed. Returns the loss when a policy drops the packet.
   */
  private Delivery.Lost podPolicy(Session s, NodeHost node, Packet q, boolean local) {
    PodFirewall firewall = net.podFirewall();
    if (firewall == PodFirewall.NONE) {
      return null;
    }
    Netns client = local ? null : net.clusterAddress(q.source());
    Netns server = net.clusterAddress(q.destination());
    if (isPodOf(client, node) && !isNode(server, node)) {
      Optional<PacketDecision> egress = firewall.egress(client, q);
      if (egress.isPresent() && !admitted(s, node, q, egress.get())) {
        return new Delivery.Lost(Delivery.Loss.DROPPED, egress.get().object(), egress.get().reason(), egress);
      }
    }
    if (isPodOf(server, node) && !local && !isNode(client, node)) {
      Optional<PacketDecision> ingress = firewall.ingress(server, q);
      if (ingress.isPresent() && !admitted(s, node, q, ingress.get())) {
        return new Delivery.Lost(Delivery.Loss.DROPPED, ingress.get().object(), ingress.get().reason(), ingress);
      }
    }
    return null;
  }

  private boolean admitted(Session s, NodeHost node, Packet q, PacketDecision d) {
    boolean accept = d.verdict() == Verdict.ACCEPT;
    s.hop(node.netns(), "filter FORWARD", accept ? Action.ACCEPT : Action.DROP, q, null, d::reason, d);
    return accept;
  }

  private static boolean isPodOf(Netns ns, NodeHost node) {
    return ns != null && ns.kind() == Netns.Kind.POD && ns.node() == node;
  }

  private static boolean isNode(Netns ns, NodeHost node) {
    return ns != null && ns.kind() == Netns.Kind.NODE && ns.node() == node;
  }

  private String filterHook(NodeHost node, Packet p, boolean local) {
    if (local) {
      return "filter OUTPUT";
    }
    Netns t = net.clusterAddress(p.destination());
    return t != null && t.kind() == Netns.Kind.NODE && t.node() == node ? "filter INPUT" : "filter FORWARD";
  }

  /** The node's address on the interface towards a host: cni0's for its own pods, eth0's otherwise. */
  private static int addressFacing(NodeHost node, int host) {
    return Ip4.contains(node.podCidrBase(), node.podCidrLength(), host) ? node.bridgeIp() : node.internalIp();
  }

  /** The routing decision after PREROUTING, then out of the chosen interface. */
  private Delivery route(Session s, NodeHost node, Packet q, ConntrackEntry e, boolean reply, boolean local) {
    int dst = q.destination();
    Netns target = net.clusterAddress(dst);
    if (Ip4.isLoopback(dst) || (target != null && target.kind() == Netns.Kind.NODE && target.node() == node)) {
      if (e != null) {
        if (reply && e.dnat) {
          Packet r = undnat(q, e);
          s.hop(node.netns(), "nat INPUT", Action.UNDNAT, q, r, undnatReason(e));
          q = r;
        } else if (!reply) {
          node.conntrack().confirm(e, q);
        }
      }
      s.hop(node.netns(), local ? "lo" : "INPUT", Action.DELIVER, q, null, Reason.NONE, node.netns());
      return new Delivery.Arrived(node.netns(), q);
    }
    if (target != null && target.kind() == Netns.Kind.POD && target.node() == node) {
      s.hop(node.netns(), "routing", Action.ROUTE, q, null, node.localPodRoute());
      q = postrouting(s, node, q, e, reply, node.bridgeIp(), false);
      if (!local) {
        q = q.forwarded();
      }
      s.advance(veth);
      s.hop(target, "eth0", Action.DELIVER, q, null, Reason.NONE, target);
      return new Delivery.Arrived(target, q);
    }
    NodeHost via = net.podRoute(dst);
    String routeText;
    if (target != null && target.kind() == Netns.Kind.NODE) {
      via = target.node();
      routeText = Ip4.format(dst) + " dev eth0 (node " + via.name() + ")";
    } else {
      routeText = via == null ? null : via.remotePodRoute();
    }
    if (via == node) {
      String why = "no pod has " + Ip4.format(dst) + " behind " + node.name() + "'s bridge cni0";
      s.hop(node.netns(), "cni0", Action.LOST, q, null, why, node.netns());
      return new Delivery.Lost(Delivery.Loss.NO_HOST, Optional.of(node.netns().object()), why);
    }
    if (via != null) {
      s.hop(node.netns(), "routing", Action.ROUTE, q, null, routeText);
      q = postrouting(s, node, q, e, reply, node.internalIp(), false);
      if (!local) {
        q = q.forwarded();
      }
      s.advance(nodeLink);
      return ingress(s, via, q, "eth0");
    }
    // Anything else leaves the cluster by the default route. Pod traffic going out is masqueraded
    // by the CNI (its replies could not find the way back to a pod address otherwise).
    boolean podLeaving = !reply && net.inClusterNetwork(q.source());
    s.hop(node.netns(), "routing", Action.ROUTE, q, null, "default via the node network's gateway dev eth0");
    q = postrouting(s, node, q, e, reply, node.internalIp(), podLeaving);
    if (!local) {
      q = q.forwarded();
    }
    s.advance(outsideLink);
    q = net.edge().outbound(s, q);
    Netns host = net.outside(dst);
    if (host == null) {
      String why = net.serviceRange(dst)
          .map(c -> Ip4.format(dst) + " is a ClusterIP (Service range " + c + "): a virtual address that only kube-proxy's"
              + " rules for the Service's ports know; no host has it")
          .orElse("no host has " + Ip4.format(dst));
      s.hop(node.netns(), "eth0", Action.LOST, q, null, why);
      return new Delivery.Lost(Delivery.Loss.NO_HOST, Optional.empty(), why);
    }
    s.hop(host, "eth0", Action.DELIVER, q, null, Reason.NONE, host);
    return new Delivery.Arrived(host, q);
  }

  /** nat POSTROUTING: a new connection's masquerade, an established one's SNAT, a reply's un-DNAT. */
  private Packet postrouting(Session s, NodeHost node, Packet q, ConntrackEntry e, boolean reply, int masqueradeAddress,
      boolean cniMasquerade) {
    if (e == null) {
      return q;
    }
    if (reply) {
      if (!e.dnat) {
        return q;
      }
      Packet r = undnat(q, e);
      s.hop(node.netns(), "nat POSTROUTING", Action.UNDNAT, q, r, undnatReason(e));
      return r;
    }
    if (!e.confirmed) {
      Packet out = q;
      boolean kubeMasq = e.decision.masquerade();
      if (kubeMasq || cniMasquerade) {
        out = q.withSource(masqueradeAddress, q.sourcePort());
        s.hop(node.netns(), "nat POSTROUTING", Action.SNAT, q, out, kubeMasq
            ? e.decision.masqueradeText()
            : "MASQUERADE by the CNI: pod traffic leaving the cluster network");
      }
      node.conntrack().confirm(e, out);
      return out;
    }
    if (e.snat) {
      Packet out = q.withSource(e.natSource, e.natSourcePort);
      s.hop(node.netns(), "nat POSTROUTING", Action.SNAT, q, out, "conntrack: the connection is masqueraded");
      return out;
    }
    return q;
  }

  private static Packet undnat(Packet q, ConntrackEntry e) {
    return q.withSource(e.destination, q.protocol() == IpProtocol.ICMP ? q.sourcePort() : e.destinationPort);
  }

  private static Reason undnatReason(ConntrackEntry e) {
    return () -> "conntrack: the reply comes from " + Ip4.format(e.destination)
        + (e.protocol == IpProtocol.ICMP ? "" : ":" + e.destinationPort) + ", the address the client asked for";
  }
}
