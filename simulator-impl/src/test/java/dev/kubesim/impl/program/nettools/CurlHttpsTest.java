package dev.kubesim.impl.program.nettools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * curl over HTTPS: ingress-nginx terminates TLS on 443, so {@code curl -k} gets the backend's answer
 * as the chapter's {@code curl -k -v https://kubia.example.com/kubia} does; without {@code -k} the
 * certificate is refused (exit 60); a plain HTTP port fails the handshake (exit 35).
 */
class CurlHttpsTest {
  private static final long SEED = 3;
  private static final String SITE = """
      apiVersion: v1
      kind: ReplicationController
      metadata: {name: kubia}
      spec:
        replicas: 2
        selector: {app: kubia}
        template:
          metadata: {labels: {app: kubia}}
          spec:
            containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: kubia-nodeport}
      spec:
        type: NodePort
        selector: {app: kubia}
        ports: [{port: 80, targetPort: 8080, nodePort: 30123}]
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: tls-secret}
      type: kubernetes.io/tls
      stringData: {tls.crt: "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n", tls.key: "-----BEGIN PRIVATE KEY-----\\nMIIB\\n-----END PRIVATE KEY-----\\n"}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: kubia}
      spec:
        tls:
        - hosts: [kubia.example.com]
          secretName: tls-secret
        rules:
        - host: kubia.example.com
          http:
            paths:
            - path: /kubia
              pathType: Prefix
              backend: {service: {name: kubia-nodeport, port: {number: 80}}}
      """;

  private final Cluster cluster =
      KubeSim.cluster().nodes(3).seed(SEED).addons(List.of("coredns", "ingress-nginx")).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private String ingressAddress() {
    return cluster.service("ingress-nginx", "ingress-nginx-controller").loadBalancerIP().orElseThrow();
  }

  @Test
  void insecureCurlThroughTheIngressGetsTheBackendsAnswer() {
    cluster.apply(SITE);
    ExecResult r = cluster.external().exec("curl", "-k", "-s", "-H", "Host: kubia.example.com",
        "https://" + ingressAddress() + "/kubia");

    assertThat(r.exitCode()).as("seed %d: %s", SEED, r.stderr()).isZero();
    assertThat(r.stdout()).startsWith("You've hit kubia-");
    Disposition d = r.trace().orElseThrow().disposition();
    assertThat(d.kind()).isEqualTo(Disposition.Kind.DELIVERED);
    assertThat(d.object().map(ObjectRef::kind)).hasValue("pod");
  }

  @Test
  void resolvePinsTheIngressNameToItsAddressAsTheSecondEditionDoes() {
    cluster.apply(SITE);
    String address = ingressAddress();
    ExecResult r = cluster.external().exec("curl", "-k", "-v", "-s", "--resolve", "kubia.example.com:443:" + address,
        "https://kubia.example.com/kubia");

    assertThat(r.exitCode()).as("seed %d: %s", SEED, r.stderr()).isZero();
    assertThat(r.stdout()).startsWith("You've hit kubia-");
    assertThat(r.stderr()).startsWith("* Added kubia.example.com:443:" + address + " to DNS cache\n"
        + "* Hostname kubia.example.com was found in DNS cache\n");
    assertThat(r.stderr()).contains("> Host: kubia.example.com\r\n");
    // an entry for another port pins nothing: the name is looked up and is not found
    assertThat(cluster.external().exec("curl", "-sS", "--resolve", "kubia.example.com:80:" + address,
        "https://kubia.example.com/kubia").exitCode()).isEqualTo(6);
  }

  @Test
  void verboseInsecureCurlShowsTheHandshakeAndCarriesOn() {
    cluster.apply(SITE);
    ExecResult r = cluster.external().exec("curl", "-k", "-v", "-s", "-H", "Host: kubia.example.com",
        "https://" + ingressAddress() + "/kubia");

    assertThat(r.exitCode()).as("seed %d", SEED).isZero();
    assertThat(r.stderr())
        .contains("* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n* TLSv1.3 (IN), TLS handshake, Server hello (2):\n")
        .contains("* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384\n")
        .contains("*  SSL certificate verify result: self-signed certificate (18), continuing anyway.\n")
        .contains("> GET /kubia HTTP/1.1\r\n");
  }

  @Test
  void verifyingCurlRefusesTheSimulatedCertificate() {
    cluster.apply(SITE);
    ExecResult r = cluster.external().exec("curl", "-sS", "-H", "Host: kubia.example.com",
        "https://" + ingressAddress() + "/kubia");

    assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(60);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).isEqualTo("""
        curl: (60) SSL certificate problem: self-signed certificate
        More details here: https://curl.se/docs/sslcerts.html

        curl failed to verify the legitimacy of the server and therefore could not
        establish a secure connection to it. To learn more about this situation and
        how to fix it, please visit the web page mentioned above.
        """);
    assertThat(r.trace().orElseThrow().disposition().cause()).isEqualTo(Disposition.Cause.UNTRUSTED_CERTIFICATE);
  }

  @Test
  void httpsToAPlainHttpPortFailsTheHandshake() {
    cluster.apply(SITE);
    String node = cluster.node("node-1").ip();
    ExecResult r = cluster.external().exec("curl", "-k", "-sS", "https://" + node + ":30123/");

    assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(35);
    assertThat(r.stderr()).startsWith("curl: (35) ");
    assertThat(r.trace().orElseThrow().disposition().cause()).isEqualTo(Disposition.Cause.TLS_NOT_SPOKEN);
  }
}
