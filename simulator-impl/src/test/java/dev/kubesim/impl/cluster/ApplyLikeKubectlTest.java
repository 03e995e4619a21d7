package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.KubectlResult;
import org.junit.jupiter.api.Test;

/** Cluster.apply(String) applies every valid document and reports the others, as kubectl apply does. */
class ApplyLikeKubectlTest {
  private static final long SEED = 5;
  private static final String THREE = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: ok1}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: Bad_}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: ok2}
      ---
      apiVersion: v1
      kind: Widget
      metadata: {name: w}
      """;

  @Test
  void validDocumentsAreAppliedAndEveryFailureIsReported() {
    try (Cluster cluster = KubeSim.cluster().nodes(1).seed(SEED).build()) {
      KubeSimException e = catchThrowableOfType(KubeSimException.class, () -> cluster.apply(THREE));
      assertThat(e.getMessage()).as("seed %d", SEED).isEqualTo(
          "resource mapping not found for name: \"w\" namespace: \"\" from \"STDIN\": no matches for kind \"Widget\" in version \"v1\"\n"
              + "ensure CRDs are installed first\n"
              + "error when applying \"STDIN\" (document 2): ConfigMap \"Bad_\" is invalid: metadata.name: Invalid value: \"Bad_\": "
              + "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end "
              + "with an alphanumeric character (e.g. 'example.com', regex used for validation is "
              + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
      assertThat(e.getSuppressed()).hasSize(2);
      assertThat(e.getSuppressed()[1]).isInstanceOf(InvalidObjectException.class);
      assertThat(cluster.get("ConfigMap", "default", "ok1")).isPresent();
      assertThat(cluster.get("ConfigMap", "default", "ok2")).isPresent();
    }
  }

  @Test
  void documentsBeforeOneThatDoesNotParseAreApplied() {
    try (Cluster cluster = KubeSim.cluster().nodes(1).seed(SEED).build()) {
      String text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkind: [\n---\n"
          + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n";
      KubeSimException e = catchThrowableOfType(KubeSimException.class, () -> cluster.apply(text));
      assertThat(e.getMessage()).startsWith("error parsing STDIN: error converting YAML to JSON: yaml: line ");
      assertThat(cluster.get("ConfigMap", "default", "a")).isPresent();
      assertThat(cluster.get("ConfigMap", "default", "c")).isEmpty();
    }
  }

  @Test
  void kubectlAppliesTheSameWayAndPrintsEachError() {
    try (Cluster cluster = KubeSim.cluster().nodes(1).seed(SEED).build()) {
      KubectlResult r = ((SimCluster) cluster).kubectl("apply -f -", THREE);
      assertThat(r.stdout()).isEqualTo("configmap/ok1 created\nconfigmap/ok2 created\n");
      assertThat(r.stderr()).contains("no matches for kind \"Widget\" in version \"v1\"")
          .contains("Error from server (Invalid): error when creating \"STDIN\": ConfigMap \"Bad_\" is invalid: metadata.name");
      assertThat(r.exitCode()).isEqualTo(1);
    }
  }
}
