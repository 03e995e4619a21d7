package dev.kubesim.impl.apiserver;

import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.IpSyntax;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The Service registry's allocation step ({@code pkg/registry/core/service/storage/alloc.go}):
 * IP families, ClusterIPs and nodePorts (and the health-check nodePort), taken before validation
 * and given back when the request fails or the Service goes.
 */
public final class ServiceAllocation {
  private final List<ClusterIpAllocator> families;
  private final NodePortAllocator nodePorts;

  /**
   * @param families one allocator per service CIDR, the primary family first
   * @param nodePorts the node-port range
   */
  public ServiceAllocation(List<ClusterIpAllocator> families, NodePortAllocator nodePorts) {
    this.families = List.copyOf(families);
    this.nodePorts = nodePorts;
  }

  public NodePortAllocator nodePorts() {
    return nodePorts;
  }

  private boolean dualStack() {
    return families.size() > 1;
  }

  private static String familyOf(ClusterIpAllocator a) {
    return a.cidr().isIPv4() ? "IPv4" : "IPv6";
  }

  Strategy.Allocation<Service> allocate(Service service, Optional<Service> old) {
    List<Runnable> undo = new ArrayList<>();
    List<Runnable> onCommit = new ArrayList<>();
    try {
      ServiceSpec spec = service.specOrEmpty();
      ServiceSpec.Builder b = spec.toBuilder();
      String type = spec.typeOrDefault();
      ServiceSpec oldSpec = old.map(Service::specOrEmpty).orElse(null);
      if (!type.equals("ExternalName")) {
        allocateClusterIPs(service, spec, oldSpec, b, undo, onCommit);
      } else if (oldSpec != null) {
        onCommit.add(() -> releaseIPs(oldSpec));
      }
      ServiceSpec withIPs = b.build();
      b = withIPs.toBuilder();
      allocateNodePorts(service, withIPs, oldSpec, b, undo, onCommit);
      Service allocated = service.withSpec(b.build());
      return new Strategy.Allocation<>(allocated, () -> runAll(undo), () -> runAll(onCommit));
    } catch (RuntimeException e) {
      runAll(undo);
      throw e;
    }
  }

  private static void runAll(List<Runnable> tasks) {
    for (Runnable r : tasks) {
      r.run();
    }
  }

  private void allocateClusterIPs(
      Service service, ServiceSpec spec, ServiceSpec oldSpec, ServiceSpec.Builder b, List<Runnable> undo, List<Runnable> onCommit) {
    boolean headless = spec.isHeadless();
    List<String> requested = spec.clusterIPs();
    // Families: as written, else those of the requested IPs, else the cluster's primary (both for dual-stack policies).
    String policy = spec.ipFamilyPolicy().orElse(null);
    List<String> wanted = new ArrayList<>(spec.ipFamilies());
    if (policy == null) {
      if (headless && spec.selector().isEmpty()) {
        policy = "RequireDualStack";
      } else if (wanted.size() > 1 || requested.size() > 1) {
        policy = "RequireDualStack";
      } else {
        policy = "SingleStack";
      }
      b.ipFamilyPolicy(policy);
    }
    boolean selectorlessHeadless = headless && spec.selector().isEmpty();
    if (wanted.isEmpty()) {
      for (String ip : requested) {
        if (!ip.equals("None") && IpSyntax.isValidIP(ip).isEmpty()) {
          wanted.add(ip.contains(":") ? "IPv6" : "IPv4");
        }
      }
      if (wanted.isEmpty()) {
        wanted.add(familyOf(families.get(0)));
      }
    }
    // A dual-stack policy gets the other family too: on a dual-stack cluster, and for a headless
    // Service without selector on any cluster (it allocates nothing, so validation allows it).
    if (!policy.equals("SingleStack") && wanted.size() == 1 && (dualStack() || selectorlessHeadless)) {
      wanted.add(wanted.get(0).equals("IPv4") ? "IPv6" : "IPv4");
    }
    if (!wanted.equals(spec.ipFamilies())) {
      b.ipFamilies(wanted);
    }
    if (selectorlessHeadless) {
      return; // headless and selectorless: any families, even on a single-stack cluster
    }
    checkFamiliesConfigured(service, policy, wanted);
    if (headless) {
      return;
    }
    if (oldSpec != null && !oldSpec.clusterIPs().isEmpty() && !oldSpec.isHeadless()) {
      // Already allocated; prepareForUpdate carried the addresses over.
      return;
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      String family = wanted.get(i);
      ClusterIpAllocator allocator = families.stream().filter(a -> familyOf(a).equals(family)).findFirst().orElse(null);
      if (allocator == null) {
        throw ServiceStrategy.invalid(service, FieldError.invalid(FieldPath.root("spec", "ipFamilies").index(i), family,
            "not configured on this cluster"));
      }
      if (i < requested.size()) {
        String ip = requested.get(i);
        if (!IpSyntax.isValidIP(ip).isEmpty()) {
          return; // validation reports the malformed address
        }
        Optional<ClusterIpAllocator.Failure> failure = allocator.allocate(ip);
        if (failure.isPresent()) {
          String why = switch (failure.get()) {
            case ALREADY_ALLOCATED -> "provided IP is already allocated";
            case NOT_IN_RANGE -> "the provided IP (" + ip + ") is not in the valid range. The range of valid IPs is " + allocator.cidr();
            case RANGE_FULL -> "range is full";
          };
          throw ServiceStrategy.invalid(service, FieldError.invalid(FieldPath.root("spec", "clusterIPs"), requested,
              "failed to allocate IP " + ip + ": " + why));
        }
        undo.add(() -> allocator.release(ip));
        result.add(ip);
      } else {
        String ip = allocator.allocateNext().orElseThrow(() -> ServiceStrategy.invalid(service,
            FieldError.invalid(FieldPath.root("spec", "clusterIPs"), requested, "failed to allocate a serviceIP: range is full")));
        undo.add(() -> allocator.release(ip));
        result.add(ip);
      }
    }
    b.clusterIP(result.get(0)).clusterIPs(result);
  }

  /**
   * Refuses, before any address is taken, a dual-stack demand on a single-stack cluster and every
   * family the cluster has no range for; all such errors come together.
   */
  private void checkFamiliesConfigured(Service service, String policy, List<String> wanted) {
    List<FieldError> errors = new ArrayList<>();
    if (policy.equals("RequireDualStack") && !dualStack()) {
      errors.add(FieldError.invalid(FieldPath.root("spec", "ipFamilyPolicy"), policy,
          "this cluster is not configured for dual-stack services"));
    }
    for (int i = 0; i < wanted.size(); i++) {
      String family = wanted.get(i);
      if (families.stream().noneMatch(a -> familyOf(a).equals(family))) {
        errors.add(FieldError.invalid(FieldPath.root("spec", "ipFamilies").index(i), family, "not configured on this cluster"));
      }
    }
    if (!errors.isEmpty()) {
      throw ServiceStrategy.invalid(service, errors);
    }
  }

  private void allocateNodePorts(
      Service service, ServiceSpec spec, ServiceSpec oldSpec, ServiceSpec.Builder b, List<Runnable> undo, List<Runnable> onCommit) {
    Set<Integer> held = new HashSet<>();
    if (oldSpec != null) {
      for (ServicePort p : oldSpec.ports()) {
        p.nodePort().ifPresent(held::add);
      }
      oldSpec.healthCheckNodePort().ifPresent(held::add);
    }
    Set<Integer> keep = new HashSet<>();
    if (oldSpec == null && ServiceStrategy.needsNodePorts(spec)) {
      b.ports(initNodePorts(service, spec.ports(), undo));
    } else if (ServiceStrategy.needsNodePorts(spec)) {
      List<ServicePort> ports = new ArrayList<>();
      for (int i = 0; i < spec.ports().size(); i++) {
        ServicePort p = spec.ports().get(i);
        FieldPath path = FieldPath.root("spec", "ports").index(i).child("nodePort");
        int wanted = p.nodePort().orElse(0);
        if (wanted != 0) {
          if (held.contains(wanted) || keep.contains(wanted)) {
            keep.add(wanted); // this Service holds it already (or shares it between TCP and UDP)
          } else {
            takePort(service, wanted, path, undo);
            keep.add(wanted);
          }
          ports.add(p);
        } else {
          int port = nextPort(service, path, undo);
          keep.add(port);
          ports.add(p.withNodePort(port));
        }
      }
      b.ports(ports);
    }
    if (ServiceStrategy.needsHealthCheck(spec)) {
      FieldPath path = FieldPath.root("spec", "healthCheckNodePort");
      int wanted = spec.healthCheckNodePort().orElse(0);
      if (wanted != 0) {
        if (!held.contains(wanted)) {
          takePort(service, wanted, path, undo);
        }
        keep.add(wanted);
      } else {
        int port = nextPort(service, path, undo);
        keep.add(port);
        b.healthCheckNodePort(port);
      }
    }
    for (int port : held) {
      if (!keep.contains(port)) {
        onCommit.add(() -> nodePorts.release(port));
      }
    }
  }

  /**
   * Create-time nodePorts ({@code initNodePorts}): ports with the same port number (TCP and UDP 53)
   * share one nodePort, the first one requested among them even further down the list, else the
   * next free one; a nodePort already taken by another port of this Service is refused.
   */
  private List<ServicePort> initNodePorts(Service service, List<ServicePort> ports, List<Runnable> undo) {
    Map<Integer, Integer> byPortNumber = new HashMap<>();
    List<ServicePort> result = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      ServicePort p = ports.get(i);
      FieldPath path = FieldPath.root("spec", "ports").index(i).child("nodePort");
      int requested = p.nodePort().orElse(0);
      int number = p.port().orElse(0);
      Integer shared = byPortNumber.get(number);
      if (shared == null) {
        int np = ports.stream().filter(q -> q.port().orElse(0) == number).mapToInt(q -> q.nodePort().orElse(0))
            .filter(n -> n != 0).findFirst().orElse(0);
        if (np != 0) {
          takePort(service, np, path, undo);
        } else {
          np = nextPort(service, path, undo);
        }
        byPortNumber.put(number, np);
        result.add(p.withNodePort(np));
      } else if (requested == 0) {
        result.add(p.withNodePort(shared));
      } else {
        if (requested != shared) {
          takePort(service, requested, path, undo);
        }
        result.add(p);
      }
    }
    return result;
  }

  private void takePort(Service service, int port, FieldPath path, List<Runnable> undo) {
    if (!nodePorts.inRange(port)) {
      throw ServiceStrategy.invalid(service, FieldError.invalid(path, port,
          "provided port is not in the valid range. The range of valid ports is " + nodePorts));
    }
    if (!nodePorts.allocate(port)) {
      throw ServiceStrategy.invalid(service, FieldError.invalid(path, port, "provided port is already allocated"));
    }
    undo.add(() -> nodePorts.release(port));
  }

  private int nextPort(Service service, FieldPath path, List<Runnable> undo) {
    OptionalInt port = nodePorts.allocateNext();
    if (port.isEmpty()) {
      throw ServiceStrategy.invalid(service, FieldError.invalid(path, 0, "range is full"));
    }
    int p = port.getAsInt();
    undo.add(() -> nodePorts.release(p));
    return p;
  }

  /** Gives back everything a deleted Service held. */
  void release(Service service) {
    ServiceSpec spec = service.specOrEmpty();
    releaseIPs(spec);
    for (ServicePort p : spec.ports()) {
      p.nodePort().ifPresent(nodePorts::release);
    }
    spec.healthCheckNodePort().ifPresent(nodePorts::release);
  }

  private void releaseIPs(ServiceSpec spec) {
    if (spec.isHeadless()) {
      return;
    }
    for (String ip : spec.clusterIPs()) {
      for (ClusterIpAllocator a : families) {
        a.release(ip);
      }
    }
  }
}
