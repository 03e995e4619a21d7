package dev.kubesim.samples.bench;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.NodeConfig;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.ReplicationController;
import dev.kubesim.api.model.ReplicationControllerSpec;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workload figures at scale: a cluster of N nodes running P pods from R ReplicationControllers,
 * applied and settled (every pod Running). One sample measures the time to settle and, after a full
 * garbage collection, the heap the settled cluster holds.
 */
public final class ScaleBenchmarks {
  private ScaleBenchmarks() {}

  /** {@code scale.1k.*}: 1,000 nodes, 3,000 RCs of 10 pods; {@code scale.envelope.*}: 5,000 nodes, 150,000 pods. */
  public static List<Benchmark> all() {
    Scale small = new Scale("scale.1k", 1_000, 3_000, 10);
    Scale envelope = new Scale("scale.envelope", 5_000, 15_000, 10);
    return List.of(small.settle(), small.heap(), envelope.settle(), envelope.heap());
  }

  /** One scale point; its two figures share one run so the heap is that of the timed cluster. */
  public static final class Scale {
    private final String prefix;
    private final int nodes;
    private final int controllers;
    private final int replicas;
    private double lastHeapMib;

    public Scale(String prefix, int nodes, int controllers, int replicas) {
      this.prefix = prefix;
      this.nodes = nodes;
      this.controllers = controllers;
      this.replicas = replicas;
    }

    Benchmark settle() {
      return Benchmark.once(prefix + ".settle", "s", this::run);
    }

    /** The heap of the cluster the last settle built, or of a new run when none is pending. */
    Benchmark heap() {
      return Benchmark.once(prefix + ".heap", "MiB", () -> {
        if (lastHeapMib == 0) {
          run();
        }
        double v = lastHeapMib;
        lastHeapMib = 0;
        return v;
      });
    }

    /** Builds and settles the cluster; returns seconds and records the heap it holds. */
    public double run() {
      List<NodeConfig> nodeConfigs = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        String address = "172.16." + (i / 250) + "." + (i % 250 + 2);
        nodeConfigs.add(NodeConfig.of("node-" + (i + 1), address, "10." + (i / 256) + "." + (i % 256) + ".0/24"));
      }
      List<ReplicationController> rcs = new ArrayList<>();
      for (int i = 0; i < controllers; i++) {
        String app = "app-" + i;
        Container c = Container.builder().name("app").image("luksa/kubia")
            .ports(List.of(new ContainerPort(Optional.empty(), Optional.empty(), Optional.of(8080), Optional.empty(), Optional.empty())))
            .build();
        PodTemplateSpec template = new PodTemplateSpec(ObjectMeta.builder().labels(Map.of("app", app)).build(),
            Optional.of(PodSpec.builder().containers(List.of(c)).build()));
        rcs.add(ReplicationController.of(ObjectMeta.named("default", app),
            new ReplicationControllerSpec(Optional.of(replicas), Optional.empty(), Map.of("app", app), Optional.of(template))));
      }
      long start = System.nanoTime();
      try (Cluster cluster = KubeSim.cluster().nodes(nodeConfigs).clusterCIDR("10.0.0.0/8").addons(List.of()).seed(1).build()) {
        cluster.applyAll(rcs);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        lastHeapMib = heap.getUsed() / (1024.0 * 1024.0);
        return seconds;
      }
    }
  }
}
