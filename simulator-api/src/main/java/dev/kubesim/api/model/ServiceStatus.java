package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** {@code status} of a Service: the load balancer's addresses once a cloud assigned them. */
public record ServiceStatus(Optional<LoadBalancerStatus> loadBalancer) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param loadBalancer the {@code loadBalancer} field; {@code null} for absent
   */
  public ServiceStatus {
    loadBalancer = Values.opt(loadBalancer);
  }

  /** {@code status.loadBalancer}. */
  public record LoadBalancerStatus(List<LoadBalancerIngress> ingress) {
    /**
     * Normalises the fields: absent values become empty optionals, lists and maps; lists and
     * maps are copied immutable, maps sorted by key as the API server serialises them.
     *
     * @param ingress the {@code ingress} field; {@code null} for none
     */
    public LoadBalancerStatus {
      ingress = Values.list(ingress);
    }
  }

  /** {@code status.loadBalancer.ingress[i]}. */
  public record LoadBalancerIngress(Optional<String> ip, Optional<String> hostname, Optional<String> ipMode) {
    /**
     * Normalises the fields: absent values become empty optionals, lists and maps; lists and
     * maps are copied immutable, maps sorted by key as the API server serialises them.
     *
     * @param ip the {@code ip} field; {@code null} for absent
     * @param hostname the {@code hostname} field; {@code null} for absent
     * @param ipMode the {@code ipMode} field; {@code null} for absent
     */
    public LoadBalancerIngress {
      ip = Values.opt(ip);
      hostname = Values.opt(hostname);
      ipMode = Values.opt(ipMode);
    }
  }
}
