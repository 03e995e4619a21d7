package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.FakeApp;
import dev.kubesim.api.HttpResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.RecordedRequest;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typed HTTP from a pod and from outside, and the scripted fake application image. */
class HttpAndFakeAppTest {
  private static final String ORDERS = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: orders}
      spec:
        replicas: 2
        selector: {matchLabels: {app: orders}}
        template:
          metadata: {labels: {app: orders}}
          spec: {containers: [{name: app, image: 'orders:1.0', ports: [{containerPort: 8080}]}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: orders}
      spec:
        type: NodePort
        selector: {app: orders}
        ports: [{port: 80, targetPort: 8080, nodePort: 30080}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: client}
      spec: {containers: [{name: main, image: curlimages/curl, command: [sleep, "999999"]}]}
      """;

  private static Cluster start(FakeApp[] app) {
    Cluster cluster = KubeSim.cluster().nodes(2).seed(5).build();
    app[0] = cluster.fakeApp("orders");
    cluster.apply(ORDERS);
    cluster.awaitReady(Duration.ofMinutes(1));
    return cluster;
  }

  @Test
  void aFakeAppAnswersFromItsQueueThenWithItsDefaultAndRecordsEveryRequestInOrder() {
    FakeApp[] app = new FakeApp[1];
    try (Cluster cluster = start(app)) {
      FakeApp orders = app[0];
      orders.enqueue(HttpResponse.status(503, "busy").withHeader("Retry-After", "1"));
      orders.defaultResponse(HttpResponse.ok("[]"));
      HttpResult first = cluster.http("client", HttpRequest.get("http://orders/v1/orders?page=2"));
      HttpResult second = cluster.http("client", HttpRequest.get("http://orders/v1/orders")
          .withMethod("POST").withHeader("Content-Type", "application/json").withBody("{\"id\":7}"));
      assertThat(first.status()).isEqualTo(503);
      assertThat(first.header("retry-after")).hasValue("1");
      assertThat(first.body()).isEqualTo("busy");
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.body()).isEqualTo("[]");
      assertThat(orders.queued()).isZero();
      assertThat(orders.requestCount()).isEqualTo(2);

      RecordedRequest r1 = orders.takeRequest().orElseThrow();
      assertThat(r1.method()).isEqualTo("GET");
      assertThat(r1.path()).isEqualTo("/v1/orders");
      assertThat(r1.target()).isEqualTo("/v1/orders?page=2");
      assertThat(r1.port()).isEqualTo(8080);
      assertThat(r1.header("Host")).hasValue("orders");
      assertThat(r1.pod()).isEqualTo(first.answeredBy().orElseThrow());
      RecordedRequest r2 = orders.takeRequest().orElseThrow();
      assertThat(r2.method()).isEqualTo("POST");
      assertThat(r2.body()).isEqualTo("{\"id\":7}");
      assertThat(r2.header("content-type")).hasValue("application/json");
      assertThat(orders.takeRequest()).isEmpty();
      assertThat(orders.requests()).containsExactly(r1, r2);
    }
  }

  @Test
  void aDispatcherAnswersWhatTheQueueDoesNot() {
    FakeApp[] app = new FakeApp[1];
    try (Cluster cluster = start(app)) {
      app[0].dispatcher(r -> r.path().equals("/health") ? Optional.of(HttpResponse.ok("ok")) : Optional.empty())
          .defaultResponse(HttpResponse.status(404, "no such page"));
      assertThat(cluster.http("client", "http://orders/health").body()).isEqualTo("ok");
      assertThat(cluster.http("client", "http://orders/other").status()).isEqualTo(404);
    }
  }

  @Test
  void theKubeletsProbesNeitherTakeFromTheQueueNorEnterTheRecord() {
    try (Cluster cluster = KubeSim.cluster().seed(5).build()) {
      FakeApp app = cluster.fakeApp("probed");
      app.enqueue(HttpResponse.status(500, "for the test only"));
      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: probed}
          spec: {containers: [{name: app, image: probed, ports: [{containerPort: 80}], readinessProbe: {httpGet: {path: /, port: 80}}}]}
          """);
      cluster.awaitReady("pod", "default", "probed", Duration.ofMinutes(1));
      cluster.advance(Duration.ofMinutes(1));
      assertThat(app.queued()).isEqualTo(1);
      assertThat(app.requests()).isEmpty();
    }
  }

  @Test
  void httpWalksTheSamePathAsCurlInThatPod() {
    FakeApp[] app = new FakeApp[1];
    try (Cluster cluster = start(app)) {
      app[0].defaultResponse(HttpResponse.ok("hello\n"));
      HttpResult typed = cluster.http("default/client", "http://orders/");
      ExecResult curl = cluster.exec("default/client", "curl", "-s", "http://orders/");
      assertThat(typed.body()).isEqualTo(curl.stdout());
      assertThat(typed.answeredBy()).hasValueSatisfying(p -> assertThat(p.name()).startsWith("orders-"));
      assertThat(typed.exitCode()).isZero();
      assertThat(typed.error()).isEmpty();
      assertThat(typed.trace().render()).contains("KUBE-SVC-").contains("orders");
      assertThat(typed.toString()).startsWith("HTTP/1.1 200 OK from pod/default/orders-").doesNotContain("Optional");
    }
  }

  @Test
  void withoutAResponseHttpCarriesCurlsExitCodeAndErrorLine() {
    FakeApp[] app = new FakeApp[1];
    try (Cluster cluster = start(app)) {
      HttpResult unresolved = cluster.http("client", "http://payments/");
      ExecResult curl = cluster.exec("client", "curl", "-sS", "http://payments/");
      assertThat(unresolved.responded()).isFalse();
      assertThat(unresolved.status()).isZero();
      assertThat(unresolved.exitCode()).isEqualTo(6).isEqualTo(curl.exitCode());
      assertThat("curl: (6) " + unresolved.error() + "\n").isEqualTo(curl.stderr());
      assertThat(unresolved.answeredBy()).isEmpty();

      cluster.apply("""
          apiVersion: v1
          kind: Service
          metadata: {name: empty}
          spec: {selector: {app: none}, ports: [{port: 80}]}
          """);
      HttpResult refused = cluster.http("client", "http://empty/");
      assertThat(refused.exitCode()).isEqualTo(7);
      assertThat(refused.error()).startsWith("Failed to connect to empty port 80");
      assertThat(refused.toString()).startsWith("no response: curl (7) Failed to connect");
    }
  }

  @Test
  void theExternalClientSendsTypedRequestsToNodePorts() {
    FakeApp[] app = new FakeApp[1];
    try (Cluster cluster = start(app)) {
      app[0].defaultResponse(HttpResponse.ok("from outside"));
      String nodeIp = cluster.node("node-1").ip();
      HttpResult r = cluster.external().http("http://" + nodeIp + ":30080/");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("from outside");
      assertThat(app[0].takeRequest().orElseThrow().pod()).isEqualTo(r.answeredBy().orElseThrow());
      HttpResult clusterIp = cluster.external().http("http://" + cluster.service("default", "orders").clusterIP() + "/");
      assertThat(clusterIp.responded()).isFalse();
      assertThat(clusterIp.exitCode()).isIn(7, 28);
    }
  }

  @Test
  void httpRefusesWhatIsNotAUrlAndPodsThatDoNotExist() {
    FakeApp[] app = new FakeApp[1];
    try (Cluster cluster = start(app)) {
      assertThatThrownBy(() -> cluster.http("client", HttpRequest.get("/v1/orders")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a URL: \"/v1/orders\"");
      assertThatThrownBy(() -> cluster.http("nope", "http://orders/"))
          .isInstanceOf(NotFoundException.class)
          .hasMessage("pods \"nope\" not found");
    }
  }

  @Test
  void theSameCallsGiveTheSameAnswersAndRecords() {
    String[] runs = new String[2];
    for (int i = 0; i < 2; i++) {
      FakeApp[] app = new FakeApp[1];
      try (Cluster cluster = start(app)) {
        StringBuilder b = new StringBuilder();
        for (int n = 0; n < 6; n++) {
          b.append(cluster.http("client", "http://orders/" + n)).append('\n');
        }
        b.append(app[0].requests());
        runs[i] = b.toString();
      }
    }
    assertThat(runs[0]).isEqualTo(runs[1]);
  }
}
