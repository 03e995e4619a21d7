package dev.kubesim.impl.ingress;

import dev.kubesim.api.ObjectRef;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.trace.TraceHop;
import dev.kubesim.api.trace.TracePacket;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.HttpClient;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.ProxyAnswer;
import dev.kubesim.impl.net.Session;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request through the Ingress: the controller's L7 decision and its own connection to the backend are in the client's trace. */
class IngressTraceTest {
  private static final long SEED = 23;
  private static final String CONTROLLER_SERVICE = "http://ingress-nginx-controller.ingress-nginx";

  private final SimCluster cluster = cluster(SEED);

  @AfterEach
  void close() {
    cluster.close();
  }

  private static SimCluster cluster(long seed) {
    return (SimCluster) KubeSim.cluster().nodes(3).seed(seed).addons(List.of("coredns", "ingress-nginx")).build();
  }

  /** web-1 behind Service web (targetPort as given), a client pod (each on the node given, if any), an Ingress for shop.example.com, and a Service without pods. */
  /**
   * The site with its Service's target port; on 9999 the backend is nginx, which listens on 80
   * alone and so refuses (an image kubesim does not know would listen on its Service's target port).
   */
  private static String site(int targetPort, String webNode, String clientNode) {
    return """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: %d}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: nobody}
        spec: {selector: {app: nobody}, ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web-1, labels: {app: web}}
        spec:
          %s
          containers: [{name: echo, image: %s, ports: [{containerPort: 8080}]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client}
        spec:
          %s
          containers: [{name: c, image: curlimages/curl, command: [sleep, '9999']}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: site}
        spec:
          rules:
          - host: shop.example.com
            http:
              paths:
              - {path: /cart, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
              - {path: /empty, pathType: Exact, backend: {service: {name: nobody, port: {number: 80}}}}
        """.formatted(targetPort, webNode.isEmpty() ? "" : "nodeName: " + webNode,
        targetPort == 9999 ? "nginx" : "example/echo",
        clientNode.isEmpty() ? "" : "nodeName: " + clientNode);
  }

  private Pod pod(String ns, String name) {
    return cluster.get(Pod.class, ns, name).orElseThrow();
  }

  private static String ip(Pod p) {
    return p.status().flatMap(PodStatus::podIP).orElseThrow();
  }

  private static String node(Pod p) {
    return p.spec().flatMap(PodSpec::nodeName).orElseThrow();
  }

  private Pod controllerPod() {
    return cluster.list(Pod.class, IngressController.NAMESPACE).get(0);
  }

  private String controllerNetns() {
    return IngressController.NAMESPACE + "/" + controllerPod().metadata().nameOrEmpty();
  }

  private ExecResult curl(String... args) {
    String[] argv = new String[args.length + 1];
    argv[0] = "curl";
    System.arraycopy(args, 0, argv, 1, args.length);
    return cluster.exec("default/client", argv);
  }

  private static int indexOf(List<TraceHop> hops, String action) {
    for (int i = 0; i < hops.size(); i++) {
      if (hops.get(i).action().name().equals(action)) {
        return i;
      }
    }
    throw new AssertionError("no " + action + " hop (seed " + SEED + ")");
  }

  /** The index of the controller's answer on the client's connection (a segment from its port 80) after {@code from}. */
  private int answerToClient(List<TraceHop> hops, int from, String controllerIp) {
    for (int i = from; i < hops.size(); i++) {
      TraceHop h = hops.get(i);
      TracePacket p = h.packet().orElse(null);
      if (h.action().name().equals("SEND") && p != null && p.source().equals(controllerIp) && p.sourcePort() == 80
          && p.payload().startsWith("HTTP: HTTP/1.1")) {
        return i;
      }
    }
    throw new AssertionError("the controller never answers the client (seed " + SEED + ")");
  }

  private static boolean isFrom(TraceHop h, String ip, String flags) {
    return h.packet().filter(p -> p.source().equals(ip) && p.flags().equals(flags)).isPresent();
  }

  private static void assertInVirtualTimeOrder(List<TraceHop> hops) {
    for (int i = 1; i < hops.size(); i++) {
      assertThat(hops.get(i).at()).as("hop %d (seed %d)", i, SEED).isGreaterThanOrEqualTo(hops.get(i - 1).at());
    }
  }

  @Test
  void aPodsTraceShowsTheIngressDecisionBetweenTheTwoConnections() {
    cluster.apply(site(8080, "", ""));
    String webIp = ip(pod("default", "web-1"));
    String controllerIp = ip(controllerPod());
    String clientIp = ip(pod("default", "client"));

    ExecResult r = curl("-s", "-H", "Host: shop.example.com", CONTROLLER_SERVICE + "/cart/items");

    assertThat(r.stdout()).as("seed %d", SEED).isEqualTo("web-1");
    List<TraceHop> hops = r.trace().orElseThrow().hops();
    int l7 = indexOf(hops, "PROXY");
    TraceHop decision = hops.get(l7);
    assertThat(decision.where()).isEqualTo("ingress-nginx");
    assertThat(decision.netns()).isEqualTo(controllerNetns());
    assertThat(decision.node()).isEqualTo(node(controllerPod()));
    assertThat(decision.packet()).isEmpty();
    assertThat(decision.reason()).contains("host shop.example.com path /cart/items", "location /cart (Prefix)",
        "ingress default/site rule 0", "service default/web:80", "endpoint default/web-1 " + webIp + ":8080",
        "X-Forwarded-For and X-Real-IP " + clientIp);
    // Before the decision: the request reached the controller over the first connection.
    assertThat(hops.get(l7 - 1).action().name()).isEqualTo("DELIVER");
    assertThat(hops.get(l7 - 1).packet().orElseThrow().payload()).isEqualTo("HTTP: GET /cart/items HTTP/1.1");

    // After it: the controller's own connection, from its pod straight to the endpoint (no ClusterIP, no DNAT).
    TracePacket syn = hops.get(l7 + 1).packet().orElseThrow();
    assertThat(hops.get(l7 + 1).netns()).isEqualTo(controllerNetns());
    assertThat(List.of(syn.source(), syn.destination(), String.valueOf(syn.destinationPort()), syn.flags()))
        .containsExactly(controllerIp, webIp, "8080", "S");
    int answer = answerToClient(hops, l7 + 1, controllerIp);
    List<TraceHop> second = hops.subList(l7 + 1, answer);
    assertThat(second).noneMatch(h -> h.action().name().equals("DNAT") || h.action().name().equals("SNAT"));
    assertThat(second).anyMatch(h -> h.netns().equals("default/web-1") && h.action().name().equals("DELIVER")
        && h.packet().orElseThrow().payload().equals("HTTP: GET /cart/items HTTP/1.1"));
    assertThat(second).anyMatch(h -> h.netns().equals(controllerNetns()) && h.action().name().equals("DELIVER")
        && h.packet().orElseThrow().source().equals(webIp) && h.packet().orElseThrow().payload().equals("HTTP: HTTP/1.1 200 OK"));
    // Then the controller answers the client, and the client gets it back through conntrack.
    assertThat(hops.subList(answer, hops.size())).anyMatch(h -> h.netns().equals("default/client") && h.action().name().equals("DELIVER")
        && h.packet().orElseThrow().payload().equals("HTTP: HTTP/1.1 200 OK"));
    assertInVirtualTimeOrder(hops);

    assertThat(r.trace().orElseThrow().disposition()).isEqualTo(Disposition.of(Disposition.Kind.DELIVERED,
        Disposition.Cause.ANSWERED, ObjectRef.pod("default", "web-1"),
        "HTTP/1.1 200 OK via Service port ingress-nginx/ingress-nginx-controller:http; Ingress default/site to Service port default/web:80"));
  }

  @Test
  void anOutsideClientsTraceThroughTheNodePortNamesTheBackendPodAndKeepsItsAddress() {
    cluster.apply(site(8080, "", ""));
    String webIp = ip(pod("default", "web-1"));
    Service svc = cluster.get(Service.class, IngressController.NAMESPACE, IngressController.PUBLISH_SERVICE).orElseThrow();
    int nodePort = svc.specOrEmpty().ports().stream().filter(p -> p.name().orElse("").equals("http"))
        .map(ServicePort::nodePort).findFirst().orElseThrow().orElseThrow();
    Network net = cluster.network();
    // externalTrafficPolicy Local: the node that runs the controller takes the nodePort and keeps the client's address.
    String nodeIp = net.node(node(controllerPod())).orElseThrow().netns().addressText();
    Netns outside = net.outsideHost("203.0.113.7");
    Session s = net.session("GET http://" + nodeIp + ":" + nodePort + "/cart");

    HttpClient.Result r = HttpClient.fetch(net, s, outside, Ip4.parse(nodeIp), nodePort,
        HttpRequest.get("/cart").withHeader("Host", "shop.example.com"), Long.MAX_VALUE, Long.MAX_VALUE);

    assertThat(r.ok()).as("seed %d", SEED).isTrue();
    assertThat(r.servedBy().map(ObjectRef::toString)).contains("pod/" + controllerNetns());
    assertThat(r.answeredBy()).contains(ObjectRef.pod("default", "web-1"));
    assertThat(r.proxied().flatMap(ProxyAnswer::backend)).contains("default/web:80");
    Trace t = s.finish(new Disposition(Disposition.Kind.DELIVERED, r.cause(), r.answeredBy(), r.summary()));
    List<TraceHop> hops = t.hops();
    TraceHop decision = hops.get(indexOf(hops, "PROXY"));
    assertThat(decision.reason()).contains("ingress default/site rule 0", "X-Forwarded-For and X-Real-IP 203.0.113.7");
    assertThat(hops.subList(indexOf(hops, "PROXY"), hops.size())).anyMatch(h -> h.netns().equals("default/web-1")
        && h.action().name().equals("DELIVER") && h.packet().orElseThrow().destination().equals(webIp));
    assertThat(hops.subList(indexOf(hops, "PROXY"), hops.size())).anyMatch(h -> h.netns().equals("external/203.0.113.7")
        && h.action().name().equals("DELIVER") && h.packet().orElseThrow().payload().equals("HTTP: HTTP/1.1 200 OK"));
    assertInVirtualTimeOrder(hops);
    assertThat(t.render()).contains(" ingress-nginx ", " PROXY ")
        .endsWith("result: DELIVERED by pod/default/web-1: HTTP/1.1 200 OK via Service port ingress-nginx/ingress-nginx-controller:http;"
            + " Ingress default/site to Service port default/web:80\n");
    assertThat(t.toJson()).contains("\"where\":\"ingress-nginx\",\"action\":\"PROXY\","
        + "\"object\":{\"kind\":\"ingress\",\"namespace\":\"default\",\"name\":\"site\"},\"rule\":\"spec.rules[0].http.paths[0]\","
        + "\"dns\":null,\"packet\":null,\"rewritten\":null,"
        + "\"reason\":\"http host shop.example.com path /cart -> server shop.example.com, location /cart (Prefix)");
  }

  @Test
  void anUnknownHostsTraceEndsAtTheControllersDefaultBackend() {
    cluster.apply(site(8080, "", ""));
    String controllerIp = ip(controllerPod());

    ExecResult r = curl("-s", "-H", "Host: nobody.example.com", CONTROLLER_SERVICE + "/x");

    assertThat(r.stdout()).contains("<title>404 Not Found</title>");
    Trace t = r.trace().orElseThrow();
    List<TraceHop> hops = t.hops();
    int l7 = indexOf(hops, "PROXY");
    assertThat(hops.get(l7).reason()).isEqualTo(
        "http host nobody.example.com path /x -> server _, location / (Prefix) -> the controller's default backend (404)");
    // No second connection: the controller's next packet is its answer to the client.
    assertThat(hops.subList(l7 + 1, hops.size())).noneMatch(h -> isFrom(h, controllerIp, "S"));
    assertThat(answerToClient(hops, l7, controllerIp)).isEqualTo(l7 + 1);
    assertThat(t.disposition()).isEqualTo(new Disposition(Disposition.Kind.DELIVERED, Disposition.Cause.PROXY_ANSWERED,
        ObjectRef.parse("pod/" + controllerNetns()),
        "HTTP/1.1 404 Not Found via Service port ingress-nginx/ingress-nginx-controller:http;"
            + " the ingress controller's default backend for host nobody.example.com path /x"));
  }

  @Test
  void aBackendWithoutReadyEndpointsIsTheControllersOwn503() {
    cluster.apply(site(8080, "", ""));

    ExecResult r = curl("-s", "-H", "Host: shop.example.com", CONTROLLER_SERVICE + "/empty");

    Trace t = r.trace().orElseThrow();
    assertThat(t.hops().get(indexOf(t.hops(), "PROXY")).reason()).contains("location /empty (Exact)",
        "service default/nobody:80 has no ready endpoint -> HTTP/1.1 503 Service Temporarily Unavailable");
    assertThat(t.disposition().objectText()).isEqualTo("pod/" + controllerNetns());
    assertThat(t.disposition().cause()).isEqualTo(Disposition.Cause.PROXY_ANSWERED);
    assertThat(t.disposition().reason()).startsWith("HTTP/1.1 503 Service Temporarily Unavailable")
        .endsWith("Ingress default/site to Service port default/nobody:80, which has no ready endpoint");
  }

  @Test
  void anEndpointThatRefusesShowsTheResetAndTheControllers502() {
    cluster.apply(site(9999, "", ""));
    String webIp = ip(pod("default", "web-1"));

    ExecResult r = curl("-s", "-H", "Host: shop.example.com", CONTROLLER_SERVICE + "/cart");

    Trace t = r.trace().orElseThrow();
    List<TraceHop> hops = t.hops();
    int reset = -1;
    for (int i = 0; i < hops.size(); i++) {
      if (hops.get(i).netns().equals("default/web-1") && isFrom(hops.get(i), webIp, "R.")) {
        reset = i;
      }
    }
    assertThat(reset).as("the backend's RST (seed %d)", SEED).isPositive();
    List<TraceHop> after = hops.subList(reset, hops.size());
    TraceHop failure = after.get(indexOf(after, "PROXY"));
    assertThat(failure.reason()).isEqualTo("upstream " + webIp + ":9999 gave no answer (nothing listens on TCP port 9999 in"
        + " pod/default/web-1) -> HTTP/1.1 502 Bad Gateway");
    assertThat(t.disposition().objectText()).isEqualTo("pod/" + controllerNetns());
    assertThat(t.disposition().cause()).isEqualTo(Disposition.Cause.PROXY_ANSWERED);
    assertThat(t.disposition().reason()).startsWith("HTTP/1.1 502 Bad Gateway").endsWith(
        "Ingress default/site to Service port default/web:80, whose endpoint " + webIp
            + ":9999 failed: nothing listens on TCP port 9999 in pod/default/web-1");
  }

  @Test
  void theControllersWaitForItsUpstreamCountsForTheClient() {
    String controllerNode = node(controllerPod());
    String webNode = controllerNode.equals("node-1") ? "node-2" : "node-1";
    cluster.apply(site(8080, webNode, controllerNode));
    cluster.kubelet(webNode).orElseThrow().stop();
    // The controller's ClusterIP, so that no DNS query depends on a CoreDNS pod of the stopped node.
    String url = "http://" + cluster.get(Service.class, IngressController.NAMESPACE, IngressController.PUBLISH_SERVICE)
        .orElseThrow().specOrEmpty().clusterIP().orElseThrow() + "/cart";

    ExecResult waited = curl("-si", "-H", "Host: shop.example.com", url);
    ExecResult gaveUp = curl("-s", "-m", "2", "-H", "Host: shop.example.com", url);

    // proxy-connect-timeout (5 s): nginx answers 504 once it gave up on the endpoint's node.
    assertThat(waited.stdout()).as("seed %d", SEED).startsWith("HTTP/1.1 504 Gateway Time-out\r\n");
    assertThat(waited.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    assertThat(waited.trace().orElseThrow().render()).contains("no SYN-ACK: the client's timeout expired",
        "gave no answer (node " + webNode + " is down) -> HTTP/1.1 504 Gateway Time-out");
    assertThat(gaveUp.exitCode()).isEqualTo(28);
    assertThat(gaveUp.trace().orElseThrow().disposition().kind()).isEqualTo(Disposition.Kind.TIMED_OUT);
  }

  @Test
  void sameSeedGivesByteIdenticalIngressTraces() {
    List<String> first = ingressTraces();
    List<String> second = ingressTraces();

    assertThat(second).as("seed %d", SEED).isEqualTo(first);
    assertThat(first.get(0)).contains("\"action\":\"PROXY\"");
  }

  private static List<String> ingressTraces() {
    try (SimCluster c = cluster(SEED)) {
      c.apply(site(8080, "", ""));
      c.apply("""
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: more}
          spec:
            replicas: 3
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                containers: [{name: echo, image: example/echo, ports: [{containerPort: 8080}]}]
          """);
      Trace proxied = c.exec("default/client", "curl", "-s", "-H", "Host: shop.example.com", CONTROLLER_SERVICE + "/cart")
          .trace().orElseThrow();
      Trace own = c.exec("default/client", "curl", "-s", CONTROLLER_SERVICE + "/").trace().orElseThrow();
      return List.of(proxied.toJson(), proxied.render(), own.toJson(), own.render());
    }
  }
}
