package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A server image whose pod gives a command of its own runs that command, and serves nothing. */
class ServerImageCommandTest {
  private static final String PODS = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers: [{name: nginx, image: nginx:1.27}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: script}
      spec:
        containers:
        - name: nginx
          image: nginx:1.27
          command: [sh, -c, "echo hello from the script; sleep 3600"]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: debug}
      spec:
        containers: [{name: nginx, image: nginx:1.27, args: [nginx-debug, -g, "daemon off;"]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: idle-kubia}
      spec:
        containers: [{name: kubia, image: luksa/kubia, command: [sleep, "3600"]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: client}
      spec:
        containers: [{name: curl, image: "curlimages/curl:8.10.1", command: [sleep, "3600"]}]
      """;

  @Test
  void theCommandReplacesTheServerAndNothingListens() {
    try (Cluster cluster = KubeSim.cluster().nodes(1).seed(5).build()) {
      cluster.apply(PODS);
      cluster.advance(Duration.ofSeconds(5));
      assertThat(cluster.kubectl("logs script").stdout()).isEqualTo("hello from the script\n");
      String scriptIp = ip(cluster, "script");
      assertThat(cluster.exec("default/client", "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://" + ip(cluster, "web"))
          .stdout()).isEqualTo("200");
      assertThat(cluster.exec("default/client", "curl", "-sS", "http://" + scriptIp).stderr())
          .isEqualTo("curl: (7) Failed to connect to " + scriptIp + " port 80 after 0 ms: Couldn't connect to server\n");
      assertThat(cluster.exec("default/client", "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://" + ip(cluster, "debug"))
          .stdout()).as("nginx-debug is the server too").isEqualTo("200");
      assertThat(cluster.exec("default/client", "curl", "-s", "http://" + ip(cluster, "idle-kubia") + ":8080").exitCode())
          .as("kubia's node replaced by sleep").isEqualTo(7);
      assertThat(cluster.kubectl("get pod script idle-kubia").stdout()).contains("script       1/1     Running")
          .contains("idle-kubia   1/1     Running");
    }
  }

  private static String ip(Cluster cluster, String pod) {
    return cluster.kubectl("get pod " + pod + " -o jsonpath={.status.podIP}").stdout();
  }
}
