package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** {@code status} of a Service: the load balancer's addresses once a cloud assigned them. */
public record ServiceStatus(Optional<LoadBalancerStatus> loadBalancer) {
  public ServiceStatus {
    loadBalancer = Values.opt(loadBalancer);
  }

  /** {@code status.loadBalancer}. */
  public record LoadBalancerStatus(List<LoadBalancerIngress> ingress) {
    public LoadBalancerStatus {
      ingress = Values.list(ingress);
    }
  }

  /** {@code status.loadBalancer.ingress[i]}. */
  public record LoadBalancerIngress(Optional<String> ip, Optional<String> hostname, Optional<String> ipMode) {
    public LoadBalancerIngress {
      ip = Values.opt(ip);
      hostname = Values.opt(hostname);
      ipMode = Values.opt(ipMode);
    }
  }
}
