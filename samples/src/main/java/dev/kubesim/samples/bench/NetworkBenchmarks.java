package dev.kubesim.samples.bench;

import com.sun.management.ThreadMXBean;
import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.EndpointConditions;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.EndpointSlicePort;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network figures: one {@code curl -s http://<ClusterIP>} from a pod, end to end (exec, the
 * TCP exchange through kube-proxy's rules and conntrack, the kubia server's answer, the recorded
 * trace), in a cluster of 10 Services and in one of 10,000, each with 10 endpoints; and the bytes
 * allocated per such request. Each cluster is built once and reused by every sample.
 */
public final class NetworkBenchmarks {
  /** Requests per sample, so that one sample is long enough to time. */
  private static final int REQUESTS = 200;
  /** Sampled in turn, so that the small and the large cluster's figures are taken under the same conditions. */
  private static final String GROUP = "network";

  private NetworkBenchmarks() {}

  public static List<Benchmark> all() {
    CurlCluster small = new CurlCluster(10);
    CurlCluster large = new CurlCluster(10_000);
    return List.of(latency("curl.clusterip.small", small), latency("curl.clusterip.large", large), allocation(small));
  }

  private static Benchmark latency(String name, CurlCluster cluster) {
    return new Benchmark() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String group() {
        return GROUP;
      }

      @Override
      public String unit() {
        return "us";
      }

      /** C2 needs tens of thousands of requests before the whole path is compiled. */
      @Override
      public int warmups() {
        return 100;
      }

      @Override
      public int samples() {
        return 25;
      }

      @Override
      public double sample() {
        cluster.ensure();
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
          cluster.curl();
        }
        return (System.nanoTime() - start) / 1e3 / REQUESTS;
      }
    };
  }

  private static Benchmark allocation(CurlCluster cluster) {
    return new Benchmark() {
      @Override
      public String name() {
        return "curl.clusterip.alloc";
      }

      @Override
      public String group() {
        return GROUP;
      }

      @Override
      public String unit() {
        return "bytes";
      }

      @Override
      public int warmups() {
        return 40;
      }

      @Override
      public double sample() {
        cluster.ensure();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < REQUESTS; i++) {
          cluster.curl();
        }
        return (double) (threads.getThreadAllocatedBytes(id) - before) / REQUESTS;
      }
    };
  }

  /**
   * A 3-node cluster with a client pod, the measured Service over 10 kubia pods, and {@code
   * services - 1} more selector-less Services whose EndpointSlices list 10 addresses each (kube-proxy
   * programs every one of them; no pods need to exist behind them).
   */
  static final class CurlCluster {
    private final int services;
    private Cluster cluster;
    private String clusterIp;

    CurlCluster(int services) {
      this.services = services;
    }

    void ensure() {
      if (cluster != null) {
        return;
      }
      cluster = KubeSim.cluster().nodes(3).seed(1).build();
      cluster.apply("""
          apiVersion: v1
          kind: ReplicationController
          metadata: {name: bench}
          spec:
            replicas: 10
            selector: {app: bench}
            template:
              metadata: {labels: {app: bench}}
              spec:
                containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: bench}
          spec:
            selector: {app: bench}
            ports: [{port: 80, targetPort: 8080}]
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: client}
          spec:
            containers: [{name: main, image: curlimages/curl, command: [sleep, "999999"]}]
          """);
      List<KubeObject> filler = new ArrayList<>(2 * services);
      for (int i = 1; i < services; i++) {
        String name = "filler-" + i;
        filler.add(Service.of(ObjectMeta.named("default", name), ServiceSpec.builder()
            .ports(List.of(new ServicePort(Optional.of("http"), Optional.of("TCP"), Optional.empty(), Optional.of(80),
                Optional.of(IntOrString.of(8080)), Optional.empty())))
            .build()));
        List<EndpointSliceEndpoint> endpoints = new ArrayList<>();
        for (int e = 0; e < 10; e++) {
          String ip = "10.244." + (1 + e % 3) + "." + (100 + (i * 10 + e) % 150);
          endpoints.add(new EndpointSliceEndpoint(List.of(ip),
              Optional.of(new EndpointConditions(Optional.of(true), Optional.of(true), Optional.of(false))),
              Optional.empty(), Optional.empty(), Map.of(), Optional.of("node-" + (1 + e % 3)), Optional.empty(), Optional.empty()));
        }
        filler.add(EndpointSlice.of(
            ObjectMeta.builder().namespace("default").name(name + "-x1").labels(Map.of("kubernetes.io/service-name", name)).build(),
            "IPv4", endpoints,
            List.of(new EndpointSlicePort(Optional.of("http"), Optional.of("TCP"), Optional.of(8080), Optional.empty()))));
      }
      cluster.applyAll(filler);
      clusterIp = cluster.get(Service.class, "default", "bench").orElseThrow().specOrEmpty().clusterIP().orElseThrow();
      ExecResult r = cluster.exec("default/client", "curl", "-s", "http://" + clusterIp);
      if (r.exitCode() != 0 || r.trace().isEmpty()) {
        throw new IllegalStateException("the benchmark's curl failed: " + r);
      }
      // Building 10,000 Services leaves much garbage: collect it now, not during the measured samples.
      System.gc();
    }

    void curl() {
      ExecResult r = cluster.exec("default/client", "curl", "-s", "http://" + clusterIp);
      if (r.exitCode() != 0) {
        throw new IllegalStateException("curl failed: " + r.stderr());
      }
    }
  }
}
