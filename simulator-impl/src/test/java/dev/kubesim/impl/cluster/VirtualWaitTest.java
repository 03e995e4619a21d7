package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.Cluster;
import dev.kubesim.api.ConditionTimeoutException;
import dev.kubesim.api.FakeApp;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.program.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** advanceUntil and awaitReady: virtual time moves only as far as the condition needs. */
class VirtualWaitTest {
  /** Two replicas whose readiness probe (every 5 s) gets what the fake app answers. */
  private static final String SLOW = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: slow}
      spec:
        replicas: 2
        selector: {matchLabels: {app: slow}}
        template:
          metadata: {labels: {app: slow}}
          spec:
            containers:
            - name: app
              image: slow
              ports: [{containerPort: 80}]
              readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
      """;

  /** A cluster whose Deployment {@code slow} is not ready until its app answers 200, which it does from now on. */
  private static Cluster notReadyYet() {
    Cluster cluster = KubeSim.cluster().seed(11).build();
    FakeApp app = cluster.fakeApp("slow").defaultResponse(HttpResponse.status(503, "warming up"));
    cluster.apply(SLOW);
    assertThat(cluster.deployment("default", "slow").readyReplicas()).isZero();
    app.defaultResponse(HttpResponse.ok("ready"));
    return cluster;
  }

  @Test
  void advanceUntilStopsAtTheFirstInstantTheConditionHolds() {
    try (Cluster cluster = notReadyYet()) {
      Duration before = cluster.now();
      Duration took = cluster.advanceUntil(Duration.ofMinutes(5), c -> c.deployment("default", "slow").readyReplicas() == 2);
      assertThat(took).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5));
      assertThat(cluster.now()).isEqualTo(before.plus(took));
    }
  }

  @Test
  void advanceUntilReturnsAtOnceWhenTheConditionAlreadyHolds() {
    try (Cluster cluster = KubeSim.cluster().seed(11).build()) {
      Duration before = cluster.now();
      assertThat(cluster.advanceUntil(Duration.ofHours(1), c -> true)).isZero();
      assertThat(cluster.now()).isEqualTo(before);
    }
  }

  @Test
  void advanceUntilTimesOutAtTheLimitNamingSeedAndVirtualTime() {
    try (Cluster cluster = KubeSim.cluster().seed(11).build()) {
      Duration before = cluster.now();
      assertThatThrownBy(() -> cluster.advanceUntil(Duration.ofSeconds(90), c -> false))
          .isInstanceOf(ConditionTimeoutException.class)
          .hasMessageContaining("timed out after PT1M30S waiting for the condition (seed 11, virtual time");
      assertThat(cluster.now()).isEqualTo(before.plusSeconds(90));
    }
  }

  @Test
  void awaitReadyWaitsForEveryWorkload() {
    try (Cluster cluster = notReadyYet()) {
      Duration took = cluster.awaitReady(Duration.ofMinutes(2));
      assertThat(took).isPositive();
      assertThat(cluster.deployment("default", "slow").rolledOut()).isTrue();
      assertThat(cluster.awaitReady("deployment", "default", "slow", Duration.ofSeconds(1))).isZero();
    }
  }

  @Test
  void awaitReadyNamesWhatIsNotReadyAndWhy() {
    try (Cluster cluster = KubeSim.cluster().seed(11).build()) {
      cluster.fakeApp("orders").defaultResponse(HttpResponse.status(503, "not yet"));
      cluster.apply("""
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: orders}
          spec:
            replicas: 1
            selector: {matchLabels: {app: orders}}
            template:
              metadata: {labels: {app: orders}}
              spec:
                containers:
                - {name: app, image: orders, ports: [{containerPort: 8080}], readinessProbe: {httpGet: {path: /ready, port: 8080}}}
          """);
      assertThatThrownBy(() -> cluster.awaitReady(Duration.ofMinutes(1)))
          .isInstanceOfSatisfying(ConditionTimeoutException.class, e -> {
            assertThat(e.getMessage()).contains("(seed 11, virtual time").contains("deployment default/orders: 0/1 ready");
            assertThat(e.pending()).anySatisfy(line -> assertThat(line)
                .startsWith("pod default/orders-")
                .endsWith(": Running, not ready: Readiness probe failed: HTTP probe failed with statuscode: 503"));
            assertThat(e.code()).isEqualTo(504);
          });
      assertThatThrownBy(() -> cluster.awaitReady("Deployment", "default", "nope", Duration.ofSeconds(5)))
          .isInstanceOf(ConditionTimeoutException.class)
          .hasMessageEndingWith(": deployment default/nope: not found");
    }
  }

  @Test
  void awaitReadyRefusesKindsItDoesNotWaitFor() {
    try (Cluster cluster = KubeSim.cluster().seed(11).build()) {
      assertThatThrownBy(() -> cluster.awaitReady("Service", "default", "kubernetes", Duration.ofSeconds(5)))
          .isInstanceOf(BadRequestException.class)
          .hasMessageContaining("not for \"Service\"");
    }
  }
}
