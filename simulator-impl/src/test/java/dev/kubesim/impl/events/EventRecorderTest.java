package dev.kubesim.impl.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.TestEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventRecorderTest {
  private static final long SEED = 7;
  private TestEngine engine;
  private EventRecorder recorder;
  private KubeObject pod;

  @BeforeEach
  void setUp() {
    engine = new TestEngine(SEED);
    recorder = new EventRecorder(engine.api, "kubelet", "node-1");
    pod = engine.create("{apiVersion: v1, kind: Pod, metadata: {name: web}, spec: {containers: [{name: c, image: nginx}]}}");
  }

  private List<Map<String, Object>> events() {
    return engine.api.list("Event", Optional.of("default")).stream().map(o -> ((GenericObject) o).content()).toList();
  }

  private void after(Duration d) {
    engine.loop.advance(d);
  }

  @Test
  void aRepeatedEventIsOneEventWhoseCountAndLastTimestampMove() {
    recorder.warning(pod, "Unhealthy", "Readiness probe failed: no");
    after(Duration.ofSeconds(10));
    recorder.warning(pod, "Unhealthy", "Readiness probe failed: no");
    after(Duration.ofSeconds(10));
    recorder.warning(pod, "Unhealthy", "Readiness probe failed: no");

    assertThat(events()).as("seed %d", SEED).hasSize(1);
    Map<String, Object> e = events().get(0);
    assertThat(e.get("count")).isEqualTo(3);
    assertThat(e.get("firstTimestamp")).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(e.get("lastTimestamp")).isEqualTo("2025-01-01T00:00:20Z");
  }

  @Test
  void differentMessagesAreDifferentEventsUntilTheTenthIsCombined() {
    for (int i = 1; i <= 9; i++) {
      recorder.normal(pod, "Pulled", "message " + i);
    }
    assertThat(events()).as("seed %d", SEED).hasSize(9);

    recorder.normal(pod, "Pulled", "message 10");
    recorder.normal(pod, "Pulled", "message 11");

    List<Map<String, Object>> combined = events().stream()
        .filter(e -> e.get("message").toString().startsWith("(combined from similar events): "))
        .toList();
    assertThat(combined).hasSize(1);
    assertThat(combined.get(0).get("message")).isEqualTo("(combined from similar events): message 11");
    assertThat(combined.get(0).get("count")).isEqualTo(2);
    assertThat(combined.get(0).get("reportingComponent")).isEqualTo("");
  }

  @Test
  void similarEventsTenMinutesApartStartAFreshGroup() {
    for (int i = 1; i <= 9; i++) {
      recorder.normal(pod, "Pulled", "message " + i);
    }
    after(Duration.ofMinutes(10).plusSeconds(1));
    recorder.normal(pod, "Pulled", "message 10");

    assertThat(events()).as("seed %d", SEED)
        .noneMatch(e -> e.get("message").toString().startsWith("(combined"));
  }

  @Test
  void aSourceSendsTwentyFiveEventsAboutAnObjectThenOneEveryFiveMinutes() {
    for (int i = 0; i < 40; i++) {
      recorder.warning(pod, "Unhealthy", "Readiness probe failed: no");
      after(Duration.ofSeconds(1));
    }
    // 25 writes got through; the logger counted all 40, the stored event says 25
    assertThat(events().get(0).get("count")).as("seed %d", SEED).isEqualTo(25);
    assertThat(events().get(0).get("lastTimestamp")).isEqualTo("2025-01-01T00:00:24Z");

    after(Duration.ofMinutes(5));
    recorder.warning(pod, "Unhealthy", "Readiness probe failed: no");
    assertThat(events().get(0).get("count")).isEqualTo(41);
  }

  @Test
  void eventsExpireAnHourAfterTheirLastWrite() {
    recorder.normal(pod, "Scheduled", "assigned");
    recorder.warning(pod, "Unhealthy", "no");
    after(Duration.ofMinutes(50));
    recorder.warning(pod, "Unhealthy", "no");
    after(Duration.ofMinutes(10).plusSeconds(1));

    assertThat(events()).as("seed %d", SEED).extracting(e -> e.get("reason")).containsExactly("Unhealthy");

    after(Duration.ofMinutes(50));
    assertThat(events()).isEmpty();
  }

  @Test
  void aRepeatAfterItsEventExpiredCreatesItAgainWithTheWholeCount() {
    recorder.warning(pod, "Unhealthy", "no");
    recorder.warning(pod, "Unhealthy", "no");
    after(Duration.ofHours(2));
    recorder.warning(pod, "Unhealthy", "no");

    assertThat(events()).as("seed %d", SEED).hasSize(1);
    assertThat(events().get(0).get("count")).isEqualTo(3);
    assertThat(events().get(0).get("firstTimestamp")).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(events().get(0).get("lastTimestamp")).isEqualTo("2025-01-01T02:00:00Z");
  }

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
