package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Pod;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code kubectl drain}: the node cordoned, its managed pods evicted and replaced elsewhere, kubectl's refusals. */
class DrainCommandTest {
  private static final long SEED = 51;
  private final Cluster cluster = KubeSim.cluster().nodes(2).seed(SEED).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private void kubia() {
    cluster.apply("""
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: kubia}
        spec:
          replicas: 2
          selector: {app: kubia}
          template:
            metadata: {labels: {app: kubia}}
            spec:
              containers: [{name: kubia, image: luksa/kubia}]
        """);
  }

  private List<String> nodesOfKubia() {
    return cluster.pods("default", "app=kubia").stream()
        .filter(p -> p.metadata().deletionTimestamp().isEmpty())
        .map(p -> p.specOrEmpty().nodeName().orElse("")).sorted().toList();
  }

  @Test
  void aDrainedNodesManagedPodsAreEvictedAndReplacedOnAnotherNode() {
    kubia();
    List<Pod> onNode1 = cluster.pods("default", "app=kubia").stream()
        .filter(p -> p.specOrEmpty().nodeName().orElse("").equals("node-1")).toList();
    KubectlResult r = cluster.kubectl("drain node-1");

    assertThat(r.exitCode()).as("seed %d: %s", SEED, r.stderr()).isZero();
    assertThat(r.stdout()).startsWith("node/node-1 cordoned\n").endsWith("node/node-1 drained\n");
    for (Pod p : onNode1) {
      assertThat(r.stdout()).contains("evicting pod default/" + p.metadata().nameOrEmpty() + "\n")
          .contains("pod/" + p.metadata().nameOrEmpty() + " evicted\n");
    }
    assertThat(nodesOfKubia()).containsExactly("node-2", "node-2");
    assertThat(cluster.kubectl("get node node-1").stdout()).contains("Ready,SchedulingDisabled");
  }

  @Test
  void aPodWithoutAControllerStopsTheDrainUnlessForced() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: lonely}
        spec: {nodeName: node-1, containers: [{name: c, image: nginx}]}
        """);
    KubectlResult r = cluster.kubectl("drain node-1");
    assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(1);
    assertThat(r.stdout()).isEqualTo("node/node-1 cordoned\n");
    assertThat(r.stderr()).isEqualTo("""
        error: unable to drain node "node-1" due to error: cannot delete Pods declare no controller (use --force to override): default/lonely, continuing command...
        There are pending nodes to be drained:
         node-1
        error: cannot delete Pods declare no controller (use --force to override): default/lonely
        """);
    assertThat(cluster.get(Pod.class, "default", "lonely")).isPresent();

    KubectlResult forced = cluster.kubectl("drain node-1 --force");
    assertThat(forced.stderr()).isEqualTo("Warning: deleting Pods that declare no controller: default/lonely\n");
    // every pod of the node goes, the cluster DNS pod there too (its Deployment makes another elsewhere)
    assertThat(forced.stdout()).startsWith("node/node-1 already cordoned\nevicting pod default/lonely\n")
        .contains("\npod/lonely evicted\n").endsWith("node/node-1 drained\n");
    assertThat(cluster.get(Pod.class, "default", "lonely")).isEmpty();
  }
}
