package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.ReplicationController;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeleteCommandWaitTest {
  private static final String RC = """
      apiVersion: v1
      kind: ReplicationController
      metadata: {name: kubia}
      spec:
        replicas: 3
        selector: {app: kubia}
        template:
          metadata: {labels: {app: kubia}}
          spec: {containers: [{name: kubia, image: luksa/kubia}]}
      """;
  private final KubectlFixture k = new KubectlFixture();

  @Test
  void deleteWaitsForGracefulTermination() {
    // a container that ignores SIGTERM: the pod goes when the grace period ends
    k.apply("""
        {apiVersion: v1, kind: Pod, metadata: {name: stubborn},
         spec: {terminationGracePeriodSeconds: 20, containers: [{name: c, image: busybox, command: [sleep, infinity]}]}}
        """);
    Duration before = k.cluster.now();
    assertThat(k.output("delete pod stubborn")).isEqualTo("pod \"stubborn\" deleted\n");
    assertThat(k.cluster.get(Pod.class, "default", "stubborn")).as("seed %d", KubectlFixture.SEED).isEmpty();
    assertThat(k.cluster.now().minus(before)).isLessThanOrEqualTo(Duration.ofSeconds(21));
  }

  @Test
  void deleteWithWaitFalseReturnsWhileThePodTerminates() {
    k.apply("""
        {apiVersion: v1, kind: Pod, metadata: {name: stubborn},
         spec: {terminationGracePeriodSeconds: 20, containers: [{name: c, image: busybox, command: [sleep, infinity]}]}}
        """);
    assertThat(k.output("delete pod stubborn --wait=false")).isEqualTo("pod \"stubborn\" deleted\n");
    assertThat(k.output("get pod stubborn")).contains("Terminating");
  }

  @Test
  void cascadeOrphanLeavesPods() {
    k.apply(RC);
    assertThat(k.output("delete rc kubia --cascade=orphan")).isEqualTo("replicationcontroller \"kubia\" deleted\n");
    assertThat(k.cluster.get(ReplicationController.class, "default", "kubia")).isEmpty();
    assertThat(k.cluster.list(Pod.class, "default")).hasSize(3).allSatisfy(p -> {
      assertThat(p.metadata().ownerReferences()).isEmpty();
      assertThat(p.metadata().deletionTimestamp()).isEmpty();
    });
  }

  @Test
  void cascadeFalseIsTheDeprecatedOrphan() {
    k.apply(RC);
    assertThat(k.run("delete rc kubia --cascade=false").stderr())
        .isEqualTo("warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n");
    assertThat(k.cluster.list(Pod.class, "default")).hasSize(3);
  }

  @Test
  void cascadeForegroundReturnsOnceThePodsAreGone() {
    k.apply(RC);
    assertThat(k.output("delete rc kubia --cascade=foreground")).isEqualTo("replicationcontroller \"kubia\" deleted\n");
    assertThat(k.cluster.get(ReplicationController.class, "default", "kubia")).isEmpty();
    assertThat(k.cluster.list(Pod.class, "default")).isEmpty();
  }

  @Test
  void cascadeBackgroundReturnsWhileThePodsTerminate() {
    k.apply(RC);
    assertThat(k.output("delete rc kubia")).isEqualTo("replicationcontroller \"kubia\" deleted\n");
    assertThat(k.cluster.list(Pod.class, "default")).hasSize(3)
        .allSatisfy(p -> assertThat(p.metadata().deletionTimestamp()).isPresent());
  }

  @Test
  void deletedPodOfAControllerIsReplacedWhileKubectlWaits() {
    k.apply(RC);
    String victim = k.cluster.list(Pod.class, "default").get(0).metadata().nameOrEmpty();
    k.run("delete pod " + victim);
    assertThat(k.cluster.list(Pod.class, "default")).hasSize(3)
        .noneSatisfy(p -> assertThat(p.metadata().nameOrEmpty()).isEqualTo(victim));
  }
}
