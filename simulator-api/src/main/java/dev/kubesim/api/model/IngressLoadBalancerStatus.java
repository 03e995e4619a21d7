package dev.kubesim.api.model;

import java.util.List;

/**
 * {@code status.loadBalancer} of an Ingress.
 *
 * @param ingress the addresses the ingress controller is reached at
 */
public record IngressLoadBalancerStatus(
    List<IngressLoadBalancerIngress> ingress) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param ingress the addresses the ingress controller is reached at
   */
  public IngressLoadBalancerStatus {
    ingress = Values.list(ingress);
  }
}
