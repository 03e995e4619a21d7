package dev.kubesim.impl.ingress;

import dev.kubesim.api.ObjectRef;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetworkProxyTest {
  private static final long SEED = 17;

  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(3).seed(SEED)
      .addons(List.of("coredns", "ingress-nginx")).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  /**
   * The site with its Service's target port; on 9999 the backend is nginx, which listens on 80
   * alone and so refuses (an image kubesim does not know would listen on its Service's target port).
   */
  private static String site(int targetPort) {
    return """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: %d}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web-1, labels: {app: web}}
        spec:
          containers: [{name: echo, image: %s, ports: [{containerPort: 8080}]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client}
        spec:
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
              - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
        """.formatted(targetPort, targetPort == 9999 ? "nginx" : "example/echo");
  }

  private ExecResult curl(String... args) {
    String[] argv = new String[args.length + 1];
    argv[0] = "curl";
    System.arraycopy(args, 0, argv, 1, args.length);
    return cluster.exec("default/client", argv);
  }

  @Test
  void aPodReachesTheBackendThroughTheControllerService() {
    cluster.apply(site(8080));

    ExecResult r = curl("-s", "-H", "Host: shop.example.com", "http://ingress-nginx-controller.ingress-nginx");

    assertThat(r.stdout()).as("seed %d", SEED).isEqualTo("web-1");
    Disposition d = r.trace().orElseThrow().disposition();
    assertThat(d.object()).as("the pod behind the controller answered").contains(ObjectRef.pod("default", "web-1"));
    assertThat(d.reason()).contains("Service port default/web:80");
  }

  @Test
  void anUnknownHostGetsTheControllersOwn404Page() {
    cluster.apply(site(8080));

    ExecResult r = curl("-si", "http://ingress-nginx-controller.ingress-nginx/nothing");

    assertThat(r.stdout()).startsWith("HTTP/1.1 404 Not Found\r\n").contains("<hr><center>nginx</center>");
  }

  @Test
  void anEndpointThatRefusesGivesBadGateway() {
    cluster.apply(site(9999));

    ExecResult r = curl("-si", "-H", "Host: shop.example.com", "http://ingress-nginx-controller.ingress-nginx");

    assertThat(r.stdout()).as("seed %d", SEED).startsWith("HTTP/1.1 502 Bad Gateway\r\n");
    assertThat(r.trace().orElseThrow().disposition().objectText()).as("the controller answered itself")
        .startsWith("pod/ingress-nginx/ingress-nginx-controller-");
  }
}
