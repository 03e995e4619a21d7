package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code Cluster.execLine}: a command line split as the calling shell splits it, run without a shell. */
class ExecLineTest {
  private final Cluster cluster = KubeSim.cluster().nodes(1).seed(2).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private void busybox() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: bb}
        spec:
          containers: [{name: bb, image: busybox, command: [sleep, "3600"]}]
        """);
    cluster.advance(Duration.ofSeconds(5));
  }

  @Test
  void quotesAndBackslashesAreRemovedAndNothingIsExpanded() {
    busybox();
    assertThat(cluster.execLine("bb", "echo 'a  b' c\\ d \"$HOME\"").stdout()).isEqualTo("a  b c d $HOME\n");
  }

  @Test
  void operatorsTheCallingShellWouldActOnAreRefused() {
    busybox();
    assertThatThrownBy(() -> cluster.execLine("bb", "echo a; echo b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unquoted \";\"");
    assertThatThrownBy(() -> cluster.execLine("bb", "echo 'a"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
