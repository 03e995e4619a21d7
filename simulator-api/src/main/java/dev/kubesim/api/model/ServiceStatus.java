package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code status} of a Service: the load balancer's addresses once a cloud assigned them.
 *
 * @param loadBalancer the load balancer the cloud made for the Service
 */
public record ServiceStatus(Optional<LoadBalancerStatus> loadBalancer) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param loadBalancer the load balancer the cloud made for the Service
   */
  public ServiceStatus {
    loadBalancer = Values.opt(loadBalancer);
  }

  /**
   * {@code status.loadBalancer}.
   *
   * @param ingress the load balancer's addresses
   */
  public record LoadBalancerStatus(List<LoadBalancerIngress> ingress) {
    /**
     * Normalises the fields: absent values become empty optionals, lists and maps; lists and
     * maps are copied immutable, maps sorted by key as the API server serialises them.
     *
     * @param ingress the load balancer's addresses
     */
    public LoadBalancerStatus {
      ingress = Values.list(ingress);
    }
  }

  /**
   * {@code status.loadBalancer.ingress[i]}.
   *
   * @param ip an address of the load balancer
   * @param hostname its DNS name, where the cloud gives one
   * @param ipMode {@code VIP} or {@code Proxy}: whether traffic arrives with the load balancer's
   *     address as its destination
   */
  public record LoadBalancerIngress(Optional<String> ip, Optional<String> hostname, Optional<String> ipMode) {
    /**
     * Normalises the fields: absent values become empty optionals, lists and maps; lists and
     * maps are copied immutable, maps sorted by key as the API server serialises them.
     *
     * @param ip an address of the load balancer
     * @param hostname its DNS name, where the cloud gives one
     * @param ipMode {@code VIP} or {@code Proxy}: whether traffic arrives with the load balancer's
     *     address as its destination
     */
    public LoadBalancerIngress {
      ip = Values.opt(ip);
      hostname = Values.opt(hostname);
      ipMode = Values.opt(ipMode);
    }
  }
}
