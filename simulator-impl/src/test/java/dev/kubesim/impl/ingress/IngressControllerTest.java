package dev.kubesim.impl.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Ingress;
import dev.kubesim.api.model.IngressLoadBalancerIngress;
import dev.kubesim.api.model.IngressStatus;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.impl.cluster.SimCluster;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngressControllerTest {
  private static final long SEED = 11;

  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(3).seed(SEED)
      .addons(List.of("coredns", "ingress-nginx")).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private static final String BACKEND = """
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: 8080}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web-1, labels: {app: web}}
      spec:
        containers: [{name: echo, image: example/echo, ports: [{containerPort: 8080}]}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: site}
      spec:
        rules:
        - host: shop.example.com
          http:
            paths:
            - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
      """;

  private IngressController controller() {
    return cluster.ingressController().orElseThrow();
  }

  private String podIp(String ns, String name) {
    return cluster.get(Pod.class, ns, name).flatMap(Pod::status).flatMap(PodStatus::podIP).orElseThrow();
  }

  private HttpRequest requestTo(String host, String path) {
    String controllerPod = cluster.list(Pod.class, IngressController.NAMESPACE).get(0).metadata().nameOrEmpty();
    return HttpRequest.get(path).withHeader("Host", host).withHeader("User-Agent", "curl/8.5.0")
        .withClientAddress("203.0.113.2:40000")
        .withServerAddress(podIp(IngressController.NAMESPACE, controllerPod) + ":80");
  }

  @Test
  void theAddOnRunsAReadyControllerAndTheDefaultClass() {
    assertThat(cluster.kubectl("get pods -n ingress-nginx").stdout())
        .as("seed %d", SEED).containsPattern("ingress-nginx-controller-\\S+\\s+1/1\\s+Running");
    assertThat(cluster.kubectl("get ingressclass").stdout()).contains("k8s.io/ingress-nginx");
    assertThat(cluster.kubectl("get svc -n ingress-nginx").stdout())
        .containsPattern("ingress-nginx-controller\\s+LoadBalancer\\s+\\S+\\s+172\\.18\\.255\\.200\\s+80:\\d+/TCP,443:\\d+/TCP");
  }

  @Test
  void anIngressWithoutClassGetsTheDefaultClassAndTheLoadBalancerAddress() {
    cluster.apply(BACKEND);

    Ingress ing = cluster.get(Ingress.class, "default", "site").orElseThrow();

    assertThat(ing.specOrEmpty().ingressClassName()).contains("nginx");
    assertThat(ing.status().flatMap(IngressStatus::loadBalancer).orElseThrow().ingress())
        .extracting(IngressLoadBalancerIngress::ip).containsExactly(Optional.of("172.18.255.200"));
    assertThat(cluster.kubectl("get ingress site").stdout())
        .containsPattern("site\\s+nginx\\s+shop\\.example\\.com\\s+172\\.18\\.255\\.200\\s+80\\s");
    assertThat(cluster.kubectl("describe ingress site").stdout()).contains("Sync").contains("Scheduled for sync");
  }

  @Test
  void anIngressOfAnotherClassIsNotServedAndGetsNoAddress() {
    cluster.apply(BACKEND.replace("spec:\n  rules:", "spec:\n  ingressClassName: other\n  rules:"));

    assertThat(cluster.get(Ingress.class, "default", "site").orElseThrow().status().flatMap(IngressStatus::loadBalancer)
        .map(lb -> lb.ingress()).orElse(List.of())).isEmpty();
    assertThat(controller().nginx().route("shop.example.com", "/", false).outcome()).isEqualTo(IngressDecision.Outcome.DEFAULT_BACKEND);
  }

  @Test
  void proxiesToAReadyEndpointWithTheForwardedHeaders() {
    cluster.apply(BACKEND);

    IngressExchange ex = controller().nginx().proxy(requestTo("shop.example.com", "/cart?id=1"), false);

    IngressExchange.Upstream up = ex.upstream().orElseThrow();
    assertThat(up.endpoint()).isEqualTo(podIp("default", "web-1") + ":8080");
    assertThat(up.pod()).contains("default/web-1");
    HttpRequest r = up.request();
    assertThat(r.target()).isEqualTo("/cart?id=1");
    assertThat(r.header("Host")).contains("shop.example.com");
    assertThat(r.header("X-Forwarded-For")).contains("203.0.113.2");
    assertThat(r.header("X-Real-IP")).contains("203.0.113.2");
    assertThat(r.header("X-Forwarded-Host")).contains("shop.example.com");
    assertThat(r.header("X-Forwarded-Proto")).contains("http");
    assertThat(r.header("X-Forwarded-Port")).contains("80");
    assertThat(r.header("X-Request-ID").orElseThrow()).matches("[0-9a-f]{32}");
    assertThat(r.header("User-Agent")).contains("curl/8.5.0");
    assertThat(r.clientIp()).as("nginx connects from the controller pod").isEqualTo(hostOf(requestTo("x", "/").serverAddress()));
    assertThat(ex.decision().describe()).contains("ingress default/site rule 0").contains("service default/web:80");
  }

  @Test
  void aBackendWithoutReadyEndpointsGets503() {
    cluster.apply(BACKEND);
    cluster.delete("Pod", "default", "web-1");
    cluster.advance(java.time.Duration.ofSeconds(31));

    IngressExchange ex = controller().nginx().proxy(requestTo("shop.example.com", "/"), false);

    assertThat(ex.upstream()).isEmpty();
    assertThat(ex.respond(Optional.empty()).status()).isEqualTo(503);
  }

  @Test
  void anUnknownHostGetsTheControllersOwn404() {
    cluster.apply(BACKEND);

    IngressExchange ex = controller().nginx().proxy(requestTo("nobody.example.com", "/"), false);
    HttpResponse r = ex.respond(Optional.empty());

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body()).contains("<center>nginx</center>");
  }

  @Test
  void theControllerPodsAreKnown() {
    Pod pod = cluster.list(Pod.class, IngressController.NAMESPACE).get(0);

    assertThat(controller().isControllerPod(IngressController.NAMESPACE, pod.metadata().nameOrEmpty())).isTrue();
    assertThat(controller().isControllerPod("default", "web-1")).isFalse();
  }

  private static String hostOf(String address) {
    return address.substring(0, address.lastIndexOf(':'));
  }
}
