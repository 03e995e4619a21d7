package dev.kubesim.samples.bench;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.map.ClusterMap;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.samples.lab.BuiltInLabs;
import java.util.List;

/**
 * Drawing what happened. {@code trace.svg}: the chapter's curl from a kubia pod to the kubia Service
 * by name (the DNS query to CoreDNS, kube-proxy's DNAT, the route to the pod on another node and
 * back: about 60 hops) rendered as a self-contained SVG sequence diagram, in microseconds. {@code
 * map.svg}: the map of that cluster with the curl's way highlighted. The cluster and the trace are
 * made once; only the rendering is measured.
 */
public final class PictureBenchmarks {
  /** Renderings per sample, so that one sample is long enough to time. */
  private static final int RENDERINGS = 100;

  private PictureBenchmarks() {}

  /** {@code trace.svg} and {@code map.svg}. */
  public static List<Benchmark> all() {
    Scene scene = new Scene();
    return List.of(
        rendering("trace.svg", () -> scene.trace().toSvg()),
        rendering("map.svg", () -> scene.map().toSvg(scene.trace())));
  }

  private static Benchmark rendering(String name, java.util.function.Supplier<String> render) {
    return Benchmark.of(name, "us", () -> {
      long start = System.nanoTime();
      int length = 0;
      for (int i = 0; i < RENDERINGS; i++) {
        length += render.get().length();
      }
      if (length == 0) {
        throw new IllegalStateException(name + " rendered nothing");
      }
      return (System.nanoTime() - start) / 1e3 / RENDERINGS;
    }, 5, 15);
  }

  /** The kubia cluster and the traced curl, made on first use (so listing the figures builds nothing). */
  private static final class Scene {
    private Trace trace;
    private ClusterMap map;

    Trace trace() {
      make();
      return trace;
    }

    ClusterMap map() {
      make();
      return map;
    }

    private void make() {
      if (trace != null) {
        return;
      }
      try (Cluster cluster = KubeSim.cluster().nodes(3).seed(7).build()) {
        cluster.apply(BuiltInLabs.file("kubia", "kubia-rc.yaml").orElseThrow());
        cluster.apply(BuiltInLabs.file("kubia", "kubia-svc.yaml").orElseThrow());
        String pod = cluster.pods("default", "app=kubia").get(0).metadata().nameOrEmpty();
        ExecResult r = cluster.exec("default/" + pod, "curl", "-s", "http://kubia");
        trace = r.trace().orElseThrow(() -> new IllegalStateException("the curl was not traced"));
        map = cluster.map();
      }
    }
  }
}
