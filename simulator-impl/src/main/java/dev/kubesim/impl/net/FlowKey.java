package dev.kubesim.impl.net;

/**
 * A conntrack tuple packed into two longs: addresses, protocol and ports (for ICMP echo the
 * identifier in the source port). Its hash is computed once; conntrack looks one up per packet.
 */
final class FlowKey {
  private final long addresses;
  private final long ports;
  private final int hash;

  private FlowKey(long addresses, long ports) {
    this.addresses = addresses;
    this.ports = ports;
    long h = addresses * 0x9E3779B97F4A7C15L + ports;
    this.hash = (int) (h ^ (h >>> 32));
  }

  static FlowKey of(IpProtocol protocol, int source, int sourcePort, int destination, int destinationPort) {
    return new FlowKey(((long) source << 32) | (destination & 0xffffffffL),
        ((long) protocol.ordinal() << 32) | ((long) (sourcePort & 0xffff) << 16) | (destinationPort & 0xffff));
  }

  /** The packet's tuple. ICMP echo replies carry the request's identifier as their own "source port". */
  static FlowKey of(Packet p) {
    if (p.protocol() == IpProtocol.ICMP) {
      // An echo and its reply share the identifier: key both on (id, 0) in each direction.
      return of(p.protocol(), p.source(), p.icmp() == IcmpType.ECHO_REPLY ? 0 : p.sourcePort(), p.destination(),
          p.icmp() == IcmpType.ECHO_REPLY ? p.sourcePort() : 0);
    }
    return of(p.protocol(), p.source(), p.sourcePort(), p.destination(), p.destinationPort());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlowKey k && k.addresses == addresses && k.ports == ports;
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
