package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Pod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Containers that recurse or fill their disk, in exec, a container's command and an exec probe:
 * each ends as the process would, and nothing escapes from the cluster's calls.
 */
class HostileWorkloadsTest {
  private static final long SEED = 31;
  private static final String RECURSE = "echo 'sh /tmp/s.sh' > /tmp/s.sh; sh /tmp/s.sh";

  @Test
  void recursionInExecCommandAndProbeEndsAsTheShellWould() {
    try (Cluster cluster = KubeSim.cluster().nodes(1).seed(SEED).build()) {
      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: looping}
          spec:
            restartPolicy: Never
            containers: [{name: c, image: debian, command: [sh, -c, "%s"]}]
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: probed}
          spec:
            containers:
            - name: c
              image: busybox
              command: [sleep, "100000000"]
              livenessProbe:
                exec: {command: [sh, -c, "%s"]}
                periodSeconds: 5
          """.formatted(RECURSE, "echo " + "$(".repeat(3000) + "echo hi" + ")".repeat(3000)));
      cluster.advance(Duration.ofMinutes(2));

      Pod looping = cluster.get(Pod.class, "default", "looping").orElseThrow();
      assertThat(looping.status().flatMap(s -> s.phase())).as("seed %d", SEED).hasValue("Failed");
      assertThat(cluster.kubectl("logs looping").stdout()).isEqualTo("/tmp/s.sh: 1: Cannot fork\n");
      // the probe's shell fails to fork deep inside and its echo succeeds: the container lives on
      Pod probed = cluster.get(Pod.class, "default", "probed").orElseThrow();
      assertThat(probed.status().flatMap(s -> s.phase())).hasValue("Running");

      ExecResult r = cluster.exec("probed", "sh", "-c", "(".repeat(20_000) + "echo hi" + ")".repeat(20_000));
      assertThat(r.exitCode()).isEqualTo(139);
      KubectlResult k = cluster.kubectl("exec probed -- sh -c " + "'" + "echo " + "$(".repeat(3000) + "echo hi" + ")".repeat(3000) + "'");
      assertThat(k.stderr()).isEqualTo("sh: can't fork: Resource temporarily unavailable\n");
    }
  }

  @Test
  void aFileDoubledFortyTimesFillsTheContainersDisk() {
    try (Cluster cluster = KubeSim.cluster().nodes(1).seed(SEED).build()) {
      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: filler}
          spec: {containers: [{name: c, image: debian, command: [sleep, "100000000"]}]}
          """);
      cluster.advance(Duration.ofSeconds(10));
      StringBuilder script = new StringBuilder("echo 0123456789abcdef0123456789abcdef > /f0\n");
      for (int i = 0; i < 40; i++) {
        script.append("cat /f").append(i).append(" /f").append(i).append(" > /f").append(i + 1).append("; rm /f").append(i).append('\n');
      }
      ExecResult r = cluster.exec("filler", "sh", "-c", script.toString());
      assertThat(r.stderr()).as("seed %d", SEED).contains("cat: write error: No space left on device");
      assertThat(cluster.exec("filler", "sh", "-c", "rm /f*; echo ok > /g; cat /g").stdout()).isEqualTo("ok\n");
    }
  }
}
