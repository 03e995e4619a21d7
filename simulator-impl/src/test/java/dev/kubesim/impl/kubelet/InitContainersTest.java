package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Init containers and native sidecars as the kubelet runs them (seed 1). */
class InitContainersTest {
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().seed(1).build();
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private String status(String pod) {
    String[] row = cluster.kubectl("get pod " + pod).stdout().split("\n")[1].trim().split(" {3,}");
    return row[1] + " " + row[2];
  }

  private Pod pod(String name) {
    return cluster.get(Pod.class, "default", name).orElseThrow();
  }

  @Test
  void initContainersRunOneAfterAnotherBeforeTheContainers() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          initContainers:
          - {name: first, image: busybox, command: [sh, -c, "sleep 10"]}
          - {name: second, image: busybox, command: [sh, -c, "sleep 10"]}
          containers:
          - {name: app, image: busybox, command: [sleep, "3600"]}
        """);
    assertThat(status("p")).isEqualTo("0/1 Init:0/2");
    assertThat(pod("p").status().orElseThrow().initContainerStatuses().get(1).state().orElseThrow().waiting().orElseThrow().reason())
        .contains("PodInitializing");
    cluster.advance(Duration.ofSeconds(10));
    assertThat(status("p")).isEqualTo("0/1 Init:1/2");
    cluster.advance(Duration.ofSeconds(10));
    assertThat(status("p")).isEqualTo("1/1 Running");
    assertThat(pod("p").status().orElseThrow().initContainerStatuses())
        .allSatisfy(s -> assertThat(s.state().orElseThrow().terminated().orElseThrow().reason()).contains("Completed"));
  }

  @Test
  void aFailingInitContainerIsRestartedWithBackOffOrFailsThePodUnderNever() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: again}
        spec:
          initContainers:
          - {name: fail, image: busybox, command: [sh, -c, "exit 1"]}
          containers:
          - {name: app, image: busybox, command: [sleep, "3600"]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: once}
        spec:
          restartPolicy: Never
          initContainers:
          - {name: fail, image: busybox, command: [sh, -c, "exit 1"]}
          containers:
          - {name: app, image: busybox, command: [sleep, "3600"]}
        """);
    assertThat(status("again")).isEqualTo("0/1 Init:CrashLoopBackOff");
    assertThat(status("once")).isEqualTo("0/1 Init:Error");
    assertThat(pod("once").status().orElseThrow().phase()).contains("Failed");
    assertThat(pod("again").status().orElseThrow().phase()).contains("Pending");
  }

  @Test
  void aNativeSidecarStartsFirstKeepsRunningAndCountsInReady() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          initContainers:
          - {name: proxy, image: nginx, restartPolicy: Always}
          - {name: setup, image: busybox, command: [sh, -c, "sleep 5"]}
          containers:
          - {name: app, image: busybox, command: [sleep, "3600"]}
        """);
    assertThat(status("p")).isEqualTo("1/2 Init:1/2");
    cluster.advance(Duration.ofSeconds(5));
    assertThat(status("p")).isEqualTo("2/2 Running");
  }

  @Test
  void anInitContainerLoopingUntilAServiceExistsGoesOnOnceItDoes() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, labels: {app: p}}
        spec:
          initContainers:
          - {name: wait, image: busybox, command: [sh, -c, "until nslookup mysvc.default.svc.cluster.local; do sleep 2; done"]}
          containers:
          - {name: app, image: nginx}
        """);
    cluster.advance(Duration.ofMinutes(1));
    assertThat(status("p")).isEqualTo("0/1 Init:0/1");
    cluster.apply("{apiVersion: v1, kind: Service, metadata: {name: mysvc}, spec: {selector: {app: p}, ports: [{port: 80}]}}");
    cluster.advance(Duration.ofSeconds(3));
    assertThat(status("p")).isEqualTo("1/1 Running");
  }

  @Test
  void sidecarsAreStoppedOnceTheContainersOfACompletingPodHaveFinished() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: job}
        spec:
          restartPolicy: Never
          initContainers:
          - {name: proxy, image: nginx, restartPolicy: Always}
          containers:
          - {name: work, image: busybox, command: [sh, -c, "sleep 5"]}
        """);
    assertThat(status("job")).isEqualTo("2/2 Running");
    cluster.advance(Duration.ofSeconds(6));
    assertThat(status("job")).isEqualTo("0/2 Completed");
    assertThat(pod("job").status().orElseThrow().phase()).contains("Succeeded");
    assertThat(pod("job").status().orElseThrow().initContainerStatuses().get(0).state().orElseThrow().terminated()).isPresent();
  }
}
