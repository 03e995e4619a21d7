package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogsCommandTest {
  private final KubectlFixture k = new KubectlFixture();

  @Test
  void logsShowTheContainerOutput() {
    k.apply("{apiVersion: v1, kind: Pod, metadata: {name: kubia}, spec: {containers: [{name: kubia, image: luksa/kubia}]}}");
    KubectlResult r = k.run("logs kubia");
    assertThat(r.output()).as("seed %d", KubectlFixture.SEED).isEqualTo("Kubia server starting...\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void logsKeepStdoutAndStderrInOrderAndTailTakesTheLastLines() {
    k.apply("""
        {apiVersion: v1, kind: Pod, metadata: {name: job},
         spec: {restartPolicy: Never, containers: [{name: c, image: busybox, command: [sh, -c, 'echo one; echo two >&2; echo three']}]}}
        """);
    assertThat(k.output("logs job")).isEqualTo("one\ntwo\nthree\n");
    assertThat(k.output("logs job --tail 2")).isEqualTo("two\nthree\n");
    assertThat(k.output("logs job --tail=0")).isEmpty();
    assertThat(k.output("logs job -c c --prefix --tail 1")).isEqualTo("[pod/job/c] three\n");
  }

  @Test
  void logsPreviousShowTheInstanceBeforeTheRestart() {
    k.apply("""
        {apiVersion: v1, kind: Pod, metadata: {name: crash},
         spec: {containers: [{name: c, image: busybox, command: [sh, -c, 'echo started; exit 1']}]}}
        """);
    k.cluster.advance(Duration.ofSeconds(30));
    assertThat(k.output("logs crash")).isEqualTo("started\n");
    assertThat(k.output("logs crash --previous")).isEqualTo("started\n");
  }

  @Test
  void logsOfAContainerNotStartedYetSayItIsWaiting() {
    k.cluster.api().create(ObjectCodec.decode(ManifestReader.read("test",
        "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c, image: nginx}]}}").get(0)));
    k.cluster.loop().advance(Duration.ofMillis(100));
    KubectlResult r = k.run("logs p");
    assertThat(r.stderr()).isEqualTo("Error from server (BadRequest): container \"c\" in pod \"p\" is waiting to start: "
        + "ContainerCreating\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void logsOfAFreshContainerHaveNoPreviousInstance() {
    k.apply("{apiVersion: v1, kind: Pod, metadata: {name: kubia}, spec: {containers: [{name: kubia, image: luksa/kubia}]}}");
    assertThat(k.run("logs kubia -p").stderr())
        .isEqualTo("Error from server (BadRequest): previous terminated container \"kubia\" in pod \"kubia\" not found\n");
  }

  @Test
  void logsOfAMissingPodAreKubectlsWrappedNotFound() {
    assertThat(k.run("logs nope").stderr())
        .isEqualTo("error: error from server (NotFound): pods \"nope\" not found in namespace \"default\"\n");
    assertThat(k.run("logs").stderr()).isEqualTo("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
        + "POD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
  }

  @Test
  void logsOfAControllerReadTheFirstOfItsPods() {
    k.apply("""
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: kubia}
        spec:
          replicas: 2
          selector: {app: kubia}
          template:
            metadata: {labels: {app: kubia}}
            spec: {containers: [{name: kubia, image: luksa/kubia}]}
        """);
    assertThat(k.output("logs rc/kubia")).isEqualTo("Kubia server starting...\n");
    assertThat(k.output("logs -l app=kubia")).isEqualTo("Kubia server starting...\nKubia server starting...\n");
  }
}
