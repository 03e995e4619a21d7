package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code tcpSocket} handler of a probe: a TCP connect to the container.
 *
 * @param port a number or a named container port
 * @param host the host to connect to, the pod's IP by default
 */
public record TCPSocketAction(
    Optional<IntOrString> port,
    Optional<String> host) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param port a number or a named container port
   * @param host the host to connect to, the pod's IP by default
   */
  public TCPSocketAction {
    port = Values.opt(port);
    host = Values.opt(host);
  }
}
