package dev.kubesim.impl.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * {@code CategorizeEndpoints} (pkg/proxy/topology.go): which endpoints Cluster and Local traffic
 * policy use on this node. Ready endpoints are preferred; when a policy has none, it falls back to
 * endpoints that are serving and terminating, so that connections are not dropped during a
 * rollout. The two fallbacks are independent. Topology-aware hints are not modelled.
 */
final class Topology {
  private Topology() {}

  /**
   * @param cluster the endpoints for Cluster policy (empty when the port never uses it)
   * @param local the endpoints for Local policy (empty when the port never uses it)
   * @param allReachable every endpoint some chain may send to: the KUBE-SEP chains to write
   * @param hasAny whether the port has a usable endpoint anywhere in the cluster
   */
  record Categorized(List<EndpointInfo> cluster, List<EndpointInfo> local, List<EndpointInfo> allReachable, boolean hasAny) {}

  /**
   * Which policy serves internal and external traffic, and whether each has endpoints here, as
   * both proxiers' {@code syncProxyRules} work it out from the categorized endpoints.
   *
   * @param usesClusterPolicy a Cluster-policy chain is written (it has endpoints and some traffic uses it)
   * @param usesLocalPolicy a Local-policy chain is written
   * @param internalLocal internal traffic goes by the Local policy (iTP=Local)
   * @param hasInternalEndpoints internal traffic has endpoints to go to
   * @param externalLocal external traffic goes by the Local policy (eTP=Local)
   * @param hasExternalEndpoints external traffic has endpoints to go to
   */
  record Policies(boolean usesClusterPolicy, boolean usesLocalPolicy, boolean internalLocal, boolean hasInternalEndpoints,
      boolean externalLocal, boolean hasExternalEndpoints) {
    static Policies of(Categorized cat, ServicePortInfo svc) {
      boolean usesCluster = !cat.cluster().isEmpty() && svc.usesClusterEndpoints();
      boolean usesLocal = !cat.local().isEmpty() && svc.usesLocalEndpoints();
      boolean hasInternal = svc.internalPolicyLocal() ? !cat.local().isEmpty() : cat.hasAny();
      boolean hasExternal = svc.externalPolicyLocal() ? !cat.local().isEmpty() : cat.hasAny();
      return new Policies(usesCluster, usesLocal, svc.internalPolicyLocal(), hasInternal, svc.externalPolicyLocal(),
          hasExternal);
    }
  }

  static Categorized categorize(List<EndpointInfo> endpoints, ServicePortInfo svc) {
    List<EndpointInfo> cluster = List.of();
    boolean hasAny = false;
    if (svc.usesClusterEndpoints()) {
      cluster = filter(endpoints, EndpointInfo::ready);
      if (cluster.isEmpty()) {
        cluster = filter(endpoints, ep -> ep.serving() && ep.terminating());
      }
      hasAny = !cluster.isEmpty();
    }
    if (!svc.usesLocalEndpoints()) {
      return new Categorized(cluster, List.of(), cluster, hasAny);
    }
    boolean localReady = false;
    boolean localServingTerminating = false;
    for (EndpointInfo ep : endpoints) {
      if (ep.ready()) {
        hasAny = true;
        localReady |= ep.local();
      } else if (ep.serving() && ep.terminating()) {
        hasAny = true;
        localServingTerminating |= ep.local();
      }
    }
    List<EndpointInfo> local = List.of();
    boolean usesTerminating = false;
    if (localReady) {
      local = filter(endpoints, ep -> ep.local() && ep.ready());
    } else if (localServingTerminating) {
      usesTerminating = true;
      local = filter(endpoints, ep -> ep.local() && ep.serving() && ep.terminating());
    }
    if (!svc.usesClusterEndpoints()) {
      return new Categorized(cluster, local, local, hasAny);
    }
    if (!usesTerminating) {
      // The ready local endpoints are a subset of the ready cluster endpoints.
      return new Categorized(cluster, local, cluster, hasAny);
    }
    TreeMap<String, EndpointInfo> union = new TreeMap<>();
    cluster.forEach(ep -> union.put(ep.toString(), ep));
    local.forEach(ep -> union.put(ep.toString(), ep));
    return new Categorized(cluster, local, List.copyOf(union.values()), hasAny);
  }

  private static List<EndpointInfo> filter(List<EndpointInfo> endpoints, Predicate<EndpointInfo> keep) {
    List<EndpointInfo> out = new ArrayList<>();
    for (EndpointInfo ep : endpoints) {
      if (keep.test(ep)) {
        out.add(ep);
      }
    }
    return List.copyOf(out);
  }
}
