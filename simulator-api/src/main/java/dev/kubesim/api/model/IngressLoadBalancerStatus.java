package dev.kubesim.api.model;

import java.util.List;

/** {@code status.loadBalancer} of an Ingress. */
public record IngressLoadBalancerStatus(
    List<IngressLoadBalancerIngress> ingress) {
  public IngressLoadBalancerStatus {
    ingress = Values.list(ingress);
  }
}
