package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Service;
import dev.kubesim.impl.cluster.SimCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code kubectl replace -f} writes the whole object over the stored one; {@code kubectl top} has no metrics API to ask. */
class ReplaceAndTopTest {
  private static final long SEED = 31;
  private static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata: {name: kubia, labels: {tier: %s}}
      spec:
        selector: {app: kubia}
        ports: [{port: 80, targetPort: 8080}]
      """;
  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(1).seed(SEED).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void replaceWritesTheManifestOverTheStoredObject() {
    cluster.apply(SERVICE.formatted("one"));
    String clusterIp = cluster.get(Service.class, "default", "kubia").orElseThrow().spec().orElseThrow().clusterIP().orElseThrow();
    KubectlResult r = cluster.kubectl("replace -f -", SERVICE.formatted("two"));

    assertThat(r.stdout()).as("seed %d: %s", SEED, r.stderr()).isEqualTo("service/kubia replaced\n");
    Service s = cluster.get(Service.class, "default", "kubia").orElseThrow();
    assertThat(s.metadata().labels()).containsEntry("tier", "two");
    assertThat(s.spec().orElseThrow().clusterIP()).hasValue(clusterIp);
  }

  @Test
  void replacingAnObjectThatDoesNotExistIsNotFound() {
    KubectlResult r = cluster.kubectl("replace -f -", SERVICE.formatted("one"));
    assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("Error from server (NotFound): error when replacing \"STDIN\": services \"kubia\" not found\n");
  }

  @Test
  void topSaysTheMetricsApiIsNotAvailable() {
    KubectlResult r = cluster.kubectl("top pods");
    assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("error: Metrics API not available\n");
    assertThat(cluster.kubectl("top node").stderr()).isEqualTo("error: Metrics API not available\n");
  }
}
