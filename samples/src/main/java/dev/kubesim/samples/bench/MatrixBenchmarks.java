package dev.kubesim.samples.bench;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ReachabilityMatrix;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.NetworkPolicy;
import dev.kubesim.api.model.NetworkPolicyIngressRule;
import dev.kubesim.api.model.NetworkPolicyPeer;
import dev.kubesim.api.model.NetworkPolicySpec;
import dev.kubesim.api.model.ObjectMeta;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code netpol.matrix.1k}: the all-pairs reachability matrix on port 80/TCP of 1,000 pods in 20
 * namespaces (agnhost serve-hostname on each) under 200 NetworkPolicies, 10 per namespace, each
 * isolating one group of pods and admitting pods of some groups of some namespaces; and {@code
 * netpol.matrix.1k.heap}, the heap the cluster holds after the matrix. Built once, measured once.
 */
public final class MatrixBenchmarks {
  private static final int NAMESPACES = 20;
  private static final int PODS_PER_NAMESPACE = 50;
  private static final int GROUPS = 10;

  private MatrixBenchmarks() {}

  public static List<Benchmark> all() {
    double[] heap = new double[1];
    return List.of(Benchmark.once("netpol.matrix.1k", "s", () -> {
      try (Cluster c = build()) {
        long start = System.nanoTime();
        ReachabilityMatrix m = c.reachabilityOf(List.of(), 80, "TCP");
        double seconds = (System.nanoTime() - start) / 1e9;
        if (m.pods().size() != NAMESPACES * PODS_PER_NAMESPACE || m.blocked().isEmpty()) {
          throw new IllegalStateException("unexpected matrix of " + m.pods().size() + " pods");
        }
        System.gc();
        heap[0] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
        return seconds;
      }
    }), Benchmark.once("netpol.matrix.1k.heap", "MiB", () -> heap[0]));
  }

  private static Cluster build() {
    Cluster c = KubeSim.cluster().nodes(20).seed(1).build();
    StringBuilder yaml = new StringBuilder();
    List<KubeObject> policies = new ArrayList<>();
    for (int n = 0; n < NAMESPACES; n++) {
      String ns = "ns-" + n;
      yaml.append("""
          ---
          apiVersion: v1
          kind: Namespace
          metadata: {name: %s, labels: {team: t%d}}
          """.formatted(ns, n % 4));
      for (int p = 0; p < PODS_PER_NAMESPACE; p++) {
        yaml.append("""
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p-%d, namespace: %s, labels: {group: g%d}}
            spec:
              containers:
              - name: c
                image: registry.k8s.io/e2e-test-images/agnhost:2.52
                command: [/agnhost, serve-hostname, --tcp, --http=false, --port, '80']
                ports: [{containerPort: 80}]
            """.formatted(p, ns, p % GROUPS));
      }
      for (int g = 0; g < GROUPS; g++) {
        policies.add(policy(ns, "np-" + g, "g" + g, "g" + ((g + 1) % GROUPS), "t" + (g % 4)));
      }
    }
    c.apply(yaml.toString());
    c.applyAll(policies);
    return c;
  }

  /** Isolates {@code group} for ingress and admits {@code peerGroup} pods of namespaces labelled {@code team}. */
  private static NetworkPolicy policy(String ns, String name, String group, String peerGroup, String team) {
    NetworkPolicyPeer peer = new NetworkPolicyPeer(Optional.of(new LabelSelector(Map.of("group", peerGroup), null)),
        Optional.of(new LabelSelector(Map.of("team", team), null)), null);
    return NetworkPolicy.of(ObjectMeta.named(ns, name), new NetworkPolicySpec(new LabelSelector(Map.of("group", group), null),
        List.of(new NetworkPolicyIngressRule(null, List.of(peer))), null, null));
  }

}
