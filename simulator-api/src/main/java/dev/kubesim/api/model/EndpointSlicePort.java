package dev.kubesim.api.model;

import java.util.Optional;

/** {@code ports[i]} of an EndpointSlice. */
public record EndpointSlicePort(
    Optional<String> name,
    Optional<String> protocol,
    Optional<Integer> port,
    Optional<String> appProtocol) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param name the object's name; {@code null} for absent
   * @param protocol the protocol: {@code TCP}, {@code UDP} or {@code SCTP}; {@code null} for absent
   * @param port the port number; {@code null} for absent
   * @param appProtocol the {@code appProtocol} field; {@code null} for absent
   */
  public EndpointSlicePort {
    name = Values.opt(name);
    protocol = Values.opt(protocol);
    port = Values.opt(port);
    appProtocol = Values.opt(appProtocol);
  }
}
