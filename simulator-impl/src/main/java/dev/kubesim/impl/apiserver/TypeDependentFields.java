package dev.kubesim.impl.apiserver;

import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.api.model.ServiceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Service registry's {@code dropTypeDependentFields} ({@code pkg/registry/core/service/strategy.go}):
 * a Service is a union discriminated by {@code type}, so on an update that changes the type, the
 * fields only the old type uses are wiped when the user left them as they were (a client-side
 * apply keeps every live field it does not own). A field the user changed too is kept, and
 * validation refuses it. Wiped nodePorts and ClusterIPs are released by the allocation that follows.
 */
final class TypeDependentFields {
  private TypeDependentFields() {}

  /** The new Service with the fields its new type does not use wiped; only an update wipes. */
  static Service drop(Service service, Service old) {
    ServiceSpec spec = service.specOrEmpty();
    ServiceSpec was = old.specOrEmpty();
    ServiceSpec.Builder b = spec.toBuilder();
    if (needsClusterIP(was) && !needsClusterIP(spec)) {
      if (spec.clusterIP().equals(was.clusterIP()) && spec.clusterIPs().equals(was.clusterIPs())) {
        b.clusterIP(null).clusterIPs(List.of());
      }
      if (spec.ipFamilies().equals(was.ipFamilies())) {
        b.ipFamilies(List.of());
      }
      if (spec.ipFamilyPolicy().equals(was.ipFamilyPolicy())) {
        b.ipFamilyPolicy(null);
      }
    }
    if (needsNodePort(was) && !needsNodePort(spec) && nodePorts(was).containsAll(nodePorts(spec))) {
      // Ports may be added, removed or changed, as long as no new nodePort is asked for.
      List<ServicePort> ports = new ArrayList<>();
      for (ServicePort p : spec.ports()) {
        ports.add(p.withNodePort(null));
      }
      b.ports(ports);
    }
    if (ServiceStrategy.needsHealthCheck(was) && !ServiceStrategy.needsHealthCheck(spec)
        && spec.healthCheckNodePort().equals(was.healthCheckNodePort())) {
      b.healthCheckNodePort(null);
    }
    boolean leavesLoadBalancer = isLoadBalancer(was) && !isLoadBalancer(spec);
    if (leavesLoadBalancer && spec.allocateLoadBalancerNodePorts().isPresent()
        && spec.allocateLoadBalancerNodePorts().equals(was.allocateLoadBalancerNodePorts())) {
      b.allocateLoadBalancerNodePorts(null);
    }
    if (leavesLoadBalancer && spec.loadBalancerClass().equals(was.loadBalancerClass())) {
      b.loadBalancerClass(null);
    }
    if (externallyAccessible(was) && !externallyAccessible(spec)
        && Objects.equals(policy(spec), policy(was))) {
      b.externalTrafficPolicy(null);
    }
    Service dropped = service.withSpec(b.build());
    if (!isLoadBalancer(spec)) {
      // The load balancer goes with the type; its status is cleared at once rather than when the cloud catches up.
      dropped = dropped.withStatus(new ServiceStatus(Optional.of(new ServiceStatus.LoadBalancerStatus(List.of()))));
    }
    return dropped;
  }

  private static boolean needsClusterIP(ServiceSpec spec) {
    return !spec.typeOrDefault().equals("ExternalName");
  }

  private static boolean needsNodePort(ServiceSpec spec) {
    return spec.typeOrDefault().equals("NodePort") || isLoadBalancer(spec);
  }

  private static boolean isLoadBalancer(ServiceSpec spec) {
    return spec.typeOrDefault().equals("LoadBalancer");
  }

  private static boolean externallyAccessible(ServiceSpec spec) {
    return ServiceStrategy.externallyAccessible(spec.typeOrDefault(), spec);
  }

  private static String policy(ServiceSpec spec) {
    return spec.externalTrafficPolicy().orElse("");
  }

  private static Set<Integer> nodePorts(ServiceSpec spec) {
    Set<Integer> ports = new TreeSet<>();
    for (ServicePort p : spec.ports()) {
      p.nodePort().filter(n -> n != 0).ifPresent(ports::add);
    }
    return ports;
  }
}
