package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Time arithmetic with the largest values the API accepts saturates at the end of virtual time. */
class TimeLimitsTest {
  private static final long SEED = 11;

  private static Cluster cluster() {
    return KubeSim.cluster().nodes(1).seed(SEED).build();
  }

  @Test
  void largestGracePeriodDeletesWithTheLastTimestampAndWaitsABoundedTime() {
    try (Cluster cluster = cluster()) {
      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: g}
          spec:
            terminationGracePeriodSeconds: 9223372036854775807
            containers: [{name: c, image: nginx}]
          """);
      cluster.advance(Duration.ofSeconds(10));
      cluster.delete("Pod", "default", "g");

      Pod pod = cluster.get(Pod.class, "default", "g").orElseThrow();
      assertThat(pod.metadata().deletionTimestamp()).as("seed %d", SEED).hasValue("9999-12-31T23:59:59Z");
      assertThat(pod.metadata().deletionGracePeriodSeconds()).hasValue(Long.MAX_VALUE);

      // nginx exits on SIGTERM; kubectl's wait (bounded by a week) ends when the pod is gone
      assertThat(cluster.kubectl("delete pod g").exitCode()).isZero();
      assertThat(cluster.get(Pod.class, "default", "g")).isEmpty();
      assertThat(cluster.now()).isLessThan(Duration.ofMinutes(5));
    }
  }

  @Test
  void largestTolerationSecondsIsAWaitThatNeverEnds() {
    try (Cluster cluster = KubeSim.cluster().nodes(2).seed(SEED).build()) {
      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: t}
          spec:
            nodeName: node-2
            tolerations:
            - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 9223372036854775807}
            containers: [{name: c, image: nginx}]
          """);
      cluster.node("node-2").stop();
      cluster.advance(Duration.ofMinutes(7));
      assertThat(cluster.get(Pod.class, "default", "t").orElseThrow().metadata().deletionTimestamp())
          .as("seed %d", SEED).isEmpty();
    }
  }

  @Test
  void aReadinessProbeDueInSixtyEightYearsDoesNotHoldAWrite() {
    try (Cluster cluster = cluster()) {
      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: r}
          spec:
            containers:
            - name: c
              image: nginx
              readinessProbe: {initialDelaySeconds: 2147483647, exec: {command: [ls]}}
              livenessProbe: {initialDelaySeconds: 2147483647, periodSeconds: 2147483647, exec: {command: [ls]}}
          """);
      assertThat(cluster.now()).as("seed %d", SEED).isLessThan(Duration.ofMinutes(1));
      cluster.advance(Duration.ofMinutes(1));
      assertThat(cluster.kubectl("get pod r").stdout()).contains("0/1     Running");
    }
  }
}
