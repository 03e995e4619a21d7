package dev.kubesim.samples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.samples.conformance.ScenarioTarget.HttpRequest;
import dev.kubesim.samples.conformance.ScenarioTarget.HttpResult;
import dev.kubesim.api.RecordedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CurlHttpTest {
  private static final long SEED = 3;

  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(3).seed(SEED)
      .addons(List.of("coredns", "ingress-nginx")).build();
  private final CurlHttp client = new CurlHttp(cluster);

  /** shop.example.com routed to the Service {@code lb}. */
  private static final String SITE_INGRESS = """
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: site}
        spec:
          rules:
          - host: shop.example.com
            http:
              paths:
              - {path: /, pathType: Prefix, backend: {service: {name: lb, port: {number: 80}}}}
        """;

  @AfterEach
  void close() {
    cluster.close();
  }

  private static final String NETEXEC = """
      apiVersion: v1
      kind: Pod
      metadata: {name: netexec, labels: {app: netexec}}
      spec:
        nodeName: node-2
        containers:
        - name: agnhost
          image: registry.k8s.io/e2e-test-images/agnhost:2.47
          args: [netexec, --http-port=8080]
          ports: [{containerPort: 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: lb}
      spec:
        type: LoadBalancer
        externalTrafficPolicy: %s
        selector: {app: netexec}
        ports: [{port: 80, targetPort: 8080}]
      """;

  private HttpResult get(String from, String url) {
    return client.request(new HttpRequest(from, url, Map.of()));
  }

  @Test
  void localPolicyThroughTheLoadBalancerKeepsTheClientAddress() {
    cluster.apply(NETEXEC.formatted("Local"));

    HttpResult r = get("external:198.51.100.9", "http://172.18.255.201/clientip");

    assertThat(r.error()).as("seed %d", SEED).isEmpty();
    assertThat(r.body()).startsWith("198.51.100.9:");
    assertThat(r.backend()).contains("default/lb:80");
    assertThat(r.servedBy()).contains("default/netexec");
  }

  @Test
  void clusterPolicyMasqueradesToTheNodeAddress() {
    cluster.apply(NETEXEC.formatted("Cluster"));

    HttpResult r = get("external", "http://172.18.255.201/clientip");

    assertThat(r.body()).as("seed %d", SEED).doesNotStartWith(dev.kubesim.api.ExternalClient.DEFAULT_ADDRESS).matches("192\\.168\\.49\\.\\d+:\\d+");
  }

  @Test
  void anExternalIpAndALoadBalancerWithoutNodePortsNameTheServicePortThatCarriedTheRequest() {
    cluster.apply(NETEXEC.formatted("Cluster") + """
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: direct}
        spec:
          type: LoadBalancer
          allocateLoadBalancerNodePorts: false
          externalIPs: [192.0.2.44]
          selector: {app: netexec}
          ports: [{port: 8081, targetPort: 8080}]
        """);
    String direct = cluster.get(dev.kubesim.api.model.Service.class, "default", "direct").orElseThrow().status()
        .flatMap(dev.kubesim.api.model.ServiceStatus::loadBalancer).orElseThrow().ingress().get(0).ip().orElseThrow();

    HttpResult viaBalancer = get("external", "http://" + direct + ":8081/hostname");
    HttpResult viaExternalIp = get("external", "http://192.0.2.44:8081/hostname");
    HttpResult wrongPort = get("external", "http://192.0.2.44:9999/");

    assertThat(viaBalancer.status()).as("seed %d", SEED).isEqualTo(200);
    assertThat(viaBalancer.backend()).contains("default/direct:8081");
    assertThat(viaBalancer.servedBy()).contains("default/netexec");
    assertThat(viaExternalIp.status()).isEqualTo(200);
    assertThat(viaExternalIp.backend()).contains("default/direct:8081");
    // the router delivers to node-1, where no rule takes that port: the node sends it on, and nobody has the address
    assertThat(wrongPort.error()).contains("timeout");
  }

  @Test
  void clusterAndPodAddressesAreNotReachableFromOutside() {
    cluster.apply(NETEXEC.formatted("Cluster"));
    String clusterIp = cluster.get(dev.kubesim.api.model.Service.class, "default", "lb").orElseThrow()
        .specOrEmpty().clusterIP().orElseThrow();

    assertThat(get("external", "http://" + clusterIp + "/").error()).contains("timeout");
    assertThat(get("external", "http://kubia/").error()).contains("could not resolve");
  }

  @Test
  void theIngressAddressRoutesByHostToTheBackendPod() {
    cluster.apply(NETEXEC.formatted("Cluster") + SITE_INGRESS);

    HttpResult routed = client.request(new HttpRequest("external", "http://172.18.255.200/clientip",
        Map.of("Host", "shop.example.com")));
    HttpResult unknown = client.request(new HttpRequest("external", "http://172.18.255.200/", Map.of("Host", "other")));

    assertThat(routed.status()).as("seed %d", SEED).isEqualTo(200);
    assertThat(routed.backend()).contains("default/lb:80");
    assertThat(routed.servedBy()).contains("default/netexec");
    assertThat(routed.body()).as("nginx connects from the controller pod").startsWith("10.244.");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.servedBy().orElseThrow()).startsWith("ingress-nginx/ingress-nginx-controller-");
  }

  @Test
  void aPodGoingThroughTheIngressControllerSeesTheIngressBackendAsAnOutsideClientDoes() {
    cluster.apply(NETEXEC.formatted("Cluster") + SITE_INGRESS + """
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client}
        spec:
          containers: [{name: c, image: curlimages/curl, command: [sleep, "9999"]}]
        """);
    String controller = cluster.get(dev.kubesim.api.model.Service.class, "ingress-nginx", "ingress-nginx-controller")
        .orElseThrow().specOrEmpty().clusterIP().orElseThrow();

    HttpResult fromPod = client.request(new HttpRequest("default/client", "http://" + controller + "/",
        Map.of("Host", "shop.example.com")));

    assertThat(fromPod.status()).as("seed %d", SEED).isEqualTo(200);
    assertThat(fromPod.backend()).contains("default/lb:80");
    assertThat(fromPod.servedBy()).contains("default/netexec");
  }

  @Test
  void aRequestIsTheOneTheClientsOwnCurlSends() {
    var orders = cluster.fakeApp("orders");
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: orders, labels: {app: orders}}
        spec:
          containers: [{name: app, image: orders, ports: [{containerPort: 8080}]}]
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
        metadata: {name: alpine}
        spec:
          containers: [{name: c, image: curlimages/curl, command: [sleep, "9999"]}]
        """);
    cluster.settle();

    // curl on Alpine (musl, curl 8) in a pod; curl on Debian 12 (glibc, curl 7.88) outside
    for (String from : List.of("default/alpine", "external")) {
      String url = from.equals("external") ? "http://192.168.49.2:30080/v1" : "http://orders/v1";
      var curl = from.equals("external")
          ? cluster.external().exec("curl", "-s", "-H", "X-Step: 1", url)
          : cluster.exec(from, "curl", "-s", "-H", "X-Step: 1", url);
      assertThat(curl.exitCode()).as("seed %d, %s: %s", SEED, from, curl).isZero();
      RecordedRequest byCurl = orders.takeRequest().orElseThrow();
      HttpResult step = client.request(new HttpRequest(from, url, Map.of("X-Step", "1")));
      RecordedRequest byStep = orders.takeRequest().orElseThrow();

      assertThat(step.status()).as("seed %d, %s", SEED, from).isEqualTo(200);
      assertThat(step.backend()).as("seed %d, %s", SEED, from).contains("default/orders:80");
      assertThat(step.servedBy()).contains("default/orders");
      assertThat(byStep.headers()).as("seed %d, %s", SEED, from).isEqualTo(byCurl.headers());
    }
  }

  @Test
  void aRefusedConnectionNamesTheServicePortWhoseRulesRejectedIt() {
    cluster.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: empty}
        spec:
          selector: {app: none}
          ports: [{port: 80, targetPort: 8080}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client}
        spec:
          containers: [{name: c, image: curlimages/curl, command: [sleep, "9999"]}]
        """);
    cluster.settle();

    HttpResult r = client.request(new HttpRequest("default/client", "http://empty/", Map.of()));
    HttpResult unknown = client.request(new HttpRequest("default/client", "http://nope/", Map.of()));

    assertThat(r.error()).as("seed %d", SEED).contains("connection refused");
    assertThat(unknown.error()).contains("could not resolve");
  }
}
