package dev.kubesim.api.trace;

import java.util.Objects;

/**
 * A packet as a trace shows it.
 *
 * @param protocol {@code TCP}, {@code UDP}, {@code SCTP} or {@code ICMP}
 * @param sourcePort 0 for ICMP
 * @param destinationPort 0 for ICMP
 * @param flags TCP flags as tcpdump writes them ({@code S}, {@code S.}, {@code P.}, {@code F.}, {@code R}),
 *     the SCTP chunk ({@code INIT}, {@code INIT ACK}, {@code ABORT}), the ICMP message ({@code echo
 *     request}, {@code port unreachable}), or empty
 * @param payload a summary of the payload ({@code GET / HTTP/1.1}, {@code DNS A? kubia.default.svc.cluster.local.}),
 *     or empty
 */
public record TracePacket(String protocol, String source, int sourcePort, String destination, int destinationPort,
    String flags, String payload) {
  /**
   * Checks that no field is {@code null}.
   *
   * @param protocol {@code TCP}, {@code UDP}, {@code SCTP} or {@code ICMP}
   * @param source the {@code source} field
   * @param sourcePort 0 for ICMP
   * @param destination the {@code destination} field
   * @param destinationPort 0 for ICMP
   * @param flags TCP flags as tcpdump writes them ({@code S}, {@code S.}, {@code P.}, {@code F.},
   *     {@code R}), the SCTP chunk ({@code INIT}, {@code INIT ACK}, {@code ABORT}), the ICMP message
   *     ({@code echo request}, {@code port unreachable}), or empty
   * @param payload a summary of the payload ({@code GET / HTTP/1.1}, {@code DNS A?
   *     kubia.default.svc.cluster.local.}), or empty
   */
  public TracePacket {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(flags, "flags");
    Objects.requireNonNull(payload, "payload");
  }

  /** {@code TCP 10.244.1.5:40112 > 10.96.1.5:80 [S]}, as in the text rendering. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(protocol).append(' ').append(source);
    if (sourcePort != 0) {
      b.append(':').append(sourcePort);
    }
    b.append(" > ").append(destination);
    if (destinationPort != 0) {
      b.append(':').append(destinationPort);
    }
    if (!flags.isEmpty()) {
      b.append(" [").append(flags).append(']');
    }
    if (!payload.isEmpty()) {
      b.append(' ').append(payload);
    }
    return b.toString();
  }
}
