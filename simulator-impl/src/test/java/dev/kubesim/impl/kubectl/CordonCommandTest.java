package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.Pod;
import org.junit.jupiter.api.Test;

class CordonCommandTest {
  private final KubectlFixture k = new KubectlFixture();

  @Test
  void cordonedNodeGetsNoNewPods() {
    assertThat(k.output("cordon node-1")).isEqualTo("node/node-1 cordoned\n");
    assertThat(k.output("cordon node-2")).isEqualTo("node/node-2 cordoned\n");
    k.apply("""
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: kubia}
        spec:
          replicas: 4
          selector: {app: kubia}
          template:
            metadata: {labels: {app: kubia}}
            spec: {containers: [{name: kubia, image: luksa/kubia}]}
        """);
    assertThat(k.cluster.list(Pod.class, "default"))
        .as("seed %d", KubectlFixture.SEED)
        .hasSize(4)
        .allSatisfy(p -> assertThat(p.spec().orElseThrow().nodeName()).contains("node-3"));
    assertThat(k.output("get nodes")).containsPattern("node-1 +Ready,SchedulingDisabled");
  }

  @Test
  void cordonTwiceSaysAlreadyAndUncordonUndoesIt() {
    k.run("cordon node-1");
    assertThat(k.output("cordon node-1")).isEqualTo("node/node-1 already cordoned\n");
    Node cordoned = k.cluster.get(Node.class, "", "node-1").orElseThrow();
    assertThat(cordoned.specOrEmpty().taints()).hasSize(1);
    assertThat(cordoned.specOrEmpty().taints().get(0).toString()).contains("node.kubernetes.io/unschedulable", "NoSchedule");
    assertThat(k.output("uncordon node-1")).isEqualTo("node/node-1 uncordoned\n");
    assertThat(k.output("uncordon node-1")).isEqualTo("node/node-1 already uncordoned\n");
    Node back = k.cluster.get(Node.class, "", "node-1").orElseThrow();
    assertThat(back.specOrEmpty().unschedulable()).isEmpty();
    assertThat(back.specOrEmpty().taints()).isEmpty();
  }

  @Test
  void cordonOfAMissingNodeIsNotFound() {
    assertThat(k.run("cordon node-9").stderr()).isEqualTo("Error from server (NotFound): nodes \"node-9\" not found\n");
    assertThat(k.run("cordon").stderr()).isEqualTo("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n");
  }
}
