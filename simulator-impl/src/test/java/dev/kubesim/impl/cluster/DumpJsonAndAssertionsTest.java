package dev.kubesim.impl.cluster;

import static dev.kubesim.assertj.KubeSimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster's state as JSON, the records' text, and the AssertJ assertions on views and results. */
class DumpJsonAndAssertionsTest {
  @Test
  void dumpJsonHoldsEveryObjectInKindNamespaceNameOrderAndIsTheSameForTheSameCalls() throws Exception {
    String first;
    try (Cluster cluster = KubeSim.cluster().seed(3).build()) {
      cluster.apply(ClusterQueriesTest.SHOP);
      first = cluster.dumpJson();
    }
    try (Cluster cluster = KubeSim.cluster().seed(3).build()) {
      cluster.apply(ClusterQueriesTest.SHOP);
      assertThat(cluster.dumpJson()).isEqualTo(first);
    }
    JsonNode list = new ObjectMapper().readTree(first);
    assertThat(list.get("kind").asText()).isEqualTo("List");
    List<String> keys = new ArrayList<>();
    for (JsonNode item : list.get("items")) {
      keys.add(item.get("kind").asText() + "\u0000" + item.path("metadata").path("namespace").asText("") + "\u0000"
          + item.path("metadata").path("name").asText());
    }
    assertThat(keys).isSorted().doesNotHaveDuplicates();
    assertThat(keys).anyMatch(k -> k.startsWith("Deployment\u0000default\u0000orders"));
    assertThat(keys).anyMatch(k -> k.startsWith("Node\u0000\u0000node-1"));
    assertThat(first).startsWith("{\n    \"apiVersion\": \"v1\",\n    \"items\": [");
  }

  @Test
  void execResultsPrintWithoutOptionalNoise() {
    assertThat(ExecResult.ok("hi\n").toString()).isEqualTo("exit 0, stdout \"hi\\n\", 0 ms");
    assertThat(ExecResult.failure(7, "curl: (7) x\n").toString()).isEqualTo("exit 7, stderr \"curl: (7) x\\n\", 0 ms");
  }

  @Test
  void assertionsPassOnAReadyServiceAndDeployment() {
    try (Cluster cluster = KubeSim.cluster().seed(3).build()) {
      cluster.apply(ClusterQueriesTest.SHOP);
      cluster.awaitReady(Duration.ofMinutes(1));
      assertThat(cluster.service("default", "orders")).hasClusterIP().hasType("NodePort").hasReadyEndpoints(2);
      assertThat(cluster.deployment("default", "orders")).hasReadyReplicas(2).isRolledOut();
      assertThat(cluster.http("client", "http://orders/")).hasStatus(200).bodyContains("Welcome to nginx")
          .hasHeader("Server", cluster.http("client", "http://orders/").header("server").orElseThrow())
          .answeredByPodOf("orders");
      assertThat(cluster.http("client", "http://nowhere/")).failedWithExitCode(6);
    }
  }

  @Test
  void failedAssertionsSayWhatWasExpectedAndWhatWas() {
    try (Cluster cluster = KubeSim.cluster().seed(3).build()) {
      cluster.apply(ClusterQueriesTest.SHOP);
      cluster.awaitReady(Duration.ofMinutes(1));
      assertThatThrownBy(() -> assertThat(cluster.service("default", "orders")).hasReadyEndpoints(5))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("Expecting service/default/orders to have 5 ready endpoints but was 2: [");
      assertThatThrownBy(() -> assertThat(cluster.deployment("default", "orders")).hasReadyReplicas(3))
          .hasMessageStartingWith("Expecting deployment/default/orders to have 3 ready replicas but was 2/2 ready (pods [pod/default/orders-");
      assertThatThrownBy(() -> assertThat(cluster.http("client", "http://nowhere/")).hasStatus(200))
          .hasMessageStartingWith("Expecting status 200 but was no response: curl (6) Could not resolve host: nowhere");
      assertThatThrownBy(() -> assertThat(cluster.http("client", "http://orders/")).answeredByPodOf("payments"))
          .hasMessageStartingWith("Expecting the answer to come from a pod of payments but was pod/default/orders-");
    }
  }
}
