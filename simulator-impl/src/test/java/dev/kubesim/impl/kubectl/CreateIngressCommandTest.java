package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.impl.cluster.SimCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code kubectl create ingress}, as kubectl's generator builds the Ingress from its flags. */
class CreateIngressCommandTest {
  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(1).seed(3).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void rulesGroupByHostWithExactPathsUnlessTheyEndInAStar() {
    KubectlResult r = cluster.kubectl("create ingress web --class=nginx --rule=example.com/=web:80 "
        + "--rule=example.com/admin*=web:http,tls=cert --rule=/other=svc:8080 --annotation a=b -o yaml --dry-run=client");
    assertThat(r.stdout()).isEqualTo("""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations:
            a: b
          creationTimestamp: null
          name: web
        spec:
          ingressClassName: nginx
          rules:
          - host: example.com
            http:
              paths:
              - backend:
                  service:
                    name: web
                    port:
                      number: 80
                path: /
                pathType: Exact
              - backend:
                  service:
                    name: web
                    port:
                      name: http
                path: /admin
                pathType: Prefix
          - http:
              paths:
              - backend:
                  service:
                    name: svc
                    port:
                      number: 8080
                path: /other
                pathType: Exact
          tls:
          - hosts:
            - example.com
            secretName: cert
        status:
          loadBalancer: {}
        """);
  }

  @Test
  void theIngressIsCreatedOnceAndAgainFailsWithTheGeneratorsWords() {
    assertThat(cluster.kubectl("create ingress web --rule=example.com/*=web:80").stdout())
        .isEqualTo("ingress.networking.k8s.io/web created\n");
    KubectlResult again = cluster.kubectl("create ingress web --rule=example.com/*=web:80");
    assertThat(again.stderr())
        .isEqualTo("error: failed to create ingress: ingresses.networking.k8s.io \"web\" already exists\n");
    assertThat(again.exitCode()).isEqualTo(1);
  }

  @Test
  void flagsKubectlRefusesAreRefusedInItsWords() {
    assertThat(cluster.kubectl("create ingress web").stderr()).isEqualTo("error: not enough information provided: every "
        + "ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch "
        + "specific paths)\n");
    assertThat(cluster.kubectl("create ingress web --rule=nopath=web:80").stderr())
        .isEqualTo("error: rule nopath=web:80 is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n");
    assertThat(cluster.kubectl("create ingress web --default-backend=web").stderr())
        .isEqualTo("error: default-backend should be in format servicename:serviceport\n");
  }
}
