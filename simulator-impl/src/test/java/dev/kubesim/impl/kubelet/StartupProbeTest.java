package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Startup probes (the docs' "Protect slow starting containers with startup probes"): the other
 * probes wait for it; failing {@code failureThreshold} times restarts the container.
 */
class StartupProbeTest {
  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(1).seed(13).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void livenessWaitsForTheStartupProbeAndTheContainerIsReadyOnceItSucceeds() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: slow}
        spec:
          containers:
          - name: app
            image: busybox
            args: [/bin/sh, -c, "sleep 25; touch /tmp/started; sleep 600"]
            startupProbe:
              exec: {command: [cat, /tmp/started]}
              failureThreshold: 30
              periodSeconds: 10
            livenessProbe:
              exec: {command: [cat, /tmp/started]}
              periodSeconds: 5
        """);
    assertThat(cluster.kubectl("get pod slow -o jsonpath={.status.containerStatuses[0].started}/"
        + "{.status.containerStatuses[0].ready}").stdout()).isEqualTo("false/false");
    cluster.advance(Duration.ofSeconds(20));
    assertThat(cluster.kubectl("get pod slow -o jsonpath={.status.containerStatuses[0].restartCount}/"
        + "{.status.containerStatuses[0].ready}").stdout()).as("the liveness probe has not run").isEqualTo("0/false");
    cluster.advance(Duration.ofSeconds(15));
    assertThat(cluster.kubectl("get pod slow -o jsonpath={.status.containerStatuses[0].started}/"
        + "{.status.containerStatuses[0].ready}/{.status.containerStatuses[0].restartCount}").stdout()).isEqualTo("true/true/0");
  }

  @Test
  void aStartupProbeThatKeepsFailingRestartsTheContainer() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: never}
        spec:
          containers:
          - name: app
            image: busybox
            args: [/bin/sh, -c, "sleep 600"]
            startupProbe:
              exec: {command: [cat, /tmp/started]}
              failureThreshold: 3
              periodSeconds: 5
        """);
    cluster.advance(Duration.ofSeconds(16));
    assertThat(cluster.kubectl("get events --field-selector reason=Killing -o jsonpath={.items[0].message}").stdout())
        .isEqualTo("Container app failed startup probe, will be restarted");
    assertThat(cluster.kubectl("get events --field-selector reason=Unhealthy -o jsonpath={.items[0].message}").stdout())
        .isEqualTo("Startup probe failed: cat: can't open '/tmp/started': No such file or directory\n");
  }

  @Test
  void agnhostLivenessIsHealthyForTenSecondsThenFails() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: liveness-http}
        spec:
          containers:
          - name: liveness
            image: registry.k8s.io/e2e-test-images/agnhost:2.40
            args: [liveness]
            livenessProbe:
              httpGet: {path: /healthz, port: 8080}
              initialDelaySeconds: 3
              periodSeconds: 3
        """);
    cluster.advance(Duration.ofSeconds(8));
    assertThat(cluster.kubectl("get pod liveness-http -o jsonpath={.status.containerStatuses[0].restartCount}").stdout())
        .isEqualTo("0");
    cluster.advance(Duration.ofSeconds(15));
    assertThat(cluster.kubectl("get events --field-selector reason=Unhealthy -o jsonpath={.items[0].message}").stdout())
        .isEqualTo("Liveness probe failed: HTTP probe failed with statuscode: 500");
    assertThat(cluster.kubectl("get pod liveness-http -o jsonpath={.status.containerStatuses[0].restartCount}").stdout())
        .isNotEqualTo("0");
  }
}
