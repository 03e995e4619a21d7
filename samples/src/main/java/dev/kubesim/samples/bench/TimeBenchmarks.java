package dev.kubesim.samples.bench;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import dev.kubesim.samples.lab.BuiltInLabs;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

/**
 * The virtual-time figures: what letting time pass costs. {@code advance.700d} builds the default
 * cluster with the kubia lab's objects (the ReplicationController with its one-second readiness
 * probe, the lab's Services, Ingress and the dnsutils pod; one pod's probe passes, two keep
 * failing), then lets 700 virtual days pass and reports the wall time of that advance in ms;
 * {@code advance.700d.heap} is the heap the cluster holds afterwards (after a full collection) and
 * {@code advance.700d.growth} how much of it the 700 days added: flat means near zero.
 */
public final class TimeBenchmarks {
  /** The lab's manifests, in the order the lab applies them (later ones of a name replace earlier ones). */
  private static final List<String> LAB_FILES = List.of(
      "kubia-rc-readinessprobe.yaml", "kubia-svc-named-ports.yaml", "external-service-externalname.yaml",
      "dnsutils.yaml", "kubia-svc-nodeport.yaml", "kubia-svc-loadbalancer.yaml", "kubia-ingress.yaml",
      "kubia-svc-headless.yaml", "kubia-svc-publish-not-ready.yaml");
  private static final Duration DAYS = Duration.ofDays(700);

  private TimeBenchmarks() {}

  public static List<Benchmark> all() {
    Advance advance = new Advance();
    return List.of(advance.time(), advance.heap(), advance.growth());
  }

  /** The kubia lab's cluster: built, its objects applied, one pod made ready; then time passes. */
  public static Cluster labCluster() {
    Cluster cluster = KubeSim.cluster().seed(1).build();
    for (String file : LAB_FILES) {
      cluster.apply(BuiltInLabs.file("kubia", file).orElseThrow());
    }
    List<Pod> pods = cluster.list(Pod.class, "default").stream()
        .filter(p -> "kubia".equals(p.metadata().labels().get("app")))
        .toList();
    cluster.exec(pods.get(0).metadata().nameOrEmpty(), "touch", "/var/ready");
    cluster.advance(Duration.ofSeconds(2));
    return cluster;
  }

  /** One run measures all three figures; the heap figures report the last timed run's. */
  static final class Advance {
    private double millis;
    private double heapMib;
    private double growthMib;
    private boolean heapTaken = true;
    private boolean growthTaken = true;

    private void run() {
      try (Cluster cluster = labCluster()) {
        double before = usedHeapMib();
        long start = System.nanoTime();
        cluster.advance(DAYS);
        millis = (System.nanoTime() - start) / 1e6;
        heapMib = usedHeapMib();
        growthMib = heapMib - before;
        heapTaken = false;
        growthTaken = false;
      }
    }

    private static double usedHeapMib() {
      System.gc();
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    Benchmark time() {
      return Benchmark.of("advance.700d", "ms", () -> {
        run();
        return millis;
      }, 1, 5);
    }

    Benchmark heap() {
      return Benchmark.of("advance.700d.heap", "MiB", () -> {
        if (heapTaken) {
          run();
        }
        heapTaken = true;
        return heapMib;
      }, 0, 1);
    }

    Benchmark growth() {
      return Benchmark.of("advance.700d.growth", "MiB", () -> {
        if (growthTaken) {
          run();
        }
        growthTaken = true;
        return growthMib;
      }, 0, 1);
    }
  }
}
