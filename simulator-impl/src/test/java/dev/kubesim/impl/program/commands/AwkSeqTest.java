package dev.kubesim.impl.program.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.Cluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code seq} and the field-picking {@code awk} programs scripts use (seed 1). */
class AwkSeqTest {
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().seed(1).build();
    cluster.apply("{apiVersion: v1, kind: Pod, metadata: {name: box}, spec: {containers: [{name: c, image: busybox, command: [sleep, '3600']}]}}");
    cluster.advance(Duration.ofSeconds(2));
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private ExecResult sh(String script) {
    return cluster.exec("default/box", "sh", "-c", script);
  }

  @Test
  void seqCountsUpAndByAStep() {
    assertThat(sh("seq 3").stdout()).isEqualTo("1\n2\n3\n");
    assertThat(sh("seq 2 4").stdout()).isEqualTo("2\n3\n4\n");
    assertThat(sh("seq 10 -5 1").stdout()).isEqualTo("10\n5\n");
    assertThat(sh("seq x").stderr()).isEqualTo("seq: invalid number 'x'\n");
  }

  @Test
  void awkPrintsTheFieldsOfTheLinesThatMatch() {
    assertThat(sh("{ echo '  HTTP/1.1 200 OK'; echo '  Server: nginx'; } | awk '/^  HTTP/{print $2}'").stdout()).isEqualTo("200\n");
    assertThat(sh("echo 'a b c' | awk '{print $3, $1}'").stdout()).isEqualTo("c a\n");
    assertThat(sh("echo 'a:b:c' | awk -F: '{print $2}'").stdout()).isEqualTo("b\n");
    assertThat(sh("{ echo x; echo y; } | awk '/y/'").stdout()).isEqualTo("y\n");
  }
}
