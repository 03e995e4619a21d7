package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Idle HorizontalPodAutoscalers (one failing for want of metrics, one whose target is at zero) in
 * virtual hours: the same objects and events whether the timers run one by one or are coalesced,
 * and the other timers stay coalesced around the HPA's.
 */
class HorizontalPodAutoscalerTimeTest {
  private static final long SEED = 5;

  private static final String DEPLOYMENTS = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: podinfo}
      spec:
        replicas: 3
        selector: {matchLabels: {app: podinfo}}
        template:
          metadata: {labels: {app: podinfo}}
          spec: {containers: [{name: podinfo, image: nginx}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: idle}
      spec:
        replicas: 0
        selector: {matchLabels: {app: idle}}
        template:
          metadata: {labels: {app: idle}}
          spec: {containers: [{name: idle, image: nginx}]}
      """;

  private static List<String> run(boolean coalescing, long[] coalesced) {
    List<String> seen = new ArrayList<>();
    try (SimCluster cluster = SimCluster.start(KubeSim.cluster().seed(SEED).options(), coalescing)) {
      cluster.apply(DEPLOYMENTS);
      cluster.kubectl("autoscale deployment podinfo --min=2 --max=4 --cpu-percent=80");
      cluster.kubectl("autoscale deployment idle --max=3");
      for (Duration d : List.of(Duration.ofSeconds(20), Duration.ofMinutes(7), Duration.ofHours(2))) {
        cluster.advance(d);
        for (String command : List.of("get hpa", "get hpa -o yaml", "get events -o yaml", "describe hpa",
            "get deployments")) {
          seen.add("$ kubectl " + command + "\n" + cluster.kubectl(command).stdout());
        }
      }
      coalesced[0] = cluster.loop().coalescedRuns();
    }
    return seen;
  }

  @Test
  void idleAutoscalersShowTheSameWhetherTimersAreCoalescedOrNot() {
    long[] none = new long[1];
    long[] some = new long[1];
    List<String> everyTick = run(false, none);
    List<String> coalesced = run(true, some);
    assertThat(coalesced).isEqualTo(everyTick);
    assertThat(String.join("\n", everyTick)).contains("FailedGetResourceMetric").contains("ScalingDisabled");
    assertThat(some[0]).as("runs taken at once in 2 virtual hours").isGreaterThan(1_000);
  }
}
