package dev.kubesim.impl.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.FakeApp;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.RecordedRequest;
import dev.kubesim.api.program.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ingress-nginx's {@code rewrite-target} and {@code use-regex}, as its documentation's example has
 * them: {@code /something(/|$)(.*)} rewritten to {@code /$2}, the paths case-insensitive regexes.
 */
class RewriteTargetTest {
  private static final long SEED = 8;
  private final Cluster cluster = KubeSim.cluster().nodes(2).seed(SEED).addons(List.of("coredns", "ingress-nginx")).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private FakeApp site(String annotations, String path) {
    FakeApp app = cluster.fakeApp("example/app");
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: app, labels: {app: app}}
        spec:
          containers: [{name: app, image: example/app, ports: [{containerPort: 8080}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: app}
        spec: {selector: {app: app}, ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: rewrite
          annotations: {%s}
        spec:
          ingressClassName: nginx
          rules:
          - host: rewrite.bar.com
            http:
              paths:
              - path: %s
                pathType: ImplementationSpecific
                backend: {service: {name: app, port: {number: 80}}}
        """.formatted(annotations, path));
    return app;
  }

  private String upstreamTarget(FakeApp app, String target) {
    String lb = cluster.service("ingress-nginx", "ingress-nginx-controller").loadBalancerIP().orElseThrow();
    var result = cluster.external().http(HttpRequest.get("http://" + lb + target).withHeader("Host", "rewrite.bar.com"));
    assertThat(result.status()).as("seed %d", SEED).isEqualTo(200);
    RecordedRequest recorded = app.takeRequest().orElseThrow();
    return recorded.target();
  }

  @Test
  void theCapturedRestOfThePathGoesUpstreamWithTheQuery() {
    FakeApp app = site("nginx.ingress.kubernetes.io/use-regex: 'true', nginx.ingress.kubernetes.io/rewrite-target: /$2",
        "/something(/|$)(.*)");
    assertThat(upstreamTarget(app, "/something/new?x=1")).isEqualTo("/new?x=1");
    assertThat(upstreamTarget(app, "/something")).isEqualTo("/");
    // the location is a case-insensitive regex
    assertThat(upstreamTarget(app, "/SOMETHING/Else")).isEqualTo("/Else");
  }

  @Test
  void aRewriteToTheRootSendsEveryPathThere() {
    FakeApp app = site("nginx.ingress.kubernetes.io/rewrite-target: /", "/app");
    assertThat(upstreamTarget(app, "/app/deep/page")).isEqualTo("/");
  }
}
