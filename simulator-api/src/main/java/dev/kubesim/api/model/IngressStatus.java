package dev.kubesim.api.model;

import java.util.Optional;

/** {@code status} of an Ingress. */
public record IngressStatus(
    Optional<IngressLoadBalancerStatus> loadBalancer) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param loadBalancer the {@code loadBalancer} field; {@code null} for absent
   */
  public IngressStatus {
    loadBalancer = Values.opt(loadBalancer);
  }
}
