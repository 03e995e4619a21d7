package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  private static final long SEED = 42;

  /** A fixed sequence of calls: workloads, a deletion, a scale, a node failure. */
  private static String run() {
    try (Cluster cluster = KubeSim.cluster().nodes(3).seed(SEED).build()) {
      cluster.apply("""
          apiVersion: v1
          kind: ReplicationController
          metadata: {name: kubia}
          spec:
            replicas: 3
            selector: {app: kubia}
            template:
              metadata: {labels: {app: kubia}}
              spec: {containers: [{name: kubia, image: luksa/kubia}]}
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            replicas: 2
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec: {containers: [{name: web, image: nginx}]}
          """);
      String first = cluster.list(Pod.class, "default").get(0).metadata().nameOrEmpty();
      cluster.kubectl("delete pod " + first);
      cluster.kubectl("scale rc kubia --replicas=5");
      cluster.node("node-2").stop();
      cluster.advance(Duration.ofMinutes(6));
      cluster.node("node-2").start();
      cluster.kubectl("exec " + cluster.list(Pod.class, "default").get(0).metadata().nameOrEmpty() + " -- ls /");
      return cluster.kubectl("get pods -o yaml").stdout();
    }
  }

  @Test
  void sameSeedAndCallsGiveByteIdenticalPodYaml() {
    String a = run();
    String b = run();
    assertThat(a).as("seed %d", SEED).contains("kind: Pod").isEqualTo(b);
  }
}
