package dev.kubesim.api.program;

import java.util.Objects;

/**
 * A port a container's process listens on, on all of the pod's addresses.
 *
 * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
 * @param port 1 to 65535
 */
public record ListenPort(String protocol, int port) implements Comparable<ListenPort> {
  /**
   * Checks that no field is {@code null}; a protocol other than {@code TCP}, {@code UDP} or {@code
   * SCTP} is refused with an {@code IllegalArgumentException}.
   *
   * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
   * @param port 1 to 65535
   */
  public ListenPort {
    Objects.requireNonNull(protocol, "protocol");
    if (!protocol.equals("TCP") && !protocol.equals("UDP") && !protocol.equals("SCTP")) {
      throw new IllegalArgumentException(
          "protocol must be TCP, UDP or SCTP, not \"" + protocol + "\"");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, inclusive: " + port);
    }
  }

  /**
   * A TCP port.
   *
   * @param port 1 to 65535
   * @return the port
   */
  public static ListenPort tcp(int port) {
    return new ListenPort("TCP", port);
  }

  /**
   * A UDP port.
   *
   * @param port 1 to 65535
   * @return the port
   */
  public static ListenPort udp(int port) {
    return new ListenPort("UDP", port);
  }

  /** By port, then protocol: the order {@code ss -ltn} lists them in. */
  @Override
  public int compareTo(ListenPort other) {
    int byPort = Integer.compare(port, other.port);
    return byPort != 0 ? byPort : protocol.compareTo(other.protocol);
  }

  @Override
  public String toString() {
    return port + "/" + protocol;
  }
}
