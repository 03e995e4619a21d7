package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  @Test
  void execDashIGivesTheCommandKubectlsInput() {
    KubectlResult r = k.run("exec -i web -c app -- sh", "echo $HOSTNAME\nnosuch\necho done\n");
    assertThat(r.stdout()).as("seed %d", KubectlFixture.SEED).isEqualTo("web\ndone\n");
    assertThat(r.stderr()).isEqualTo("sh: nosuch: not found\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void execDashItWithoutATerminalSaysSoAndReadsTheInput() {
    KubectlResult r = k.run("exec -it web -c app -- sh", "echo hi; exit 3");
    assertThat(r.stdout()).as("seed %d", KubectlFixture.SEED).isEqualTo("hi\n");
    assertThat(r.stderr()).isEqualTo("Unable to use a TTY - input is not a terminal or the right kind of file\n"
        + "command terminated with exit code 3\n");
    assertThat(r.exitCode()).isEqualTo(3);
  }

  @Test
  void execDashTWithoutDashIIsDroppedAsKubectlDropsIt() {
    KubectlResult r = k.run("exec -t web -c app -- sh", "echo never read");
    assertThat(r.output()).as("seed %d", KubectlFixture.SEED).isEmpty();
    assertThat(r.exitCode()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-it", "-ti", "-i -t", "--stdin --tty", "-t -i"})
  void execOfAShellAtATerminalAttachesItUntilExit(String flags) {
    Kubectl.TerminalRun run = k.kubectl.runAtTerminal("exec " + flags + " web -c app -- sh", name -> Optional.empty());
    assertThat(run.result().output()).as("seed %d", KubectlFixture.SEED).isEmpty();
    InteractiveExec shell = run.attached().orElseThrow();
    assertThat(shell.terminal()).isTrue();
    assertThat(shell.prompt()).isEqualTo("/ # ");
    assertThat(shell.type("cd /tmp; X=4").line().screen()).isEmpty();
    assertThat(shell.prompt()).isEqualTo("/tmp # ");
    assertThat(shell.type("ls /nope; echo $X").line().screen())
        .isEqualTo("ls: /nope: No such file or directory\n4\n");
    assertThat(shell.isOpen()).isTrue();
    assertThat(shell.type("exit $X").line().ended()).isTrue();
    assertThat(shell.closing()).isEqualTo(new KubectlResult("", "command terminated with exit code 4\n", 4));
  }

  @Test
  void execDashIAtATerminalWithoutDashTAttachesAShellThatDoesNotPrompt() {
    InteractiveExec shell = k.kubectl.runAtTerminal("exec -i web -c app -- sh", name -> Optional.empty()).attached().orElseThrow();
    assertThat(shell.terminal()).as("seed %d", KubectlFixture.SEED).isFalse();
    assertThat(shell.prompt()).isEmpty();
    assertThat(shell.type("nosuch").line().screen()).isEqualTo("sh: nosuch: not found\n");
    assertThat(shell.endOfInput().screen()).isEmpty();
    assertThat(shell.closing()).isEqualTo(new KubectlResult("", "command terminated with exit code 127\n", 127));
  }

  @Test
  void execAtATerminalOfAShellTheImageLacksIsContainerdsInternalError() {
    Kubectl.TerminalRun run = k.kubectl.runAtTerminal("exec -it web -c app -- bash", name -> Optional.empty());
    assertThat(run.attached()).as("seed %d", KubectlFixture.SEED).isEmpty();
    assertThat(run.result().stderr()).matches("error: Internal error occurred: error executing command in container: failed "
        + "to exec in container: failed to start exec \"[0-9a-f]{64}\": OCI runtime exec failed: exec failed: unable to start "
        + "container process: exec: \"bash\": executable file not found in \\$PATH: unknown\n");
    assertThat(run.result().exitCode()).isEqualTo(1);
  }

  @Test
  void execAtATerminalOfACommandThatIsNoShellRunsItAsUsual() {
    Kubectl.TerminalRun run = k.kubectl.runAtTerminal("exec -it web -c app -- sh -c 'echo once'", name -> Optional.empty());
    assertThat(run.attached()).as("seed %d", KubectlFixture.SEED).isEmpty();
    assertThat(run.result().output()).isEqualTo("once\n");
  }
}
