package dev.kubesim.api.model;

import java.util.Optional;

/** An address in an Endpoints subset, usually a pod's IP. */
public record EndpointAddress(
    Optional<String> ip,
    Optional<String> hostname,
    Optional<String> nodeName,
    Optional<ObjectReference> targetRef) {
  public EndpointAddress {
    ip = Values.opt(ip);
    hostname = Values.opt(hostname);
    nodeName = Values.opt(nodeName);
    targetRef = Values.opt(targetRef);
  }
}
