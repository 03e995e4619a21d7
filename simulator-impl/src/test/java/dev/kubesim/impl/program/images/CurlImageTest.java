package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code curlimages/curl}'s entrypoint: curl with options, or the command its arguments name. */
class CurlImageTest {
  private static final long SEED = 61;
  private final Cluster cluster = KubeSim.cluster().nodes(1).seed(SEED).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  /** Also: a container's first command has the pod's network, as the sandbox's comes first. */
  @Test
  void argumentsThatNameACommandRunItAndOptionsGoToCurl() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web, labels: {app: web}}
        spec: {containers: [{name: nginx, image: nginx}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 80}]}
        """);
    // as kubectl run writes them: args, not command
    cluster.kubectl("run waiter --image=curlimages/curl --restart=Never -- sleep 3600");
    cluster.kubectl("run once --image=curlimages/curl --restart=Never -- -s -o /dev/null -w %{http_code} http://web");
    cluster.advance(Duration.ofSeconds(10));

    assertThat(cluster.kubectl("get pod waiter").stdout()).as("seed %d", SEED).contains("1/1     Running");
    var viaExec = cluster.exec("default/waiter", "curl", "-sS", "http://web");
    assertThat(viaExec.exitCode()).as(viaExec.stderr() + viaExec.trace().map(t -> t.render()).orElse("")).isZero();
    assertThat(cluster.kubectl("get pod once").stdout()).as(cluster.kubectl("logs once").stdout()
        + cluster.kubectl("describe pod once").stdout()).contains("Completed");
    assertThat(cluster.kubectl("logs once").stdout().strip()).isEqualTo("200");
    assertThat(cluster.exec("default/waiter", "sh", "-c", "command -v curl sleep; command -v nosuch; echo $?").stdout())
        .isEqualTo("/usr/bin/curl\n/bin/sleep\n127\n");
  }
}
