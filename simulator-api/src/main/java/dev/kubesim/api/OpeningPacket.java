package dev.kubesim.api;

import java.util.Objects;

/**
 * The first packet of a new connection (a TCP SYN, a UDP or SCTP datagram, an ICMP echo request),
 * to ask a node's netfilter what it would do with it ({@link NodeHandle#netfilter}).
 *
 * @param protocol {@code TCP}, {@code UDP}, {@code SCTP} or {@code ICMP}
 * @param source the source IPv4 address
 * @param sourcePort the source port; {@code 0} when it does not matter (ignored for ICMP)
 * @param destination the destination IPv4 address
 * @param destinationPort the destination port (ignored for ICMP)
 */
public record OpeningPacket(String protocol, String source, int sourcePort, String destination, int destinationPort) {
  /**
   * Checks that no field is {@code null}.
   *
   * @param protocol {@code TCP}, {@code UDP}, {@code SCTP} or {@code ICMP}
   * @param source the source IPv4 address
   * @param sourcePort the source port; {@code 0} when it does not matter
   * @param destination the destination IPv4 address
   * @param destinationPort the destination port
   */
  public OpeningPacket {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
  }
}
