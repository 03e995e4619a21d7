package dev.kubesim.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebServerTest {
  private static final long SEED = 7;
  private final MutableClock wallClock = new MutableClock();
  private WebServer server;

  private WebClient serve(int limit) {
    server = WebServer.start(0, new Sessions(() -> new LabSession(SEED, 2), limit, Duration.ofMinutes(30), wallClock));
    return new WebClient(server.uri());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void thePageComesWithASessionCookieAndItsAssets() throws Exception {
    WebClient browser = serve(20);
    HttpResponse<String> page = browser.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(c ->
        assertThat(c).startsWith(WebServer.COOKIE + "=").contains("HttpOnly"));
    assertThat(page.body()).contains("<title>kubesim web</title>").contains("id=\"terminal-input\"");
    assertThat(browser.get("/assets/app.js").body()).contains("function embedSvg(");
    assertThat(browser.get("/assets/style.css").statusCode()).isEqualTo(200);
    assertThat(browser.get("/assets/../WebServer.class").statusCode()).isEqualTo(404);
    assertThat(browser.get("/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void aLineRunsAsTheShellRunsItAndTheClusterPaneShowsThePods() throws Exception {
    WebClient browser = serve(20);
    JsonNode created = browser.run("kubectl create -f kubia-rc.yaml");
    assertThat(created.get("output").asText())
        .isEqualTo("$ kubectl create -f kubia-rc.yaml\nreplicationcontroller/kubia created\n\n");
    browser.run("kubectl create -f kubia-svc.yaml");
    browser.run("kubectl wait --for=condition=Ready pod -l app=kubia --timeout=120s");
    JsonNode answer = browser.run("kubectl exec $(pod app=kubia) -- curl -s http://kubia");
    assertThat(answer.get("output").asText()).contains("You've hit kubia-");
    JsonNode state = answer.get("state");
    assertThat(state.get("prompt").asText()).isEqualTo("kubesim$ ");
    assertThat(state.get("clusterHtml").asText())
        .contains("data-node=\"node-1\"").contains("data-pod=\"default/kubia-")
        .contains("<td>kubia</td><td>ClusterIP</td>").doesNotContain("<i>&lt;none&gt;</i></td></tr><tr class=\"service\"><td>kubia<");
    JsonNode hops = state.get("trace").get("hops");
    assertThat(hops.size()).isGreaterThan(3);
    assertThat(hops).anySatisfy(h -> {
      assertThat(h.get("action").asText()).isEqualTo("DNAT");
      assertThat(h.get("object").asText()).isEqualTo("service/default/kubia");
      assertThat(h.get("rule").asText()).startsWith("KUBE-SVC-");
      assertThat(h.get("mapAt").get(1).asText()).as("the node's netfilter, then the Service").isEqualTo("service/default/kubia");
      assertThat(h.get("mapEdges").get(0).get("from").asText()).isEqualTo("service/default/kubia");
      assertThat(h.get("mapEdges").get(0).get("to").asText()).startsWith("pod/default/kubia-");
      assertThat(state.get("mapSvg").asText()).contains("data-ref=\"" + h.get("mapAt").get(0).asText() + "\"");
    });
    assertThat(state.get("trace").get("text").asText()).contains("curl -s http://kubia");
    assertThat(state.get("trace").get("svg").asText()).contains("<svg xmlns").contains("service/default/kubia");
    assertThat(state.get("mapSvg").asText()).contains("<svg xmlns").contains("kubia");
  }

  @Test
  void virtualTimeMovesOnlyByTheClockButtonsAndTheLines() throws Exception {
    WebClient browser = serve(20);
    long start = WebClient.json(browser.get("/api/state")).get("state").get("nowMillis").asLong();
    assertThat(WebClient.json(browser.get("/api/state")).get("state").get("nowMillis").asLong()).isEqualTo(start);
    JsonNode later = WebClient.json(browser.post("/api/advance?seconds=10", ""));
    assertThat(later.get("output").asText()).isEqualTo("# ... 10s later\n\n");
    assertThat(later.get("state").get("nowMillis").asLong()).isEqualTo(start + 10_000);
    JsonNode typed = browser.run("advance 1m");
    assertThat(typed.get("state").get("nowMillis").asLong()).isEqualTo(start + 70_000);
    assertThat(typed.get("state").get("now").asText()).startsWith("T+1m");
  }

  @Test
  void anotherSitesPageOrHostNameIsRefused() throws Exception {
    WebClient browser = serve(20);
    HttpClient http = HttpClient.newHttpClient();
    URI run = server.uri().resolve("/api/run");
    HttpResponse<String> crossSite = http.send(HttpRequest.newBuilder(run).header("Origin", "https://example.com")
        .POST(HttpRequest.BodyPublishers.ofString("kubectl get pods")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(crossSite.body()).isEqualTo("kubesim web answers only its own page at " + server.uri() + "\n");
    HttpResponse<String> samePage = http.send(HttpRequest.newBuilder(run)
        .header("Origin", "http://localhost:" + server.uri().getPort())
        .POST(HttpRequest.BodyPublishers.ofString("kubectl get pods")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(samePage.statusCode()).isEqualTo(200);
    assertThat(rawHost("rebound.example.com:" + server.uri().getPort())).startsWith("HTTP/1.1 403 ");
    assertThat(rawHost("localhost:" + server.uri().getPort())).startsWith("HTTP/1.1 200 ");
    assertThat(browser.get("/").statusCode()).isEqualTo(200);
  }

  /** The status line of a GET of the page with a Host header of one's choosing (HttpClient sets its own). */
  private String rawHost(String host) throws Exception {
    try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
      socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
    }
  }

  @Test
  void aClockRequestOutsideItsRangeIsRefused() throws Exception {
    WebClient browser = serve(20);
    HttpResponse<String> zero = browser.post("/api/advance?seconds=0", "");
    assertThat(zero.statusCode()).isEqualTo(400);
    assertThat(WebClient.json(zero).get("error").asText()).isEqualTo("seconds must be a whole number from 1 to 86400");
    assertThat(browser.post("/api/advance?seconds=x", "").statusCode()).isEqualTo(400);
    assertThat(browser.get("/api/advance?seconds=1").statusCode()).isEqualTo(405);
  }

  @Test
  void eachBrowserHasItsOwnClusterAndTheSameLinesGiveTheSameOutput() throws Exception {
    WebClient first = serve(20);
    WebClient second = new WebClient(server.uri());
    JsonNode a = first.run("kubectl create -f kubia-rc.yaml");
    assertThat(second.run("kubectl get rc").get("output").asText()).contains("No resources found in default namespace.");
    JsonNode b = second.run("kubectl create -f kubia-rc.yaml");
    assertThat(b.get("state").get("clusterHtml").asText()).isEqualTo(a.get("state").get("clusterHtml").asText());
    assertThat(first.run("kubectl get pods").get("output").asText())
        .isEqualTo(second.run("kubectl get pods").get("output").asText());
  }

  @Test
  void beyondTheSessionLimitANewBrowserGetsAClearPage() throws Exception {
    WebClient first = serve(1);
    assertThat(first.get("/").statusCode()).isEqualTo(200);
    WebClient second = new WebClient(server.uri());
    HttpResponse<String> refused = second.get("/");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body()).contains("kubesim web is serving 1 sessions, as many as it may.");
    assertThat(second.post("/api/run", "kubectl get pods").statusCode()).isEqualTo(503);
    assertThat(first.get("/api/state").statusCode()).isEqualTo(200);
  }

  @Test
  void anIdleSessionIsClosedAndTheBrowserGetsANewCluster() throws Exception {
    WebClient browser = serve(1);
    assertThat(browser.run("kubectl create -f kubia-rc.yaml").get("newSession").asBoolean()).isTrue();
    assertThat(browser.run("kubectl get rc").get("newSession").asBoolean()).isFalse();
    wallClock.advance(Duration.ofMinutes(31));
    server.closeIdleSessions();
    WebClient other = new WebClient(server.uri());
    assertThat(other.get("/").statusCode()).isEqualTo(200); // the idle one made room
    server.close();
    server = null;
    // a fresh server and a session whose cookie has gone stale
    WebClient again = serve(2);
    again.get("/");
    wallClock.advance(Duration.ofMinutes(31));
    JsonNode answer = again.run("kubectl get rc");
    assertThat(answer.get("newSession").asBoolean()).isTrue();
    assertThat(answer.get("output").asText()).contains("No resources found in default namespace.");
  }

  @Test
  void aLabFilesTaskIsAStepThatRunsTheLabsSolution() throws Exception {
    WebClient browser = serve(20);
    JsonNode lab = WebClient.json(browser.post("/api/lab/start?name=netpol", "")).get("state").get("lab");
    assertThat(lab.get("name").asText()).isEqualTo("netpol");
    assertThat(lab.get("explanation").get(0).asText()).isEqualTo("NetworkPolicy, after the Services chapter");
    for (int step = 0; step < lab.get("total").asInt()
        && !lab.path("command").asText().equals("kubectl apply -f allow-frontend.yaml"); step++) {
      lab = WebClient.json(browser.post("/api/lab/next", "")).get("state").get("lab");
    }
    assertThat(lab.path("command").asText()).isEqualTo("kubectl apply -f allow-frontend.yaml");
    assertThat(lab.get("explanation").get(lab.get("explanation").size() - 1).asText())
        .isEqualTo("Task: Make the frontend, and only the frontend, reach the kubia pods on 8080.");
    assertThat(WebClient.json(browser.post("/api/lab/next", "")).get("output").asText())
        .endsWith("$ kubectl apply -f allow-frontend.yaml\nnetworkpolicy.networking.k8s.io/allow-frontend created\n\n");
  }

  @Test
  void aBuiltInLabIsWalkedThroughStepByStep() throws Exception {
    WebClient browser = serve(20);
    JsonNode started = WebClient.json(browser.post("/api/lab/start?name=kubia", ""));
    JsonNode lab = started.get("state").get("lab");
    assertThat(lab.get("name").asText()).isEqualTo("kubia");
    assertThat(lab.get("step").asInt()).isZero();
    assertThat(lab.get("command").asText()).isEqualTo("kubectl create -f kubia-rc.yaml");
    assertThat(lab.get("explanation").get(0).asText()).isEqualTo("Kubernetes in Action, chapter 5: Services.");
    JsonNode first = WebClient.json(browser.post("/api/lab/next", ""));
    assertThat(first.get("output").asText())
        .startsWith("# Kubernetes in Action, chapter 5: Services.\n")
        .endsWith("$ kubectl create -f kubia-rc.yaml\nreplicationcontroller/kubia created\n\n");
    JsonNode second = first.get("state").get("lab");
    assertThat(second.get("step").asInt()).isEqualTo(1);
    assertThat(second.get("command").asText()).isEqualTo("kubectl create -f kubia-svc.yaml");
    assertThat(second.get("explanation")).isEmpty();
  }

  @Test
  void anUnknownLabIsRefusedWithTheKnownNames() throws Exception {
    WebClient browser = serve(20);
    HttpResponse<String> r = browser.post("/api/lab/start?name=nope", "");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(WebClient.json(r).get("error").asText()).isEqualTo("no built-in lab \"nope\"; known: kubia, netpol");
  }

  /** A wall clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
