package dev.kubesim.api.model;

import java.util.List;

/** {@code subsets[i]} of an Endpoints object: addresses sharing a set of ports. */
public record EndpointSubset(
    List<EndpointAddress> addresses,
    List<EndpointAddress> notReadyAddresses,
    List<EndpointPort> ports) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param addresses the {@code addresses} field; {@code null} for none
   * @param notReadyAddresses the {@code notReadyAddresses} field; {@code null} for none
   * @param ports the {@code ports} field; {@code null} for none
   */
  public EndpointSubset {
    addresses = Values.list(addresses);
    notReadyAddresses = Values.list(notReadyAddresses);
    ports = Values.list(ports);
  }
}
