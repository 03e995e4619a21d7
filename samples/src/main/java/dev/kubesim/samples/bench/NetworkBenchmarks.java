package dev.kubesim.samples.bench;

import com.sun.management.ThreadMXBean;
import dev.kubesim.api.ExecResult;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The network figures: one {@code curl -s http://<ClusterIP>} from a pod, end to end (exec, the
 * TCP exchange through kube-proxy's rules and conntrack, the kubia server's answer, the recorded
 * trace), in a cluster of 10 Services and in one of 10,000, each with 10 endpoints; and the bytes
 * allocated per such request. Each {@link ServiceCluster} is built once and reused by every sample,
 * the {@link DnsBenchmarks DNS figures}' included.
 */
public final class NetworkBenchmarks {
  /** Requests per sample, so that one sample is long enough to time. */
  private static final int REQUESTS = 200;
  /** Sampled in turn, so that the small and the large cluster's figures are taken under the same conditions. */
  private static final String GROUP = "network";

  private NetworkBenchmarks() {}

  public static List<Benchmark> all() {
    ServiceCluster small = new ServiceCluster(10);
    ServiceCluster large = new ServiceCluster(10_000);
    List<Benchmark> all = new ArrayList<>(
        List.of(latency("curl.clusterip.small", small), latency("curl.clusterip.large", large), allocation(small)));
    all.addAll(DnsBenchmarks.all(small, large));
    return all;
  }

  private static Benchmark latency(String name, ServiceCluster cluster) {
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
        cluster.cluster();
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
          curl(cluster);
        }
        return (System.nanoTime() - start) / 1e3 / REQUESTS;
      }
    };
  }

  private static Benchmark allocation(ServiceCluster cluster) {
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
        cluster.cluster();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < REQUESTS; i++) {
          curl(cluster);
        }
        return (double) (threads.getThreadAllocatedBytes(id) - before) / REQUESTS;
      }
    };
  }

  /** One {@code curl -s http://<ClusterIP>} from the client pod; fails loudly if it does not succeed. */
  private static void curl(ServiceCluster cluster) {
    ExecResult r = cluster.cluster().exec(ServiceCluster.CLIENT, "curl", "-s", "http://" + cluster.clusterIp());
    if (r.exitCode() != 0) {
      throw new IllegalStateException("curl failed: " + r.stderr());
    }
  }
}
