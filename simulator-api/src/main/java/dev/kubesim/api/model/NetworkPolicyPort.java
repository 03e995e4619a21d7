package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code ports[i]} of a NetworkPolicy rule: a protocol ({@code TCP}, {@code UDP} or {@code SCTP};
 * the API server defaults it to {@code TCP}), a port number or a named container port (all ports
 * when absent), and, with a numeric port, the last port of a range ({@code endPort}).
 *
 * @param protocol {@code TCP} (default), {@code UDP} or {@code SCTP}
 * @param port a number or a named container port; every port when empty
 * @param endPort the end of a range of ports starting at {@code port}
 */
public record NetworkPolicyPort(
    Optional<String> protocol,
    Optional<IntOrString> port,
    Optional<Integer> endPort) {
  /**
   * Absent values become {@code Optional.empty()}.
   *
   * @param protocol {@code TCP} (default), {@code UDP} or {@code SCTP}
   * @param port a number or a named container port; every port when empty
   * @param endPort the end of a range of ports starting at {@code port}
   */
  public NetworkPolicyPort {
    protocol = Values.opt(protocol);
    port = Values.opt(port);
    endPort = Values.opt(endPort);
  }

  /**
   * A copy with this protocol.
   *
   * @param value the new {@code protocol}
   * @return a copy of this {@code NetworkPolicyPort} with {@code protocol} replaced
   */
  public NetworkPolicyPort withProtocol(String value) {
    return new NetworkPolicyPort(Optional.ofNullable(value), port, endPort);
  }
}
