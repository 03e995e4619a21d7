package dev.kubesim.api.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code endpoints[i]} of an EndpointSlice (Go type {@code discovery/v1 Endpoint}). */
public record EndpointSliceEndpoint(
    List<String> addresses,
    Optional<EndpointConditions> conditions,
    Optional<String> hostname,
    Optional<ObjectReference> targetRef,
    Map<String, String> deprecatedTopology,
    Optional<String> nodeName,
    Optional<String> zone,
    Optional<Object> hints) {
  public EndpointSliceEndpoint {
    addresses = Values.list(addresses);
    conditions = Values.opt(conditions);
    hostname = Values.opt(hostname);
    targetRef = Values.opt(targetRef);
    deprecatedTopology = Values.map(deprecatedTopology);
    nodeName = Values.opt(nodeName);
    zone = Values.opt(zone);
    hints = Values.opt(hints);
  }
}
