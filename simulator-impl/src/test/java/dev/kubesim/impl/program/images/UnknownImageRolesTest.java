package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An image kubesim does not know plays the part its pod gives it: as a regular init container it
 * runs to completion, as a sidecar or app container it serves; and it has the programs its pod's
 * exec probes and lifecycle hooks name, which succeed silently.
 */
class UnknownImageRolesTest {
  private static final long SEED = 17;
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().nodes(2).seed(SEED).build();
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private String kubectl(String commandLine) {
    return cluster.kubectl(commandLine).stdout();
  }

  @Test
  void anUnknownInitContainerCompletesAndThePodGoesOn() {
    // Kubernetes in Action 2e, chapter 11: the quiz pod's installer is an image of the book's own.
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: quiz}
        spec:
          initContainers:
          - name: installer
            image: luksa/quiz-initdb-script-installer:0.1
          containers:
          - name: quiz-api
            image: luksa/quiz-api:0.1
            ports: [{name: http, containerPort: 8080}]
          - name: mongo
            image: mongo:5
        """);
    cluster.advance(Duration.ofMinutes(2));
    Pod pod = cluster.get(Pod.class, "default", "quiz").orElseThrow();
    PodStatus status = pod.status().orElseThrow();
    assertThat(status.phase()).as("seed %d", SEED).contains("Running");
    assertThat(status.initContainerStatuses()).hasSize(1);
    assertThat(kubectl("get pod quiz -o jsonpath={.status.initContainerStatuses[0].state.terminated.reason}/"
        + "{.status.initContainerStatuses[0].state.terminated.exitCode}")).isEqualTo("Completed/0");
    assertThat(kubectl("get pod quiz --no-headers")).startsWith("quiz   2/2   Running   0 ");
    // the app container of the same unknown kind still serves
    assertThat(cluster.exec("default/quiz", "quiz-api", List.of("curl", "-s", "localhost:8080")).stdout())
        .isEqualTo("quiz");
  }

  @Test
  void anUnknownImageGivenACommandInAPodThatDoesNotRestartRunsToItsEnd() {
    // the kubernetes.io Job example: perl computes pi and exits; kubesim runs no perl, so it ends at once
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: pi}
        spec:
          restartPolicy: Never
          containers:
          - name: pi
            image: perl:5.34.0
            command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: server}
        spec:
          restartPolicy: Never
          containers:
          - name: app
            image: example/app:1
            ports: [{containerPort: 8080}]
        """);
    cluster.advance(Duration.ofSeconds(30));
    assertThat(kubectl("get pod pi --no-headers")).as("seed %d", SEED).containsPattern("^pi +0/1 +Completed +0 ");
    // without a command of its own the image's server runs, whatever the restart policy
    assertThat(kubectl("get pod server --no-headers")).containsPattern("^server +1/1 +Running +0 ");
  }

  @Test
  void anUnknownNativeSidecarKeepsServing() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: app}
        spec:
          initContainers:
          - name: proxy
            image: example.com/acme/proxy:2
            restartPolicy: Always
            ports: [{containerPort: 15001}]
          containers:
          - name: main
            image: example.com/acme/app:1
        """);
    cluster.advance(Duration.ofMinutes(2));
    assertThat(kubectl("get pod app --no-headers")).as("seed %d", SEED).startsWith("app   2/2   Running   0 ");
    assertThat(kubectl("get pod app -o jsonpath={.status.initContainerStatuses[0].started}")).isEqualTo("true");
    assertThat(cluster.exec("default/app", "main", List.of("curl", "-s", "localhost:15001")).stdout()).isEqualTo("app");
  }

  @Test
  void theProgramsOfItsPodsExecProbesAndHooksSucceedSilently() {
    // podinfo's own probes name its CLI, which only its image has
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: podinfo}
        spec:
          containers:
          - name: podinfod
            image: ghcr.io/stefanprodan/podinfo:6.7.1
            command: [./podinfo, --port=9898]
            ports: [{name: http, containerPort: 9898}]
            livenessProbe:
              exec: {command: [podcli, check, http, localhost:9898/healthz]}
            readinessProbe:
              exec: {command: [podcli, check, http, localhost:9898/readyz]}
            lifecycle:
              preStop:
                exec: {command: [/usr/local/bin/drain.sh, --wait=5]}
          - name: agent
            image: example.com/acme/agent:1
            startupProbe:
              exec: {command: [./bin/agent-ready]}
        """);
    cluster.advance(Duration.ofMinutes(3));
    assertThat(kubectl("get pod podinfo --no-headers")).as("seed %d", SEED).startsWith("podinfo   2/2   Running   0 ");
    ExecResult podcli = cluster.exec("default/podinfo", "podinfod", List.of("podcli", "check", "http", "localhost:9898/readyz"));
    assertThat(podcli.exitCode()).isZero();
    assertThat(podcli.stdout()).isEmpty();
    assertThat(podcli.stderr()).isEmpty();
    // the names of every container's probes and hooks, in each unknown-image container of the pod
    assertThat(cluster.exec("default/podinfo", "agent", List.of("podcli")).exitCode()).isZero();
    assertThat(cluster.exec("default/podinfo", "podinfod", List.of("/usr/local/bin/drain.sh")).exitCode()).isZero();
    assertThat(cluster.exec("default/podinfo", "agent", List.of("sh", "-c", "./bin/agent-ready && echo ok")).stdout())
        .isEqualTo("ok\n");
    assertThat(cluster.exec("default/podinfo", "podinfod", List.of("ls", "/usr/local/bin")).stdout())
        .isEqualTo("drain.sh\npodcli\n");
    // anything else is still missing, as the image's own programs are not known
    ExecResult other = cluster.exec("default/podinfo", "podinfod", List.of("podinfo-admin"));
    assertThat(other.exitCode()).isEqualTo(126);
    assertThat(other.stderr()).contains("exec: \"podinfo-admin\": executable file not found in $PATH");
    // a program the image already has is the image's own
    assertThat(cluster.exec("default/podinfo", "podinfod", List.of("sh", "-c", "echo $0")).stdout()).isEqualTo("sh\n");
  }

  @Test
  void aKnownImageGetsNoStandIns() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
          - name: nginx
            image: nginx:1.27
            readinessProbe:
              exec: {command: [nginx-ready]}
        """);
    cluster.advance(Duration.ofMinutes(1));
    assertThat(kubectl("get pod web --no-headers")).as("seed %d", SEED).startsWith("web   0/1   Running   0 ");
    assertThat(cluster.exec("default/web", "nginx", List.of("nginx-ready")).exitCode()).isEqualTo(126);
  }
}
