package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Pod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code kubectl taint} and the scheduler's TaintToleration filter. */
class TaintCommandTest {
  private static final long SEED = 41;
  private final Cluster cluster = KubeSim.cluster().nodes(2).seed(SEED).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private String nodeOf(String pod) {
    return cluster.get(Pod.class, "default", pod).orElseThrow().specOrEmpty().nodeName().orElse("");
  }

  private void pod(String name, String tolerations) {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: %s}
        spec:
          tolerations: %s
          containers: [{name: c, image: nginx}]
        """.formatted(name, tolerations));
  }

  @Test
  void aTaintedNodeTakesOnlyPodsThatTolerateIt() {
    assertThat(cluster.kubectl("taint nodes node-1 dedicated=gpu:NoSchedule").stdout()).as("seed %d", SEED)
        .isEqualTo("node/node-1 tainted\n");
    for (int i = 0; i < 3; i++) {
      pod("plain-" + i, "[]");
      assertThat(nodeOf("plain-" + i)).isEqualTo("node-2");
    }
    pod("gpu", "[{key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}]");
    assertThat(nodeOf("gpu")).isEqualTo("node-1");
  }

  @Test
  void aPodNoNodeToleratesIsUnschedulableWithTheTaintNamed() {
    cluster.kubectl("taint nodes node-1 dedicated=gpu:NoSchedule");
    cluster.kubectl("taint nodes node-2 dedicated=gpu:NoSchedule");
    pod("plain", "[]");
    assertThat(nodeOf("plain")).as("seed %d", SEED).isEmpty();
    assertThat(cluster.kubectl("describe pod plain").stdout()).contains("0/2 nodes are available: 2 node(s) had untolerated "
        + "taint {dedicated: gpu}.");
    assertThat(cluster.kubectl("taint nodes node-2 dedicated:NoSchedule-").stdout()).isEqualTo("node/node-2 untainted\n");
    assertThat(nodeOf("plain")).isEqualTo("node-2");
  }

  @Test
  void anExistingTaintNeedsOverwriteAndABadSpecIsRefused() {
    cluster.kubectl("taint nodes node-1 dedicated=gpu:NoSchedule");
    KubectlResult again = cluster.kubectl("taint nodes node-1 dedicated=cpu:NoSchedule");
    assertThat(again.exitCode()).as("seed %d", SEED).isEqualTo(1);
    assertThat(again.stderr()).isEqualTo("error: node node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n");
    assertThat(cluster.kubectl("taint nodes node-1 dedicated=cpu:NoSchedule --overwrite").stdout()).isEqualTo("node/node-1 tainted\n");
    assertThat(cluster.kubectl("taint nodes node-1 dedicated=cpu:Sometimes").stderr())
        .isEqualTo("error: invalid taint spec: dedicated=cpu:Sometimes, unsupported taint effect Sometimes\n");
  }
}
