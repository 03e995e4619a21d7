package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** kube-proxy's health-check server on a Local LoadBalancer's healthCheckNodePort, asked from outside. */
class ServiceHealthCheckTest {
  private static final String NODE_1 = "192.168.49.2";
  private static final String NODE_2 = "192.168.49.3";

  private final Cluster cluster = KubeSim.cluster().nodes(3).seed(5).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private int applyLocalLoadBalancer() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web, labels: {app: web}}
        spec:
          nodeName: node-2
          containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-lb}
        spec:
          type: LoadBalancer
          externalTrafficPolicy: Local
          selector: {app: web}
          ports: [{port: 80}]
        """);
    return cluster.get(Service.class, "default", "web-lb").orElseThrow().specOrEmpty().healthCheckNodePort().orElseThrow();
  }

  @Test
  void aNodeWithALocalReadyEndpointAnswers200WithItsCount() {
    int port = applyLocalLoadBalancer();

    ExecResult r = cluster.external().exec("curl", "-si", "http://" + NODE_2 + ":" + port + "/healthz");

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).startsWith("HTTP/1.1 200 OK\r\n")
        .contains("Content-Type: application/json\r\n", "X-Content-Type-Options: nosniff\r\n")
        .endsWith("\r\n\r\n{\n\t\"service\": {\n\t\t\"namespace\": \"default\",\n\t\t\"name\": \"web-lb\"\n\t},\n"
            + "\t\"localEndpoints\": 1,\n\t\"serviceProxyHealthy\": true\n}");
  }

  @Test
  void aNodeWithoutOneAnswers503() {
    int port = applyLocalLoadBalancer();

    ExecResult r = cluster.external().exec("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
        "http://" + NODE_1 + ":" + port + "/");

    assertThat(r.stdout()).isEqualTo("503");
  }

  @Test
  void theListenerClosesWhenTheServiceNoLongerNeedsAHealthCheck() {
    int port = applyLocalLoadBalancer();
    cluster.delete("Service", "default", "web-lb");

    ExecResult r = cluster.external().exec("curl", "-sS", "http://" + NODE_2 + ":" + port + "/");

    assertThat(r.exitCode()).isEqualTo(7);
  }
}
