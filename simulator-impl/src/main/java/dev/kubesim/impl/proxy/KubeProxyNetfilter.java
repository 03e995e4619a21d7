package dev.kubesim.impl.proxy;

import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.NatDecision;
import dev.kubesim.impl.net.NatVerdict;
import dev.kubesim.impl.net.Netfilter;
import java.util.Objects;

/**
 * kube-proxy's rules as a node's netfilter hooks: the network asks once per new connection, and
 * conntrack keeps the answer (the chosen endpoint, the masquerade mark) for the rest of it.
 */
public final class KubeProxyNetfilter implements Netfilter {
  private final KubeProxy proxy;

  public KubeProxyNetfilter(KubeProxy proxy) {
    this.proxy = Objects.requireNonNull(proxy, "proxy");
  }

  @Override
  public NatDecision decide(dev.kubesim.impl.net.Packet packet, boolean locallyGenerated) {
    Protocol protocol = switch (packet.protocol()) {
      case TCP -> Protocol.TCP;
      case UDP -> Protocol.UDP;
      case SCTP -> Protocol.SCTP;
      case ICMP -> Protocol.ICMP;
    };
    int dport = packet.protocol() == IpProtocol.ICMP ? 0 : packet.destinationPort();
    int sport = packet.protocol() == IpProtocol.ICMP ? 0 : packet.sourcePort();
    PacketDecision d = proxy.decide(new Packet(Ip4.format(packet.source()), Ip4.format(packet.destination()), protocol,
        sport, dport, locallyGenerated));
    NatVerdict verdict = switch (d.verdict()) {
      case DNAT -> NatVerdict.DNAT;
      case REJECT -> NatVerdict.REJECT;
      case DROP -> NatVerdict.DROP;
      case ACCEPT -> NatVerdict.ACCEPT;
      case NO_MATCH -> NatVerdict.NO_MATCH;
    };
    int destination = verdict == NatVerdict.DNAT ? Ip4.parse(d.destination()) : packet.destination();
    int destinationPort = verdict == NatVerdict.DNAT ? d.destinationPort() : packet.destinationPort();
    String servicePort = d.servicePort().map(p -> p + "/" + p.protocol()).orElse("");
    String object = d.servicePort().map(p -> "service/" + p.serviceName()).orElse("-");
    return new NatDecision(verdict, destination, destinationPort, d.masquerade(), d.chains(), d.reason(), servicePort, object);
  }
}
