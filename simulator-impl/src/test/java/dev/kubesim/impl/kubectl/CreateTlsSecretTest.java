package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.impl.cluster.SimCluster;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code kubectl create secret tls}, as the Ingress TLS section makes its secret. */
class CreateTlsSecretTest {
  private static final long SEED = 71;
  private static final String CERT = "-----BEGIN CERTIFICATE-----\nMIIBkzCCATmgAwIBAgIU\n-----END CERTIFICATE-----\n";
  private static final String KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n";
  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(1).seed(SEED).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private KubectlResult kubectl(String line, Map<String, String> files) {
    return cluster.kubectl(line, f -> Optional.ofNullable(files.get(f)));
  }

  @Test
  void theCertificateAndKeyBecomeATlsSecret() {
    KubectlResult r = kubectl("create secret tls tls-secret --cert=tls.cert --key=tls.key",
        Map.of("tls.cert", CERT, "tls.key", KEY));
    assertThat(r.stdout()).as("seed %d: %s", SEED, r.stderr()).isEqualTo("secret/tls-secret created\n");
    GenericObject secret = (GenericObject) cluster.get("Secret", "default", "tls-secret").orElseThrow();
    assertThat(secret.content()).containsEntry("type", "kubernetes.io/tls");
    assertThat(cluster.kubectl("get secret tls-secret").stdout()).contains("kubernetes.io/tls").contains("   2   ");
  }

  @Test
  void aFileWithoutPemDataIsRefusedAsKubectlRefusesIt() {
    KubectlResult r = kubectl("create secret tls t --cert=tls.cert --key=tls.key", Map.of("tls.cert", "not a cert", "tls.key", KEY));
    assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("error: failed to load key pair tls: failed to find any PEM data in certificate input\n");
    assertThat(kubectl("create secret tls t --cert=tls.cert", Map.of()).stderr()).isEqualTo("error: key and cert must be specified\n");
  }
}
