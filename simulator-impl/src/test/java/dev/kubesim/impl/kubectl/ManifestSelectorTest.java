package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code -l} with {@code -f}: kubectl's builder keeps only the file's objects the selector selects. */
class ManifestSelectorTest {
  private static final String FILE = """
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: reviews, labels: {account: reviews}}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: details, labels: {account: details}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: reviews-v3, labels: {app: reviews, version: v3}}
      data: {a: b}
      """;
  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(1).seed(6).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void applyAndDeleteActOnTheSelectedObjectsOfTheFile() {
    assertThat(cluster.kubectl("apply -f app.yaml -l app=reviews,version=v3", name -> java.util.Optional.of(FILE)).stdout())
        .isEqualTo("configmap/reviews-v3 created\n");
    cluster.kubectl("apply -f app.yaml", name -> java.util.Optional.of(FILE));
    assertThat(cluster.kubectl("delete -f app.yaml -l account=reviews", name -> java.util.Optional.of(FILE)).stdout())
        .isEqualTo("serviceaccount \"reviews\" deleted\n");
    assertThat(cluster.kubectl("get sa -o name").stdout()).isEqualTo("serviceaccount/default\nserviceaccount/details\n");
  }
}
