package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** {@code status.loadBalancer.ingress[i]} of an Ingress. */
public record IngressLoadBalancerIngress(
    Optional<String> ip,
    Optional<String> hostname,
    List<Object> ports) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param ip the {@code ip} field; {@code null} for absent
   * @param hostname the {@code hostname} field; {@code null} for absent
   * @param ports the {@code ports} field; {@code null} for none
   */
  public IngressLoadBalancerIngress {
    ip = Values.opt(ip);
    hostname = Values.opt(hostname);
    ports = Values.list(ports);
  }
}
