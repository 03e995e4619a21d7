package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code status.loadBalancer.ingress[i]} of an Ingress.
 *
 * @param ip the address the ingress controller is reached at
 * @param hostname its DNS name, where it has one
 * @param ports the ports, as written
 */
public record IngressLoadBalancerIngress(
    Optional<String> ip,
    Optional<String> hostname,
    List<Object> ports) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param ip the address the ingress controller is reached at
   * @param hostname its DNS name, where it has one
   * @param ports the ports, as written
   */
  public IngressLoadBalancerIngress {
    ip = Values.opt(ip);
    hostname = Values.opt(hostname);
    ports = Values.list(ports);
  }
}
