package dev.kubesim.impl.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.TestEngine;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ReplicaSet controller creates at most a burst per sync, in slow-start batches. */
class ReplicaBurstTest {
  private static final long SEED = 13;

  private static String replicaSet(int replicas, String image) {
    return """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: big}
        spec:
          replicas: %d
          selector: {matchLabels: {app: big}}
          template:
            metadata: {labels: {app: big}}
            spec: {containers: [{name: c, image: %s}]}
        """.formatted(replicas, image);
  }

  @Test
  void aMillionReplicasComeABurstAtATimeAsTimePasses() {
    try (Cluster cluster = KubeSim.cluster().nodes(2).seed(SEED).build()) {
      cluster.apply(replicaSet(1_000_000, "nginx"));
      assertThat(cluster.list(Pod.class, "default")).as("seed %d", SEED).hasSize(ReplicaManager.BURST);

      cluster.advance(ReplicaManager.BURST_INTERVAL);
      assertThat(cluster.list(Pod.class, "default")).hasSize(2 * ReplicaManager.BURST);

      cluster.kubectl("scale rs big --replicas=0");
      cluster.advance(ReplicaManager.BURST_INTERVAL.plus(Duration.ofMinutes(1)));
      assertThat(cluster.list(Pod.class, "default")).as("seed %d", SEED).isEmpty();
    }
  }

  @Test
  void aScaleWithinOneBurstIsImmediate() {
    try (Cluster cluster = KubeSim.cluster().nodes(2).seed(SEED).build()) {
      cluster.apply(replicaSet(ReplicaManager.BURST, "nginx"));
      assertThat(cluster.list(Pod.class, "default")).hasSize(ReplicaManager.BURST);
    }
  }

  @Test
  void aRefusedPodFailsOncePerSyncNotABurstOfTimes() {
    TestEngine engine = new TestEngine(SEED);
    // an API server that refuses every pod (a quota, an admission webhook would)
    engine.api.register(new Strategy<>(Pod.class) {
      @Override
      public List<FieldError> validate(Pod pod) {
        return List.of(FieldError.forbidden(FieldPath.root("spec"), "refused"));
      }
    });
    ReplicaManager.replicaSets(engine.api);
    engine.create(replicaSet(1_000, "nginx"));
    engine.loop.settle();
    long failed = engine.api.list("Event", Optional.of("default")).stream()
        .filter(e -> e.toString().contains("FailedCreate")).count();
    assertThat(failed).as("seed %d", SEED).isEqualTo(1);
  }
}
