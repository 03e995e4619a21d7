package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code ports[i]} of an Endpoints subset.
 *
 * @param name the Service port's name
 * @param port the pods' port number
 * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
 * @param appProtocol the application protocol
 */
public record EndpointPort(
    Optional<String> name,
    Optional<Integer> port,
    Optional<String> protocol,
    Optional<String> appProtocol) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param name the Service port's name
   * @param port the pods' port number
   * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
   * @param appProtocol the application protocol
   */
  public EndpointPort {
    name = Values.opt(name);
    port = Values.opt(port);
    protocol = Values.opt(protocol);
    appProtocol = Values.opt(appProtocol);
  }
}
