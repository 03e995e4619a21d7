package dev.kubesim.junit;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSimException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Builds a test's cluster from its {@link ClusterSettings}: built, manifests applied, settled. */
final class ClusterStart {
  /** How much virtual time the manifests' workloads get to become ready. */
  static final Duration READY_WITHIN = Duration.ofMinutes(10);

  private static final String CLASSPATH = "classpath:";
  private static final String PROJECT = "project:";

  private ClusterStart() {}

  /**
   * A started cluster; it is closed again when a manifest cannot be applied.
   *
   * @throws ExtensionConfigurationException when no engine is on the class path, a setting is
   *     refused or a manifest cannot be found or applied
   */
  static Cluster start(ClusterSettings settings) {
    Cluster cluster;
    try {
      cluster = settings.builder().build();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new ExtensionConfigurationException("@KubeSimTest cannot build its cluster: " + e.getMessage(), e);
    }
    try {
      for (String manifest : settings.manifests()) {
        apply(cluster, manifest, settings.skipWhenManifestsAbsent());
      }
      if (settings.awaitReady()) {
        awaitReady(cluster);
      }
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private static void apply(Cluster cluster, String manifest, boolean skipWhenAbsent) {
    try {
      if (manifest.startsWith(CLASSPATH)) {
        cluster.applyResource(manifest.substring(CLASSPATH.length()));
      } else {
        Path path = manifest.startsWith(PROJECT)
            ? ProjectRoot.of(Path.of("")).resolve(manifest.substring(PROJECT.length())).normalize()
            : Path.of(manifest);
        if (!Files.exists(path)) {
          String absent = "@KubeSimTest manifest \"" + manifest + "\": the path \"" + path.toAbsolutePath()
              + "\" does not exist";
          // A manifest kept outside the project (a checkout beside it) may be absent: skipped, not failed.
          Assumptions.assumeFalse(skipWhenAbsent, absent);
          throw new ExtensionConfigurationException(absent + " (write classpath:" + manifest + " for a resource)");
        }
        cluster.apply(path);
      }
    } catch (KubeSimException | java.io.UncheckedIOException e) {
      throw new ExtensionConfigurationException(
          "@KubeSimTest manifest \"" + manifest + "\" was not applied: " + e.getMessage(), e);
    }
  }

  /**
   * Waits until the applied objects are ready: the cluster settles (controllers, scheduler and
   * kubelets run until nothing is pending, image pulls and the readiness probes' first results
   * included), then virtual time runs until every workload and pod is ready, for at most {@link
   * #READY_WITHIN}. A workload that never becomes ready fails the start with a {@code
   * ConditionTimeoutException} naming the seed, the virtual time and what was not ready.
   */
  private static void awaitReady(Cluster cluster) {
    cluster.settle();
    cluster.awaitReady(READY_WITHIN);
  }
}
