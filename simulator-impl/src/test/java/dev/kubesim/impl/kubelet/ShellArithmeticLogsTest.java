package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A container whose command counts with the shell's arithmetic, seen through {@code kubectl logs} (seed 1). */
class ShellArithmeticLogsTest {
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().seed(1).build();
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private String logs(String pod) {
    return cluster.kubectl("logs " + pod).stdout();
  }

  @Test
  void aTickerLogsOneNumberedTickPerSecondOfVirtualTime() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: ticker}
        spec:
          containers:
          - name: ticker
            image: busybox
            command: [sh, -c, 'i=0; while true; do echo tick $i; i=$((i+1)); sleep 1; done']
        """);
    cluster.kubectl("wait --for=condition=Ready pod/ticker");
    String first = logs("ticker");
    assertThat(first).as("seed 1").startsWith("tick 0\n").doesNotContain("not supported");
    int seen = first.split("\n").length;
    cluster.advance(Duration.ofSeconds(3));
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < seen + 3; i++) {
      expected.append("tick ").append(i).append('\n');
    }
    assertThat(logs("ticker")).as("seed 1").isEqualTo(expected.toString());
    assertThat(cluster.kubectl("get pod ticker").stdout()).as("seed 1").contains("Running");
  }

  @Test
  void aDashScriptThatDividesByZeroFailsItsContainerWithStatusTwo() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: divider}
        spec:
          restartPolicy: Never
          containers:
          - name: divider
            image: debian
            command: [sh, -c, 'n=0; echo $((10 / n)); echo unreachable']
        """);
    cluster.advance(Duration.ofSeconds(30));
    assertThat(logs("divider")).as("seed 1")
        .isEqualTo("sh: 1: arithmetic expression: division by zero: \"10 / n\"\n");
    assertThat(cluster.kubectl("get pod divider").stdout()).as("seed 1").contains("Error");
  }
}
