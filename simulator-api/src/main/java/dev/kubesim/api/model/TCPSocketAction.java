package dev.kubesim.api.model;

import java.util.Optional;

/** {@code tcpSocket} handler of a probe: a TCP connect to the container. */
public record TCPSocketAction(
    Optional<IntOrString> port,
    Optional<String> host) {
  public TCPSocketAction {
    port = Values.opt(port);
    host = Values.opt(host);
  }
}
