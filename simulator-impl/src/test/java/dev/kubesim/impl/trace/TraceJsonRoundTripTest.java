package dev.kubesim.impl.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.trace.Trace;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.NetTestClusters;
import org.junit.jupiter.api.Test;

/** A trace's JSON reads back into the same trace. */
class TraceJsonRoundTripTest {
  private static final long SEED = 11;

  private static void assertRoundTrips(Trace t) {
    Trace back = Trace.fromJson(t.toJson());
    assertThat(back.title()).isEqualTo(t.title());
    assertThat(back.startedAt()).isEqualTo(t.startedAt());
    assertThat(back.hops()).isEqualTo(t.hops());
    assertThat(back.disposition()).isEqualTo(t.disposition());
    assertThat(back.render()).isEqualTo(t.render());
    assertThat(back.toJson()).isEqualTo(t.toJson());
    assertThat(Trace.fromJson(t.toJson())).isEqualTo(back);
  }

  @Test
  void aDeliveredRequestsTraceReadsBackEqual() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      assertRoundTrips(c.exec("default/client", "curl", "-s", "http://kubia").trace().orElseThrow());
    }
  }

  @Test
  void aRefusedAndAnUnresolvedRequestsTracesReadBackEqual() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      assertRoundTrips(c.exec("default/client", "curl", "-s", "http://" + NetTestClusters.EMPTY_IP).trace().orElseThrow());
      assertRoundTrips(c.exec("default/client", "curl", "-s", "http://nonexistent").trace().orElseThrow());
    }
  }

  @Test
  void theJsonNamesItsSchemaFirst() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      String json = c.exec("default/client", "curl", "-s", "http://kubia").trace().orElseThrow().toJson();
      assertThat(json).startsWith("{\"schema\":\"kubesim.dev/trace/v1\",\"title\":");
    }
  }

  @Test
  void anotherSchemaOrABrokenHopIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> Trace.fromJson("{\"schema\":\"kubesim.dev/trace/v0\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trace JSON: schema: unsupported value \"kubesim.dev/trace/v0\", expected \"kubesim.dev/trace/v1\"");
    assertThatThrownBy(() -> Trace.fromJson("{\"schema\":\"kubesim.dev/trace/v1\",\"title\":\"t\",\"startNanos\":0,"
        + "\"hops\":[{\"atNanos\":1,\"node\":\"n\",\"netns\":\"n\",\"where\":\"eth0\",\"action\":\"TELEPORT\"}],"
        + "\"disposition\":{}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trace JSON: hops[0].action: unsupported value \"TELEPORT\"");
    assertThatThrownBy(() -> Trace.fromJson("not json")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("trace JSON: not JSON: ");
  }
}
