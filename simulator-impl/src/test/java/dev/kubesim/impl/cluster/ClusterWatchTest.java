package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ObjectChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Cluster#watch}: what a listener hears, and in which order. */
class ClusterWatchTest {
  @Test
  void aListenerHearsAPodsChangesInCommitOrderEvenWhenTheKubeletWritesDuringTheBind() {
    try (Cluster cluster = KubeSim.cluster().seed(1).build()) {
      List<ObjectChange> changes = new ArrayList<>();
      cluster.watch("Pod", changes::add);
      cluster.kubectl("create deployment web --image=nginx");
      cluster.advance(Duration.ofSeconds(30));

      List<Long> versions = changes.stream()
          .map(c -> Long.parseLong(c.object().metadata().resourceVersion().orElseThrow())).toList();
      assertThat(versions).hasSizeGreaterThanOrEqualTo(4).isSorted().doesNotHaveDuplicates();
      assertThat(changes.get(0).type()).isEqualTo("ADDED");
      // each change's previous object is the one the change before it delivered
      for (int i = 1; i < changes.size(); i++) {
        assertThat(changes.get(i).previous()).contains(changes.get(i - 1).object());
      }
    }
  }

  @Test
  void aListenerHearsOnlyItsKind() {
    try (Cluster cluster = KubeSim.cluster().seed(1).build()) {
      List<String> kinds = new ArrayList<>();
      cluster.watch("Service", c -> kinds.add(c.object().kind()));
      cluster.kubectl("create deployment web --image=nginx");
      cluster.kubectl("expose deployment web --port=80");
      cluster.advance(Duration.ofSeconds(5));

      assertThat(kinds).isNotEmpty().containsOnly("Service");
    }
  }
}
