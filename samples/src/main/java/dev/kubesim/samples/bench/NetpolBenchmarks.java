package dev.kubesim.samples.bench;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.NetworkPolicy;
import dev.kubesim.api.model.NetworkPolicyIngressRule;
import dev.kubesim.api.model.NetworkPolicyPeer;
import dev.kubesim.api.model.NetworkPolicySpec;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NetworkPolicy figures: {@code netpol.curl.small} and {@code netpol.curl.large}, a traced
 * {@code curl -s http://<ClusterIP>} from a client pod to a Service whose 10 pods a policy isolates
 * and admits the client to, with 10 and with 10,000 NetworkPolicies in the namespace (the others
 * select other pods); the decision must cost the same in both. Sampled in turn with the other
 * network figures.
 */
public final class NetpolBenchmarks {
  private static final int REQUESTS = 200;

  private NetpolBenchmarks() {}

  public static List<Benchmark> all() {
    PolicyCluster small = new PolicyCluster(10);
    PolicyCluster large = new PolicyCluster(10_000);
    return List.of(
        RequestBenchmark.latency("netpol.curl.small", small, REQUESTS, NetpolBenchmarks::curl),
        RequestBenchmark.latency("netpol.curl.large", large, REQUESTS, NetpolBenchmarks::curl));
  }

  private static void curl(PolicyCluster c) {
    ExecResult r = c.cluster().exec("default/client", "curl", "-s", "http://" + c.clusterIp());
    if (r.exitCode() != 0 || !r.stdout().startsWith("You've hit bench-")) {
      throw new IllegalStateException("the request failed: " + r);
    }
  }

  /** A 3-node cluster with the client, the Service {@code bench} over 10 kubia pods, and {@code policies} policies. */
  static final class PolicyCluster implements BenchCluster {
    private final int policies;
    private Cluster cluster;
    private String clusterIp;

    PolicyCluster(int policies) {
      this.policies = policies;
    }

    @Override
    public Cluster cluster() {
      ensure();
      return cluster;
    }

    String clusterIp() {
      ensure();
      return clusterIp;
    }

    private void ensure() {
      if (cluster != null) {
        return;
      }
      Cluster c = KubeSim.cluster().nodes(3).seed(1).build();
      c.apply(ServiceCluster.BENCH_SERVICE + """
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: client, labels: {role: client}}
          spec:
            containers: [{name: main, image: curlimages/curl, command: [sleep, "999999"]}]
          """);
      List<KubeObject> all = new ArrayList<>();
      all.add(policy("allow-client", "bench"));
      for (int i = 1; i < policies; i++) {
        all.add(policy("decoy-" + i, "decoy-" + i));
      }
      c.applyAll(all);
      clusterIp = c.get(Service.class, "default", "bench").orElseThrow().specOrEmpty().clusterIP().orElseThrow();
      cluster = c;
    }

    /** A policy isolating the pods labelled {@code app=<app>} and admitting {@code role=client}. */
    private static NetworkPolicy policy(String name, String app) {
      NetworkPolicyPeer client = new NetworkPolicyPeer(Optional.of(new LabelSelector(Map.of("role", "client"), null)), null,
          null);
      return NetworkPolicy.of(ObjectMeta.named("default", name), new NetworkPolicySpec(
          new LabelSelector(Map.of("app", app), null), List.of(new NetworkPolicyIngressRule(null, List.of(client))), null,
          null));
    }
  }
}
