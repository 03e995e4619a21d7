package dev.kubesim.impl.kubectl.printers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerState;
import dev.kubesim.api.model.ContainerStateRunning;
import dev.kubesim.api.model.ContainerStateTerminated;
import dev.kubesim.api.model.ContainerStateWaiting;
import dev.kubesim.api.model.ContainerStatus;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodIP;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodTableTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:10:00Z");
  private final PodTable table = new PodTable();

  private static Pod pod(String phase, List<ContainerStatus> statuses) {
    ObjectMeta meta = ObjectMeta.builder().name("kubia-x").namespace("default").creationTimestamp("2025-01-01T00:05:00Z").build();
    PodSpec spec = PodSpec.builder().nodeName("node-1").containers(List.of(Container.builder().name("kubia").image("luksa/kubia").build())).build();
    Pod pod = Pod.of(meta, spec);
    if (phase == null) {
      return pod;
    }
    PodStatus status = new PodStatus(null, Optional.of(phase), null, null, null, null, Optional.of("192.168.49.2"), null,
        Optional.of("10.244.1.5"), List.of(new PodIP(Optional.of("10.244.1.5"))), null, null, statuses, null, null, null, null,
        null, null, null);
    return pod.withStatus(status);
  }

  private static ContainerStatus status(ContainerState state, boolean ready, int restarts, ContainerState last) {
    return new ContainerStatus(Optional.of("kubia"), Optional.ofNullable(state), Optional.ofNullable(last), Optional.of(ready),
        Optional.of(restarts), null, null, null, null, null, null, null, null, null, null);
  }

  private static ContainerState running() {
    return new ContainerState(null, Optional.of(new ContainerStateRunning(Optional.of("2025-01-01T00:05:02Z"))), null);
  }

  @Test
  void runningReadyPodShowsOneOfOneRunning() {
    Pod pod = pod("Running", List.of(status(running(), true, 0, null)));
    assertThat(table.row(pod, NOW, false)).containsExactly("kubia-x", "1/1", "Running", "0", "5m");
  }

  @Test
  void podWithoutStatusIsPendingAndNotReady() {
    assertThat(table.row(pod(null, List.of()), NOW, false)).containsExactly("kubia-x", "0/1", "Pending", "0", "5m");
  }

  @Test
  void waitingReasonReplacesThePhase() {
    ContainerState waiting = new ContainerState(Optional.of(new ContainerStateWaiting(Optional.of("ContainerCreating"), null)), null, null);
    assertThat(table.row(pod("Pending", List.of(status(waiting, false, 0, null))), NOW, false).get(2)).isEqualTo("ContainerCreating");
  }

  @Test
  void terminatedWithoutReasonShowsExitCode() {
    ContainerState done = new ContainerState(null, null, Optional.of(new ContainerStateTerminated(Optional.of(2), null, null, null, null, null, null)));
    assertThat(table.row(pod("Running", List.of(status(done, false, 0, null))), NOW, false).get(2)).isEqualTo("ExitCode:2");
  }

  @Test
  void restartsShowWhenTheLastOneHappened() {
    ContainerState last = new ContainerState(null, null,
        Optional.of(new ContainerStateTerminated(Optional.of(1), null, Optional.of("Error"), null, null, Optional.of("2025-01-01T00:08:00Z"), null)));
    assertThat(table.row(pod("Running", List.of(status(running(), true, 3, last))), NOW, false).get(3)).isEqualTo("3 (2m ago)");
  }

  @Test
  void podBeingDeletedIsTerminating() {
    Pod pod = pod("Running", List.of(status(running(), true, 0, null)));
    pod = pod.withMetadata(pod.metadata().toBuilder().deletionTimestamp("2025-01-01T00:09:00Z").build());
    assertThat(table.row(pod, NOW, false).get(2)).isEqualTo("Terminating");
  }

  @Test
  void wideAddsIpNodeNominatedNodeAndReadinessGates() {
    Pod pod = pod("Running", List.of(status(running(), true, 0, null)));
    assertThat(table.row(pod, NOW, true)).containsExactly("kubia-x", "1/1", "Running", "0", "5m", "10.244.1.5", "node-1", "<none>", "<none>");
    assertThat(table.wideHeaders()).containsExactly("IP", "NODE", "NOMINATED NODE", "READINESS GATES");
  }
}
