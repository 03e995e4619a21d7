package dev.kubesim.impl.net;

/**
 * One tracked connection: its original tuple, the NAT done to it (destination by the netfilter
 * decision, source by masquerade on the way out), and when it expires. Confirmed (both tuples in
 * the table) once its first packet leaves the node, as the kernel confirms at POSTROUTING.
 */
public final class ConntrackEntry {
  final IpProtocol protocol;
  final int source;
  final int sourcePort;
  final int destination;
  final int destinationPort;
  final PacketDecision decision;
  final boolean dnat;
  int natSource;
  int natSourcePort;
  boolean snat;
  boolean confirmed;
  boolean replied;
  boolean closing;
  long expires;
  /** The node the cloud's edge sends the connection to; null in a node's own table. */
  NodeHost via;
  /** The gateway's decision behind an edge connection; null in a node's own table. */
  GatewayRoute route;

  ConntrackEntry(Packet original, PacketDecision decision) {
    this.protocol = original.protocol();
    this.source = original.source();
    this.sourcePort = original.sourcePort();
    this.destination = original.destination();
    this.destinationPort = original.destinationPort();
    this.decision = decision;
    this.dnat = decision.verdict() == Verdict.DNAT;
    this.natSource = source;
    this.natSourcePort = sourcePort;
  }

  /** The destination after DNAT (the original one without). */
  public int replySource() {
    return dnat ? decision.destination() : destination;
  }

  public int replySourcePort() {
    return dnat ? decision.destinationPort() : destinationPort;
  }

  /** The decision that made the entry. */
  public PacketDecision decision() {
    return decision;
  }

  public boolean dnat() {
    return dnat;
  }

  public boolean snat() {
    return snat;
  }

  /** The original destination, as the client addressed it. */
  public int originalDestination() {
    return destination;
  }

  public int originalDestinationPort() {
    return destinationPort;
  }

  /** The original source. */
  public int originalSource() {
    return source;
  }

  public int originalSourcePort() {
    return sourcePort;
  }

  @Override
  public String toString() {
    return protocol.name().toLowerCase() + " src=" + Ip4.format(source) + " sport=" + sourcePort + " dst="
        + Ip4.format(destination) + " dport=" + destinationPort + " src=" + Ip4.format(replySource()) + " sport="
        + replySourcePort() + " dst=" + Ip4.format(natSource) + " dport=" + natSourcePort
        + (replied ? "" : " [UNREPLIED]");
  }
}
