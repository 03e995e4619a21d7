package dev.kubesim.api.model;

import java.util.Optional;

/** {@code ports[i]} of an EndpointSlice. */
public record EndpointSlicePort(
    Optional<String> name,
    Optional<String> protocol,
    Optional<Integer> port,
    Optional<String> appProtocol) {
  public EndpointSlicePort {
    name = Values.opt(name);
    protocol = Values.opt(protocol);
    port = Values.opt(port);
    appProtocol = Values.opt(appProtocol);
  }
}
