package dev.kubesim.samples.bench;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whole applications' manifests applied and waited ready. {@code apply.app.boutique}: Online
 * Boutique's release manifests (12 Deployments, 12 Services, 11 ServiceAccounts) applied into a
 * fresh 3-node cluster, then {@code awaitReady}: image pulls, init containers (the loadgenerator's
 * wait for the frontend) and the first readiness probes, all in virtual time. The cluster's build is
 * not in the figure ({@code cluster.kubia.settle} measures it). Listed only where the manifests are
 * found, in {@code shared/manifests} beside the working directory or above it.
 */
public final class AppBenchmarks {
  private static final String BOUTIQUE = "manifests/online-boutique/kubernetes-manifests.yaml";

  private AppBenchmarks() {}

  /** {@code apply.app.boutique} when the manifests are found; nothing otherwise. */
  public static List<Benchmark> all() {
    return boutique().<List<Benchmark>>map(text -> List.of(new BoutiqueApply(text))).orElse(List.of());
  }

  private static Optional<String> boutique() {
    Optional<Path> file = Stream.of(Path.of("shared"), Path.of("..", "shared"), Path.of("..", "..", "shared"))
        .map(p -> p.resolve(BOUTIQUE))
        .filter(Files::isRegularFile)
        .findFirst();
    try {
      return file.isEmpty() ? Optional.empty() : Optional.of(Files.readString(file.get()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code apply.app.boutique}: the manifests applied and waited ready, in milliseconds. */
  static final class BoutiqueApply implements Benchmark {
    private final String manifests;

    BoutiqueApply(String manifests) {
      this.manifests = manifests;
    }

    @Override
    public String name() {
      return "apply.app.boutique";
    }

    @Override
    public String unit() {
      return "ms";
    }

    @Override
    public int warmups() {
      return 60;
    }

    @Override
    public int samples() {
      return 40;
    }

    @Override
    public double sample() {
      try (Cluster cluster = KubeSim.cluster().nodes(3).seed(1).build()) {
        long start = System.nanoTime();
        cluster.apply(manifests);
        cluster.awaitReady(Duration.ofMinutes(5));
        return (System.nanoTime() - start) / 1e6;
      }
    }
  }
}
