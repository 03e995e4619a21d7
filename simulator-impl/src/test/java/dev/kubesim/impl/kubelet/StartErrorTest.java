package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A container whose command cannot start: containerd's error once in the event, as the termination message, started at the epoch. */
class StartErrorTest {
  @Test
  void theRuntimesErrorIsTheEventAndTheTerminationMessage() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(1).seed(9).build()) {
      cluster.kubectl("run b --image=busybox --command -- /nonexistent");
      cluster.advance(Duration.ofSeconds(5));
      String error = "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create "
          + "failed: unable to start container process: exec: \"/nonexistent\": stat /nonexistent: no such file or "
          + "directory: unknown";

      assertThat(cluster.kubectl("get pod b -o jsonpath={.status.containerStatuses[0].lastState.terminated.message}/"
          + "{.status.containerStatuses[0].lastState.terminated.startedAt}").stdout())
          .isEqualTo(error + "/1970-01-01T00:00:00Z");
      assertThat(cluster.kubectl("get events --field-selector reason=Failed -o jsonpath={.items[0].message}").stdout())
          .isEqualTo("Error: " + error);
    }
  }
}
