package dev.kubesim.impl.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.NetTestClusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster keeps its most recent traces in order. */
class TraceHistoryTest {
  private static final long SEED = 5;

  @Test
  void theClusterKeepsEveryCommandsTraceInOrder() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult first = c.exec("default/client", "curl", "-s", "http://kubia");
      c.exec("default/client", "hostname");
      ExecResult second = c.exec("default/client", "curl", "-s", "http://nonexistent");
      ExecResult outside = c.external().exec("curl", "-s", "-m", "1", "http://" + NetTestClusters.KUBIA_IP);

      assertThat(c.traces()).containsExactly(first.trace().orElseThrow(), second.trace().orElseThrow(),
          outside.trace().orElseThrow());
      c.clearTraces();
      assertThat(c.traces()).isEmpty();
    }
  }

  @Test
  void theClusterKeepsOnlyTheMostRecentTraces() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      List<Trace> made = new ArrayList<>();
      for (int i = 0; i < Cluster.TRACE_HISTORY + 2; i++) {
        made.add(c.exec("default/client", "curl", "-s", "http://10.244.1.10:1").trace().orElseThrow());
      }

      assertThat(c.traces()).hasSize(Cluster.TRACE_HISTORY)
          .isEqualTo(made.subList(2, made.size()));
    }
  }

  @Test
  void aHistoryForgetsItsOldestTraceWhenFull() {
    TraceHistory h = new TraceHistory(2);
    Trace a = TraceRecorder.recording("a", 0).finish(null);
    Trace b = TraceRecorder.recording("b", 0).finish(null);
    Trace d = TraceRecorder.recording("d", 0).finish(null);
    h.add(a);
    h.add(b);
    h.add(d);
    assertThat(h.list()).containsExactly(b, d);
  }
}
