package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code ports[i]} of an EndpointSlice.
 *
 * @param name the Service port's name
 * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
 * @param port the pods' port number, the Service's {@code targetPort} resolved
 * @param appProtocol the application protocol
 */
public record EndpointSlicePort(
    Optional<String> name,
    Optional<String> protocol,
    Optional<Integer> port,
    Optional<String> appProtocol) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param name the Service port's name
   * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
   * @param port the pods' port number, the Service's {@code targetPort} resolved
   * @param appProtocol the application protocol
   */
  public EndpointSlicePort {
    name = Values.opt(name);
    protocol = Values.opt(protocol);
    port = Values.opt(port);
    appProtocol = Values.opt(appProtocol);
  }
}
