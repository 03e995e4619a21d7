package dev.kubesim.api.model;

import java.util.Optional;

/** {@code ports[i]} of an Endpoints subset. */
public record EndpointPort(
    Optional<String> name,
    Optional<Integer> port,
    Optional<String> protocol,
    Optional<String> appProtocol) {
  public EndpointPort {
    name = Values.opt(name);
    port = Values.opt(port);
    protocol = Values.opt(protocol);
    appProtocol = Values.opt(appProtocol);
  }
}
