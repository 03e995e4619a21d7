package dev.kubesim.samples.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.ContainerStatus;
import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Online Boutique's release manifests, loaded unchanged from {@code ../shared/manifests} (the test
 * is skipped where that folder is absent): every Deployment becomes available — the
 * loadgenerator's {@code frontend-check} init container included, which loops on {@code wget}
 * until the frontend answers — and the frontend answers through its Service. Seed 7.
 */
class OnlineBoutiqueTest {
  private static final long SEED = 7;

  private static Path manifests() {
    Path file = Stream.of(Path.of("..", "shared"), Path.of("..", "..", "shared"))
        .map(p -> p.resolve("manifests/online-boutique/kubernetes-manifests.yaml"))
        .filter(Files::isRegularFile)
        .findFirst()
        .orElse(null);
    Assumptions.assumeTrue(file != null, "../shared/manifests is absent");
    return file;
  }

  @Test
  void everyWorkloadBecomesReadyAndTheFrontendAnswersThroughItsService() {
    Path file = manifests();
    try (Cluster cluster = KubeSim.cluster().seed(SEED).build()) {
      cluster.apply(file);
      cluster.advance(Duration.ofMinutes(2));

      List<Deployment> deployments = cluster.list(Deployment.class, "default");
      assertThat(deployments).as("seed %d", SEED).hasSize(12);
      for (Deployment d : deployments) {
        int wanted = d.spec().flatMap(s -> s.replicas()).orElse(1);
        int available = d.status().flatMap(s -> s.availableReplicas()).orElse(0);
        assertThat(available).as("available replicas of %s (seed %d)", d.metadata().nameOrEmpty(), SEED).isEqualTo(wanted);
      }

      Pod loadgenerator = cluster.list(Pod.class, "default").stream()
          .filter(p -> p.metadata().nameOrEmpty().startsWith("loadgenerator-"))
          .findFirst().orElseThrow();
      ContainerStatus check = loadgenerator.status().orElseThrow().initContainerStatuses().get(0);
      assertThat(check.name()).contains("frontend-check");
      assertThat(check.state().flatMap(s -> s.terminated()).flatMap(t -> t.exitCode())).as("seed %d", SEED).contains(0);
      assertThat(cluster.kubectl("logs " + loadgenerator.metadata().nameOrEmpty() + " -c frontend-check").stdout())
          .contains("Frontend is reachable.");

      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: client}
          spec:
            containers: [{name: client, image: busybox, command: [sleep, "3600"]}]
          """);
      cluster.advance(Duration.ofSeconds(5));
      ExecResult r = cluster.exec("default/client", "wget", "-S", "-O", "/dev/null", "http://frontend/");
      assertThat(r.exitCode()).as("wget through the frontend Service (seed %d): %s", SEED, r.stderr()).isZero();
      assertThat(r.stderr()).contains("HTTP/1.1 200 OK");
    }
  }
}
