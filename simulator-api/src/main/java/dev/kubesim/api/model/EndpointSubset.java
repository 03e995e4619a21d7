package dev.kubesim.api.model;

import java.util.List;

/**
 * {@code subsets[i]} of an Endpoints object: addresses sharing a set of ports.
 *
 * @param addresses the ready pods' addresses
 * @param notReadyAddresses the addresses of pods that are not ready
 * @param ports the ports every address serves
 */
public record EndpointSubset(
    List<EndpointAddress> addresses,
    List<EndpointAddress> notReadyAddresses,
    List<EndpointPort> ports) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param addresses the ready pods' addresses
   * @param notReadyAddresses the addresses of pods that are not ready
   * @param ports the ports every address serves
   */
  public EndpointSubset {
    addresses = Values.list(addresses);
    notReadyAddresses = Values.list(notReadyAddresses);
    ports = Values.list(ports);
  }
}
