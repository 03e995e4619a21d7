package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code kubectl attach} without a terminal: what the container prints from now on, and kubectl's errors. */
class AttachCommandTest {
  private static final long SEED = 5;

  @Test
  void attachShowsOnlyWhatTheContainerPrintsFromNowForAFewSeconds() {
    try (Cluster cluster = KubeSim.cluster().seed(SEED).build()) {
      cluster.kubectl("run loop --image=busybox -- sh -c 'while true; do echo tick; sleep 1; done'");
      cluster.advance(Duration.ofSeconds(20));
      int logged = cluster.kubectl("logs loop").stdout().split("\n").length;

      KubectlResult r = cluster.kubectl("attach loop");
      assertThat(logged).as("seed %d", SEED).isGreaterThan(10);
      assertThat(r.stdout()).isEqualTo("tick\ntick\ntick\n");
      assertThat(r.exitCode()).isZero();
      assertThat(cluster.kubectl("attach loop -t").stderr()).isEqualTo("Unable to use a TTY - container loop did not allocate one\n");
    }
  }

  @Test
  void attachRefusesCompletedPodsAndWrongArguments() {
    try (Cluster cluster = KubeSim.cluster().seed(SEED).build()) {
      cluster.kubectl("run done --image=busybox --restart=Never -- true");
      cluster.advance(Duration.ofSeconds(20));

      assertThat(cluster.kubectl("attach done").stderr())
          .isEqualTo("error: cannot attach a container in a completed pod; current phase is Succeeded\n");
      assertThat(cluster.kubectl("attach").stderr()).startsWith("error: at least 1 argument is required for attach\n");
      assertThat(cluster.kubectl("attach nope").stderr()).isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");
      assertThat(cluster.kubectl("attach done -c other").stderr()).startsWith("error: ");
    }
  }
}
