package dev.kubesim.samples.examples.boutique;

import static dev.kubesim.assertj.KubeSimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.HttpResult;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.ServiceView;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.junit.KubeSimTest;
import dev.kubesim.junit.PodSelector;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Online Boutique's release manifests tested as their author would: the storefront is reachable
 * from inside and outside, every backend answers the frontend at the address the frontend is
 * configured with, and the faults a change can bring — a Service whose selector matches nothing, a
 * lost node, a NetworkPolicy — show up with their cause.
 *
 * <p>kubesim runs the shop's images as its generic server (HTTP on each declared container port),
 * so a backend's gRPC port is probed with an HTTP request: what is tested is the way to the port —
 * DNS, the Service, kube-proxy, the pod — not the gRPC protocol.
 *
 * <p>The manifests are read unchanged from {@code shared/manifests}, a checkout beside the project;
 * where it is absent the tests are skipped.
 */
@KubeSimTest(seed = 42, nodes = 3, skipWhenManifestsAbsent = true,
    manifests = "project:../shared/manifests/online-boutique/kubernetes-manifests.yaml")
class OnlineBoutiqueSuiteTest {
  Cluster cluster;

  @Test
  void theFrontendAnswersThroughItsService(@PodSelector("app=loadgenerator") String loadgenerator) {
    HttpResult home = cluster.http(loadgenerator, "http://frontend/");

    assertThat(home).hasStatus(200).answeredByPodOf("frontend")
        .hasTraceThat()
        .resolvedName("frontend")
        .wasDnatedByService("default", "frontend");
  }

  @Test
  void theFrontendAnswersFromOutsideThroughItsLoadBalancerAndNodePort() {
    ServiceView external = cluster.service("default", "frontend-external");
    assertThat(external).hasType("LoadBalancer").hasLoadBalancerIP().hasReadyEndpoints(1);

    assertThat(cluster.external().http("http://" + external.loadBalancerIP().orElseThrow() + "/"))
        .hasStatus(200).answeredByPodOf("frontend");
    int nodePort = external.nodePort("http").orElseThrow();
    for (String node : new String[] {"node-1", "node-2", "node-3"}) {
      assertThat(cluster.external().http("http://" + cluster.node(node).ip() + ":" + nodePort + "/"))
          .as("through %s's nodePort %d", node, nodePort)
          .hasStatus(200).answeredByPodOf("frontend");
    }
  }

  @ParameterizedTest(name = "{0}:{1}")
  @CsvSource({
      "productcatalogservice, 3550",
      "currencyservice, 7000",
      "cartservice, 7070",
      "recommendationservice, 8080",
      "shippingservice, 50051",
      "checkoutservice, 5050",
      "adservice, 9555",
  })
  void everyBackendTheFrontendUsesAnswersAtItsDnsNameAndPort(String service, int port,
      @PodSelector("app=frontend") String frontend) {
    HttpResult r = cluster.http(frontend, "http://" + service + ":" + port + "/");

    assertThat(r).hasStatus(200).answeredByPodOf(service)
        .hasTraceThat()
        .resolvedName(service)
        .wasDnatedByService("default", service);
  }

  @ParameterizedTest(name = "{0}:{1}")
  @CsvSource({
      "emailservice, 5000",
      "paymentservice, 50051",
      "shippingservice, 50051",
  })
  void theCheckoutsBackendsAnswerAtTheirDnsNamesAndPorts(String service, int port,
      @PodSelector("app=checkoutservice") String checkout) {
    assertThat(cluster.http(checkout, "http://" + service + ":" + port + "/"))
        .hasStatus(200).answeredByPodOf(service);
  }

  @Test
  void theCartReachesRedisWhichSpeaksRespNotHttp(@PodSelector("app=cartservice") String cart) {
    // redis drops an HTTP request as a cross-protocol attack: curl's empty reply, from the redis pod
    dev.kubesim.api.HttpResult r = cluster.http(cart, "http://redis-cart:6379/");
    assertThat(r).failedWithExitCode(52)
        .hasTraceThat().wasDnatedByService("default", "redis-cart")
        .hasKind(dev.kubesim.api.trace.Disposition.Kind.EMPTY_REPLY);
    org.assertj.core.api.Assertions.assertThat(r.trace().disposition().object().orElseThrow().name()).startsWith("redis-cart-");
  }

  @Test
  void aServiceWhoseSelectorMatchesNoPodRefusesTheFrontend(@PodSelector("app=frontend") String frontend) {
    // The mistake under test: the Service re-applied with its selector naming the app by a wrong
    // label value (app: productcatalog).
    cluster.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: productcatalogservice, labels: {app: productcatalogservice}}
        spec:
          type: ClusterIP
          selector: {app: productcatalog}
          ports: [{name: grpc, port: 3550, targetPort: 3550}]
        """);

    assertThat(cluster.service("default", "productcatalogservice")).hasClusterIP().hasNoReadyEndpoints();
    assertThat(cluster.http(frontend, "http://productcatalogservice:3550/"))
        .failedWithExitCode(7)
        .hasTraceThat()
        .wasRefused()
        .hasCause(Cause.NO_ENDPOINTS)
        .wasDecidedBy(ObjectRef.service("default", "productcatalogservice"));
  }

  @Test
  void theShopSurvivesTheLossOfTheFrontendsNode(@PodSelector("app=frontend") Pod before) {
    String lostNode = before.specOrEmpty().nodeName().orElseThrow();
    String survivor = lostNode.equals("node-1") ? "node-2" : "node-1";
    int nodePort = cluster.service("default", "frontend-external").nodePort("http").orElseThrow();
    String storefront = "http://" + cluster.node(survivor).ip() + ":" + nodePort + "/";

    cluster.node(lostNode).stop();
    // The node lifecycle controller marks the node unreachable after its 40 s grace period; the
    // pods' default toleration of that taint lasts 300 s; then they are evicted and replaced.
    Duration waited = cluster.advanceUntil(Duration.ofMinutes(10), c -> c.service("default", "frontend")
        .readyEndpoints().stream().anyMatch(endpoint -> !endpoint.node().equals(lostNode)));

    assertThat(waited).isGreaterThan(Duration.ofSeconds(300));
    assertThat(cluster.service("default", "frontend")).hasReadyEndpoints(1);
    assertThat(cluster.external().http(storefront)).hasStatus(200).answeredByPodOf("frontend");
  }

  @Test
  void aNetworkPolicyLetsOnlyTheShopsServicesReachTheCatalog(@PodSelector("app=frontend") String frontend,
      @PodSelector("app=cartservice") String cart) {
    cluster.apply("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: productcatalogservice}
        spec:
          podSelector: {matchLabels: {app: productcatalogservice}}
          policyTypes: [Ingress]
          ingress:
          - from:
            - podSelector: {matchLabels: {app: frontend}}
            - podSelector: {matchLabels: {app: checkoutservice}}
            - podSelector: {matchLabels: {app: recommendationservice}}
            ports: [{port: 3550}]
        """);

    assertThat(cluster.http(frontend, "http://productcatalogservice:3550/")).hasStatus(200);
    assertThat(cluster.http(cart, "http://productcatalogservice:3550/"))
        .failedWithExitCode(28)
        .hasTraceThat()
        .timedOut()
        .hasCause(Cause.POLICY_DENIED)
        .wasDroppedBy(ObjectRef.of("networkpolicy", "default", "productcatalogservice"));
  }
}
