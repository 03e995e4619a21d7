package dev.kubesim.samples.examples;

import static dev.kubesim.assertj.KubeSimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.FakeApp;
import dev.kubesim.api.HttpResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.RecordedRequest;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How a test of one's own manifests reads with the cluster's typed answers: a scripted image
 * behind a Service, waited for in virtual time, called from a pod and from outside, and asserted on.
 */
class OrdersExampleTest {
  private static final String MANIFESTS = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: orders}
      spec:
        replicas: 3
        selector: {matchLabels: {app: orders}}
        template:
          metadata: {labels: {app: orders}}
          spec:
            containers:
            - name: app
              image: example/orders:1.4
              ports: [{containerPort: 8080}]
              readinessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 2}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: orders}
      spec:
        type: NodePort
        selector: {app: orders}
        ports: [{name: http, port: 80, targetPort: 8080}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: checkout, labels: {app: checkout}}
      spec: {containers: [{name: main, image: curlimages/curl, command: [sleep, "999999"]}]}
      """;

  @Test
  void checkoutReachesEveryOrdersReplicaThroughTheService() {
    try (Cluster cluster = KubeSim.cluster().nodes(3).seed(42).build()) {
      FakeApp orders = cluster.fakeApp("example/orders");
      orders.defaultResponse(HttpResponse.ok("{\"orders\":[]}").withHeader("Content-Type", "application/json"));
      cluster.apply(MANIFESTS);
      cluster.awaitReady(Duration.ofMinutes(2));

      assertThat(cluster.deployment("default", "orders")).hasReadyReplicas(3).isRolledOut();
      assertThat(cluster.service("default", "orders")).hasClusterIP().hasReadyEndpoints(3);

      String client = "default/" + cluster.pod("default", "app=checkout").metadata().nameOrEmpty();
      HttpResult r = cluster.http(client, HttpRequest.get("http://orders/v1/orders").withHeader("X-Request-Id", "7"));
      assertThat(r).hasStatus(200).hasHeader("Content-Type", "application/json").answeredByPodOf("orders");

      RecordedRequest seen = orders.takeRequest().orElseThrow();
      assertThat(seen.path()).isEqualTo("/v1/orders");
      assertThat(seen.header("X-Request-Id")).hasValue("7");
      assertThat(seen.pod()).isEqualTo(r.answeredBy().orElseThrow());

      int nodePort = cluster.service("default", "orders").nodePort("http").orElseThrow();
      assertThat(cluster.external().http("http://" + cluster.node("node-2").ip() + ":" + nodePort + "/v1/orders"))
          .hasStatus(200);
    }
  }

  @Test
  void aFailingReadinessProbeTakesTheReplicasOutOfTheService() {
    try (Cluster cluster = KubeSim.cluster().nodes(2).seed(42).build()) {
      FakeApp orders = cluster.fakeApp("example/orders");
      cluster.apply(MANIFESTS);
      cluster.awaitReady(Duration.ofMinutes(2));

      orders.defaultResponse(HttpResponse.status(503, "draining"));
      cluster.advanceUntil(Duration.ofMinutes(1), c -> c.service("default", "orders").readyEndpoints().isEmpty());

      assertThat(cluster.service("default", "orders")).hasNoReadyEndpoints();
      assertThat(cluster.http("checkout", "http://orders/")).failedWithExitCode(7);
    }
  }
}
