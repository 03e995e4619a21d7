package dev.kubesim.api.model;

import java.util.Optional;

/** {@code status} of an Ingress. */
public record IngressStatus(
    Optional<IngressLoadBalancerStatus> loadBalancer) {
  public IngressStatus {
    loadBalancer = Values.opt(loadBalancer);
  }
}
