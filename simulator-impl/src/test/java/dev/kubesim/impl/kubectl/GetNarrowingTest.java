package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code kubectl get --field-selector} and {@code --sort-by}, as the docs use them. */
class GetNarrowingTest {
  private static final long SEED = 12;
  private final Cluster cluster = KubeSim.cluster().nodes(2).seed(SEED).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private void pods() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: zeta}
        spec: {nodeName: node-1, containers: [{name: c, image: nginx}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: alpha}
        spec: {nodeName: node-2, containers: [{name: c, image: nginx}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: done}
        spec: {nodeName: node-2, restartPolicy: Never, containers: [{name: c, image: busybox, command: ['true']}]}
        """);
    cluster.advance(java.time.Duration.ofSeconds(5));
  }

  private static List<String> names(KubectlResult r) {
    return r.stdout().lines().skip(1).map(l -> l.split(" +")[0]).toList();
  }

  @Test
  void aFieldSelectorKeepsTheObjectsWhoseFieldsMatch() {
    pods();
    assertThat(names(cluster.kubectl("get pods --field-selector spec.nodeName=node-2")))
        .as("seed %d", SEED).containsExactly("alpha", "done");
    assertThat(names(cluster.kubectl("get pods --field-selector=status.phase=Running,spec.nodeName!=node-1")))
        .containsExactly("alpha");
    assertThat(names(cluster.kubectl("get pods --field-selector metadata.name=zeta"))).containsExactly("zeta");
  }

  @Test
  void aFieldTheResourceDoesNotSelectOnIsTheServersBadRequest() {
    pods();
    KubectlResult r = cluster.kubectl("get pods --field-selector spec.containers=x");
    assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label "
        + "selector \"\", field selector \"spec.containers=x\": field label not supported: spec.containers\n");
  }

  @Test
  void sortByOrdersRowsByTheFieldsValue() {
    pods();
    assertThat(names(cluster.kubectl("get pods --sort-by=.metadata.name"))).as("seed %d", SEED)
        .containsExactly("alpha", "done", "zeta");
    assertThat(names(cluster.kubectl("get pods --sort-by={.spec.nodeName}")).get(0)).isEqualTo("zeta");
    assertThat(cluster.kubectl("get pods --sort-by=.metadata.name -o jsonpath={.items[*].metadata.name}").stdout())
        .isEqualTo("alpha done zeta");
    KubectlResult missing = cluster.kubectl("get pods --sort-by=.spec.nothing");
    assertThat(missing.stderr()).isEqualTo("error: couldn't find any field with path \"{.spec.nothing}\" in the list of objects\n");
  }
}
