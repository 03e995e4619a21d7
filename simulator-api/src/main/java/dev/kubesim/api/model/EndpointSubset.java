package dev.kubesim.api.model;

import java.util.List;

/** {@code subsets[i]} of an Endpoints object: addresses sharing a set of ports. */
public record EndpointSubset(
    List<EndpointAddress> addresses,
    List<EndpointAddress> notReadyAddresses,
    List<EndpointPort> ports) {
  public EndpointSubset {
    addresses = Values.list(addresses);
    notReadyAddresses = Values.list(notReadyAddresses);
    ports = Values.list(ports);
  }
}
