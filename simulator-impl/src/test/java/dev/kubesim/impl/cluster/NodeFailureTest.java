package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.NodeHandle;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeCondition;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.NodeStates;
import dev.kubesim.impl.apiserver.PodStates;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NodeFailureTest {
  private static final long SEED = 7;
  private final Cluster cluster = KubeSim.cluster().nodes(3).seed(SEED).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private void applyRc() {
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
        """);
  }

  private List<Pod> podsOn(String node) {
    return cluster.list(Pod.class, "default").stream().filter(p -> PodStates.nodeName(p).equals(node)).toList();
  }

  private Node node(String name) {
    return cluster.get(Node.class, "", name).orElseThrow();
  }

  @Test
  void stoppedNodeGoesNotReadyAndItsPodsAreReplaced() {
    applyRc();
    List<Pod> victims = podsOn("node-2");
    assertThat(victims).as("seed %d", SEED).hasSize(1);
    NodeHandle node2 = cluster.node("node-2");
    node2.stop();
    assertThat(node2.isRunning()).isFalse();

    cluster.advance(Duration.ofSeconds(30));
    assertThat(NodeStates.readyStatus(node("node-2"))).as("still within the 40 s grace period").isEqualTo("True");

    cluster.advance(Duration.ofSeconds(30));
    NodeCondition ready = NodeStates.ready(node("node-2")).orElseThrow();
    assertThat(ready.status()).contains("Unknown");
    assertThat(ready.reason()).contains("NodeStatusUnknown");
    assertThat(ready.message()).contains("Kubelet stopped posting node status.");
    assertThat(node("node-2").specOrEmpty().taints().toString())
        .contains("node.kubernetes.io/unreachable", "NoExecute", "NoSchedule");
    assertThat(cluster.kubectl("get nodes").stdout()).containsPattern("node-2 +NotReady ");
    assertThat(PodStates.isReady(podsOn("node-2").get(0))).isFalse();
    assertThat(podsOn("node-2").get(0).metadata().deletionTimestamp()).as("tolerated for 300 s").isEmpty();

    cluster.advance(Duration.ofMinutes(5));
    Pod evicted = cluster.get(Pod.class, "default", victims.get(0).metadata().nameOrEmpty()).orElseThrow();
    assertThat(evicted.metadata().deletionTimestamp()).as("evicted, but no kubelet confirms").isPresent();
    List<Pod> active = cluster.list(Pod.class, "default").stream().filter(PodStates::isActive).toList();
    assertThat(active).hasSize(3).allSatisfy(p -> {
      assertThat(PodStates.nodeName(p)).isNotEqualTo("node-2");
      assertThat(PodStates.phase(p)).isEqualTo("Running");
    });
    assertThat(cluster.kubectl("get pods").stdout()).contains("Terminating");

    node2.start();
    assertThat(NodeStates.readyStatus(node("node-2"))).isEqualTo("True");
    assertThat(node("node-2").specOrEmpty().taints()).isEmpty();
    cluster.advance(Duration.ofSeconds(31));
    assertThat(cluster.get(Pod.class, "default", victims.get(0).metadata().nameOrEmpty()))
        .as("the kubelet finishes the evicted pod").isEmpty();
    assertThat(cluster.list(Pod.class, "default")).hasSize(3);
  }

  @Test
  void nodeBackBeforeTheEvictionKeepsItsPods() {
    applyRc();
    Pod pod = podsOn("node-3").get(0);
    cluster.node("node-3").stop();
    cluster.advance(Duration.ofSeconds(60));
    assertThat(NodeStates.readyStatus(node("node-3"))).isEqualTo("Unknown");
    cluster.node("node-3").start();
    cluster.advance(Duration.ofMinutes(10));
    Pod same = cluster.get(Pod.class, "default", pod.metadata().nameOrEmpty()).orElseThrow();
    assertThat(same.metadata().deletionTimestamp()).isEmpty();
    assertThat(PodStates.isReady(same)).isTrue();
  }

  @Test
  void heartbeatsDoNotKeepTheClusterBusy() {
    cluster.advance(Duration.ofMinutes(2));
    Duration at = cluster.now();
    cluster.settle();
    assertThat(cluster.now()).isEqualTo(at);
    assertThat(cluster.kubectl("get leases -n kube-node-lease").stdout()).contains("node-1", "node-2", "node-3");
    assertThat(cluster.kubectl("get nodes").stdout()).doesNotContain("NotReady");
  }

  @Test
  void unknownNodeIsNotFound() {
    assertThatThrownBy(() -> cluster.node("node-9")).isInstanceOf(NotFoundException.class)
        .hasMessage("nodes \"node-9\" not found");
    assertThat(cluster.node("node-1").ip()).isEqualTo(node("node-1").status().orElseThrow().addresses().get(0).address().orElseThrow());
  }
}
