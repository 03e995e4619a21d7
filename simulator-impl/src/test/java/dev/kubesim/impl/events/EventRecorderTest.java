package dev.kubesim.impl.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventRecorderTest {
  private static final long SEED = 7;

  @Test
  void podWhoseEventNamesAreTooLongLivesAndGoesWithoutEvents() {
    // 240 characters: a valid Pod name, but "<name>.<16 hex digits>" is 257, too long for an Event.
    String name = "p".repeat(240);
    try (Cluster cluster = KubeSim.cluster().nodes(1).seed(SEED).build()) {
      cluster.apply("apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + "}\n"
          + "spec: {containers: [{name: c, image: nginx}]}\n");
      cluster.advance(Duration.ofSeconds(30));
      assertThat(cluster.get(Pod.class, "default", name).flatMap(Pod::status).flatMap(s -> s.phase()))
          .as("seed %d", SEED).hasValue("Running");

      cluster.delete("Pod", "default", name);
      cluster.advance(Duration.ofSeconds(60));

      assertThat(cluster.get(Pod.class, "default", name)).as("seed %d", SEED).isEmpty();
      assertThat(cluster.kubectl("get events").stdout()).doesNotContain(name);
    }
  }
}
