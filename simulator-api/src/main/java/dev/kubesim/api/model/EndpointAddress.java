package dev.kubesim.api.model;

import java.util.Optional;

/**
 * An address in an Endpoints subset, usually a pod's IP.
 *
 * @param ip the pod's IP
 * @param hostname the pod's hostname, for a headless Service's DNS records
 * @param nodeName the node the pod runs on
 * @param targetRef the pod
 */
public record EndpointAddress(
    Optional<String> ip,
    Optional<String> hostname,
    Optional<String> nodeName,
    Optional<ObjectReference> targetRef) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param ip the pod's IP
   * @param hostname the pod's hostname, for a headless Service's DNS records
   * @param nodeName the node the pod runs on
   * @param targetRef the pod
   */
  public EndpointAddress {
    ip = Values.opt(ip);
    hostname = Values.opt(hostname);
    nodeName = Values.opt(nodeName);
    targetRef = Values.opt(targetRef);
  }
}
