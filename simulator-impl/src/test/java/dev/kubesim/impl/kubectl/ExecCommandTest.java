package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExecCommandTest {
  private final KubectlFixture k = new KubectlFixture().apply("""
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers:
        - {name: app, image: busybox, command: [sleep, infinity]}
        - {name: side, image: busybox, command: [sleep, infinity]}
      """);

  @Test
  void execReportsCommandExitCodeLikeKubectl() {
    KubectlResult r = k.run("exec web -c app -- sh -c 'echo out; echo err >&2; exit 3'");
    assertThat(r.stdout()).as("seed %d", KubectlFixture.SEED).isEqualTo("out\n");
    assertThat(r.stderr()).isEqualTo("err\ncommand terminated with exit code 3\n");
    assertThat(r.exitCode()).isEqualTo(3);
  }

  @Test
  void execPrintsTheProcessOutputAndExitsZero() {
    KubectlResult r = k.run("exec web -c app -- hostname");
    assertThat(r.output()).isEqualTo("web\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void execWithoutContainerPicksTheFirstAndSaysSo() {
    KubectlResult r = k.run("exec web -- hostname");
    assertThat(r.stdout()).isEqualTo("web\n");
    assertThat(r.stderr()).isEqualTo("Defaulted container \"app\" out of: app, side\n");
  }

  @Test
  void execOfAMissingPodIsTheApiServersNotFound() {
    KubectlResult r = k.run("exec nope -- ls");
    assertThat(r.stderr()).isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void execWithAnUnknownContainerListsThePodsContainers() {
    assertThat(k.run("exec web -c db -- ls").stderr())
        .isEqualTo("error: container db is not valid for pod web out of: app, side\n");
  }

  @Test
  void execWithoutDashIsRefusedAsKubectlDoesSinceV131() {
    KubectlResult r = k.run("exec web ls");
    assertThat(r.stderr()).isEqualTo("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n"
        + "See 'kubectl exec -h' for help and examples\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(k.run("exec web").stderr()).isEqualTo("error: you must specify at least one command for the container\n");
  }

  @Test
  void execOfAMissingProgramIsContainerdsInternalError() {
    KubectlResult r = k.run("exec web -c app -- nosuchtool");
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).matches("error: Internal error occurred: error executing command in container: failed to exec in "
        + "container: failed to start exec \"[0-9a-f]{64}\": OCI runtime exec failed: exec failed: unable to start container "
        + "process: exec: \"nosuchtool\": executable file not found in \\$PATH: unknown\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void execUnderAShellReportsAMissingProgramAsTheShellDoes() {
    KubectlResult r = k.run("exec web -c app -- sh -c nosuchtool");
    assertThat(r.stderr()).endsWith("command terminated with exit code 127\n");
    assertThat(r.exitCode()).isEqualTo(127);
  }

  @Test
  void execBeforeTheContainerRunsCannotUpgradeTheConnection() {
    // created without letting the cluster settle: bound, but the kubelet has not started the container
    k.cluster.api().create(ObjectCodec.decode(ManifestReader.read("test",
        "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c, image: busybox, command: [sleep, infinity]}]}}")
        .get(0)));
    k.cluster.loop().advance(Duration.ofMillis(100));
    assertThat(k.run("exec p -- ls").stderr()).isEqualTo("error: unable to upgrade connection: container not found (\"c\")\n");
  }

  @Test
  void execIntoAPodOnAStoppedNodeCannotReachItsKubelet() {
    String node = k.cluster.get(Pod.class, "default", "web").orElseThrow().spec().orElseThrow()
        .nodeName().orElseThrow();
    k.cluster.node(node).stop();
    assertThat(k.run("exec web -c app -- ls").stderr())
        .matches("Error from server: error dialing backend: dial tcp [0-9.]+:10250: connect: no route to host\n");
  }
}
