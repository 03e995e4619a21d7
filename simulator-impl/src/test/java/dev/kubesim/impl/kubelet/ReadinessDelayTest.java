package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A write returns before a readiness probe's initial delay has passed, as {@code kubectl apply}
 * does, so the not-ready window can be seen; settling and the waits run time through it.
 */
class ReadinessDelayTest {
  private static final long SEED = 5;
  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: slow}
      spec:
        replicas: 1
        selector: {matchLabels: {app: slow}}
        template:
          metadata: {labels: {app: slow}}
          spec:
            containers:
            - name: web
              image: nginx
              ports: [{containerPort: 80}]
              readinessProbe:
                initialDelaySeconds: 180
                httpGet: {path: /, port: 80}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: slow}
      spec:
        selector: {app: slow}
        ports: [{port: 80}]
      """;

  private static Cluster cluster() {
    return KubeSim.cluster().nodes(1).seed(SEED).build();
  }

  @Test
  void applyReturnsWithThePodRunningButNotReadyBeforeTheInitialDelay() {
    try (Cluster cluster = cluster()) {
      Duration before = cluster.now();
      assertThat(((SimCluster) cluster).kubectl("apply -f -", DEPLOYMENT).stdout())
          .isEqualTo("deployment.apps/slow created\nservice/slow created\n");

      assertThat(cluster.now().minus(before)).as("seed %d", SEED).isLessThan(Duration.ofSeconds(10));
      assertThat(cluster.kubectl("get pods").stdout()).containsPattern("slow-\\S+ +0/1 +Running +0 +\\d+s\\n");
      assertThat(cluster.service("default", "slow").readyEndpoints()).isEmpty();
      assertThat(cluster.kubectl("get deployment slow").stdout()).contains("0/1");
    }
  }

  @Test
  void theNotReadyWindowEndsWhenTheFirstProbeRunsAfterTheDelay() {
    try (Cluster cluster = cluster()) {
      cluster.apply(DEPLOYMENT);
      cluster.advance(Duration.ofSeconds(170));
      assertThat(cluster.service("default", "slow").readyEndpoints()).as("seed %d", SEED).isEmpty();

      cluster.advance(Duration.ofSeconds(15));
      assertThat(cluster.service("default", "slow").readyEndpoints()).hasSize(1);
      assertThat(cluster.kubectl("get pods").stdout()).containsPattern("slow-\\S+ +1/1 +Running +0 +3m\\d+s\\n");
    }
  }

  @Test
  void settlingAndRolloutStatusWaitOutTheInitialDelay() {
    try (Cluster cluster = cluster()) {
      cluster.apply(DEPLOYMENT);
      cluster.settle();
      assertThat(cluster.service("default", "slow").readyEndpoints()).as("seed %d", SEED).hasSize(1);
    }
    try (Cluster cluster = cluster()) {
      cluster.apply(DEPLOYMENT);
      assertThat(cluster.kubectl("rollout status deployment/slow").stdout())
          .endsWith("deployment \"slow\" successfully rolled out\n");
      assertThat(cluster.service("default", "slow").readyEndpoints()).hasSize(1);
    }
  }

  @Test
  void aProbeWithoutInitialDelayHasRunWhenTheWriteReturns() {
    try (Cluster cluster = cluster()) {
      cluster.apply(DEPLOYMENT.replace("initialDelaySeconds: 180", "periodSeconds: 10"));
      assertThat(cluster.service("default", "slow").readyEndpoints()).as("seed %d", SEED).hasSize(1);
    }
  }
}
