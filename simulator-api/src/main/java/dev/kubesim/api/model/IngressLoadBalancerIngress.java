package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** {@code status.loadBalancer.ingress[i]} of an Ingress. */
public record IngressLoadBalancerIngress(
    Optional<String> ip,
    Optional<String> hostname,
    List<Object> ports) {
  public IngressLoadBalancerIngress {
    ip = Values.opt(ip);
    hostname = Values.opt(hostname);
    ports = Values.list(ports);
  }
}
