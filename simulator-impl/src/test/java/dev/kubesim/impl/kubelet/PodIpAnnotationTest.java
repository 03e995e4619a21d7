package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PodIpAnnotationTest {
  private static final long SEED = 17;

  @Test
  void aPinnedAddressThatIsNoAddressFailsTheSandboxNotTheCall() {
    try (Cluster cluster = KubeSim.cluster().nodes(1).seed(SEED).build()) {
      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: p, annotations: {kubesim.dev/pod-ip: bogus}}
          spec: {containers: [{name: c, image: nginx}]}
          """);
      cluster.advance(Duration.ofSeconds(10));
      Pod pod = cluster.get(Pod.class, "default", "p").orElseThrow();
      assertThat(pod.status().flatMap(s -> s.podIP())).as("seed %d", SEED).isEmpty();
      assertThat(cluster.kubectl("get events").stdout())
          .contains("FailedCreatePodSandBox")
          .contains("Failed to create pod sandbox: failed to assign IP bogus");
    }
  }
}
