package dev.kubesim.api.model;

import java.util.Optional;

/** An address in an Endpoints subset, usually a pod's IP. */
public record EndpointAddress(
    Optional<String> ip,
    Optional<String> hostname,
    Optional<String> nodeName,
    Optional<ObjectReference> targetRef) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param ip the {@code ip} field; {@code null} for absent
   * @param hostname the {@code hostname} field; {@code null} for absent
   * @param nodeName the {@code nodeName} field; {@code null} for absent
   * @param targetRef the {@code targetRef} field; {@code null} for absent
   */
  public EndpointAddress {
    ip = Values.opt(ip);
    hostname = Values.opt(hostname);
    nodeName = Values.opt(nodeName);
    targetRef = Values.opt(targetRef);
  }
}
