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
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param addresses the {@code addresses} field; {@code null} for none
   * @param conditions the {@code conditions} field; {@code null} for absent
   * @param hostname the {@code hostname} field; {@code null} for absent
   * @param targetRef the {@code targetRef} field; {@code null} for absent
   * @param deprecatedTopology the {@code deprecatedTopology} field; {@code null} for none
   * @param nodeName the {@code nodeName} field; {@code null} for absent
   * @param zone the {@code zone} field; {@code null} for absent
   * @param hints the {@code hints} field; {@code null} for absent
   */
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
