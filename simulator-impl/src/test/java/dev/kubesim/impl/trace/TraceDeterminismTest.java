package dev.kubesim.impl.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.NetTestClusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Traces are a pure function of the seed and the calls; the seed decides which endpoint answers. */
class TraceDeterminismTest {
  private static List<String> run(long seed) {
    List<String> out = new ArrayList<>();
    try (SimCluster c = NetTestClusters.build(seed)) {
      for (String url : List.of("http://kubia", "http://" + NetTestClusters.KUBIA_IP, "http://" + NetTestClusters.EMPTY_IP)) {
        ExecResult r = c.exec("default/client", "curl", "-s", url);
        Trace t = r.trace().orElseThrow();
        out.add(t.toJson());
        out.add(t.render());
      }
    }
    return out;
  }

  @Test
  void sameSeedGivesByteIdenticalTraceJson() {
    List<String> first = run(7);
    List<String> second = run(7);
    assertThat(second).as("seed 7").isEqualTo(first);
  }

  @Test
  void differentSeedsSpreadRequestsOverAllEndpoints() {
    Set<String> servedBy = new TreeSet<>();
    for (long seed = 1; seed <= 12; seed++) {
      try (SimCluster c = NetTestClusters.build(seed)) {
        ExecResult r = c.exec("default/client", "curl", "-s", "http://" + NetTestClusters.KUBIA_IP);
        assertThat(r.exitCode()).as("seed %d", seed).isZero();
        servedBy.add(r.trace().orElseThrow().disposition().objectText());
      }
    }
    assertThat(servedBy).as("seeds 1-12").containsExactly("pod/default/kubia-a", "pod/default/kubia-b", "pod/default/kubia-c");
  }

  @Test
  void jsonHoldsEveryHopAndTheDisposition() throws Exception {
    try (SimCluster c = NetTestClusters.build(3)) {
      Trace t = c.exec("default/client", "curl", "-s", "http://kubia").trace().orElseThrow();
      JsonNode json = new ObjectMapper().readTree(t.toJson());
      assertThat(json.get("title").asText()).isEqualTo("curl -s http://kubia in pod default/client");
      assertThat(json.get("hops")).hasSize(t.hops().size());
      JsonNode first = json.get("hops").get(0);
      assertThat(first.get("action").asText()).isEqualTo("RESOLVE");
      assertThat(json.get("disposition").get("kind").asText()).isEqualTo("DELIVERED");
      assertThat(json.get("schema").asText()).isEqualTo(Trace.SCHEMA);
      assertThat(json.get("disposition").get("cause").asText()).isEqualTo("ANSWERED");
      assertThat(json.get("disposition").get("object").get("kind").asText()).isEqualTo("pod");
      assertThat(json.get("disposition").get("object").get("name").asText()).startsWith("kubia-");
    }
  }

  @Test
  void textShowsOneLineAHopAndTheResult() {
    try (SimCluster c = NetTestClusters.build(3)) {
      Trace t = c.exec("default/client", "curl", "-s", "http://" + NetTestClusters.EMPTY_IP).trace().orElseThrow();
      String text = t.render();
      assertThat(text).startsWith("trace: curl -s http://10.96.1.6 in pod default/client\n");
      assertThat(text.lines().count()).isEqualTo(t.hops().size() + 3);
      assertThat(text).contains(" REJECT ").endsWith(
          "result: REFUSED by service/default/empty: REJECT: service default/empty has no endpoints\n");
    }
  }

  @Test
  void aCommandWithoutNetworkHasNoTrace() {
    try (SimCluster c = NetTestClusters.build(3)) {
      assertThat(c.exec("default/client", "ls", "/").trace()).isEmpty();
    }
  }
}
