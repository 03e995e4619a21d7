package dev.kubesim.api.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code endpoints[i]} of an EndpointSlice (Go type {@code discovery/v1 Endpoint}).
 *
 * @param addresses the endpoint's addresses (a pod's IP)
 * @param conditions {@code ready}, {@code serving} and {@code terminating}
 * @param hostname the pod's hostname, for a headless Service's DNS records
 * @param targetRef the pod behind the endpoint
 * @param nodeName the node the pod runs on
 * @param zone the node's zone
 */
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
   * @param addresses the endpoint's addresses (a pod's IP)
   * @param conditions {@code ready}, {@code serving} and {@code terminating}
   * @param hostname the pod's hostname, for a headless Service's DNS records
   * @param targetRef the pod behind the endpoint
   * @param deprecatedTopology the {@code deprecatedTopology} field; {@code null} for none
   * @param nodeName the node the pod runs on
   * @param zone the node's zone
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
