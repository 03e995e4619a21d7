package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.PodShell;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Cluster#shell}: one interactive shell in a container, line after line. */
class PodShellTest {
  private static final long SEED = 5;

  private final Cluster cluster = KubeSim.cluster().seed(SEED).build();

  PodShellTest() {
    cluster.apply("""
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: kubia}
        spec:
          replicas: 2
          selector: {app: kubia}
          template:
            metadata: {labels: {app: kubia}}
            spec: {containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: kubia}
        spec: {selector: {app: kubia}, ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec: {containers: [{name: app, image: luksa/kubia}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: box, namespace: default}
        spec: {containers: [{name: box, image: busybox, command: [sleep, infinity]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: alp}
        spec: {containers: [{name: alp, image: alpine, command: [sleep, infinity]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: deb}
        spec: {containers: [{name: deb, image: debian, command: [sleep, infinity]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: agn}
        spec: {containers: [{name: agn, image: 'registry.k8s.io/e2e-test-images/agnhost:2.52', args: [pause]}]}
        """);
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void thePromptIsTheImageShellsOwn() {
    assertThat(cluster.shell("web").prompt()).as("seed %d", SEED).isEqualTo("root@web:/# ");
    assertThat(cluster.shell("deb").prompt()).isEqualTo("root@deb:/# ");
    assertThat(cluster.shell("deb", "", List.of("sh")).prompt()).as("dash, as root").isEqualTo("# ");
    assertThat(cluster.shell("box").prompt()).as("no bash: sh, BusyBox ash").isEqualTo("/ # ");
    assertThat(cluster.shell("alp", "", List.of("ash")).prompt()).isEqualTo("/ # ");
    assertThat(cluster.shell("agn", "", List.of("bash")).prompt()).as("bash without Debian's bashrc").isEqualTo("bash-5.2# ");
  }

  @Test
  void thePromptFollowsTheWorkingDirectoryWithHomeAsTilde() {
    PodShell bash = cluster.shell("web");
    bash.run("cd /tmp");
    assertThat(bash.prompt()).as("seed %d", SEED).isEqualTo("root@web:/tmp# ");
    bash.run("cd");
    assertThat(bash.prompt()).isEqualTo("root@web:~# ");
    bash.run("PS1='\\W \\$ '");
    assertThat(bash.prompt()).isEqualTo("~ # ");

    PodShell ash = cluster.shell("box");
    ash.run("cd /etc");
    assertThat(ash.prompt()).isEqualTo("/etc # ");
  }

  @Test
  void variablesTheWorkingDirectoryAndTheEnvironmentCarryFromLineToLine() {
    PodShell sh = cluster.shell("web");
    assertThat(sh.run("X=one; export Y=two; cd /tmp").exitCode()).as("seed %d", SEED).isZero();
    assertThat(sh.run("echo $X $Y $(pwd)").stdout()).isEqualTo("one two /tmp\n");
    assertThat(sh.run("env | grep -E '^(X|Y|TERM)='").stdout())
        .as("only exported variables reach a child; containerd adds TERM for a terminal")
        .isEqualTo("TERM=xterm\nY=two\n");
    assertThat(sh.run("touch here; ls /tmp").stdout()).contains("here");
  }

  @Test
  void exitCodesAndDollarQuestionMark() {
    PodShell sh = cluster.shell("web");
    ExecResult failed = sh.run("ls /nope");
    assertThat(failed.exitCode()).as("seed %d", SEED).isEqualTo(2);
    assertThat(failed.stderr()).isEqualTo("ls: cannot access /nope: No such file or directory\n");
    assertThat(sh.run("echo $?").stdout()).isEqualTo("2\n");

    ExecResult missing = sh.run("nosuch");
    assertThat(missing.exitCode()).isEqualTo(127);
    assertThat(missing.stderr()).as("an interactive bash names no line").isEqualTo("bash: nosuch: command not found\n");
    assertThat(sh.run("echo $?").stdout()).isEqualTo("127\n");
    assertThat(sh.run("(exit 4)").exitCode()).isEqualTo(4);
    assertThat(sh.isOpen()).as("a subshell's exit is not the shell's").isTrue();
  }

  @Test
  void dashCountsTheLinesItHasRead() {
    PodShell dash = cluster.shell("deb", "", List.of("sh"));
    dash.run("true");
    dash.run("true");
    assertThat(dash.run("nosuch").stderr()).as("seed %d", SEED).isEqualTo("sh: 3: nosuch: not found\n");
    PodShell ash = cluster.shell("box");
    assertThat(ash.run("nosuch").stderr()).isEqualTo("sh: nosuch: not found\n");
  }

  @Test
  void aSyntaxErrorSetsTwoAndTheInteractiveShellReadsOn() {
    PodShell sh = cluster.shell("web");
    ExecResult r = sh.run("echo )");
    assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(2);
    assertThat(r.stderr()).isEqualTo("bash: syntax error near unexpected token `)'\n");
    assertThat(sh.isOpen()).isTrue();
    assertThat(sh.run("echo $?").stdout()).isEqualTo("2\n");
  }

  @Test
  void exitEndsTheShellAndBashSaysSo() {
    PodShell sh = cluster.shell("web");
    sh.run("false");
    ExecResult exit = sh.run("exit");
    assertThat(exit.exitCode()).as("seed %d; exit without a number passes on $?", SEED).isEqualTo(1);
    assertThat(exit.stderr()).isEqualTo("exit\n");
    assertThat(sh.isOpen()).isFalse();
    assertThat(sh.exitCode()).contains(1);
    assertThat(sh.prompt()).isEmpty();
    assertThatThrownBy(() -> sh.run("echo late")).isInstanceOf(IllegalStateException.class);

    PodShell three = cluster.shell("web");
    assertThat(three.run("exit 3").exitCode()).isEqualTo(3);
    assertThat(three.exitCode()).contains(3);

    PodShell ash = cluster.shell("box");
    assertThat(ash.run("exit 5").stderr()).as("ash says nothing").isEmpty();
    assertThat(ash.exitCode()).contains(5);
  }

  @Test
  void theEndOfInputEndsTheShellWithTheLastStatus() {
    PodShell sh = cluster.shell("web");
    sh.run("ls /nope");
    assertThat(sh.exitCode()).as("seed %d", SEED).isEmpty();
    sh.close();
    assertThat(sh.isOpen()).isFalse();
    assertThat(sh.exitCode()).contains(2);
    sh.close(); // twice is harmless
    assertThat(sh.exitCode()).contains(2);
  }

  @Test
  void whatRunsInsideIsTracedAndCurlAtTheTerminalShowsNoProgressMeter() {
    PodShell sh = cluster.shell("web");
    ExecResult r = sh.run("curl http://kubia");
    assertThat(r.stdout()).as("seed %d", SEED).matches("You've hit kubia-[a-z0-9]{5}\n");
    assertThat(r.stderr()).as("curl writes to a terminal: no progress meter").isEmpty();
    assertThat(r.trace()).isPresent();
    assertThat(r.trace().get().render()).contains("trace: curl http://kubia in pod default/web")
        .contains("kubia.default.svc.cluster.local");
    assertThat(((SimCluster) cluster).lastExecTrace()).isEqualTo(r.trace());

    ExecResult piped = sh.run("curl http://kubia | cat");
    assertThat(piped.stderr()).as("into a pipe, curl shows its meter").contains("% Total");
    assertThat(sh.run("cd /tmp").trace()).isEmpty();
  }

  @Test
  void aCommandThatNeverEndsIsInterruptedAsCtrlCWould() {
    PodShell sh = cluster.shell("web");
    ExecResult ping = sh.run("ping kubia");
    assertThat(ping.stdout()).as("seed %d", SEED)
        .matches("PING kubia\\.default\\.svc\\.cluster\\.local \\(10\\.[\\d.]+\\) 56\\(84\\) bytes of data\\.\n"
            + "\\^C\n--- kubia\\.default\\.svc\\.cluster\\.local ping statistics ---\n"
            + "3 packets transmitted, 0 received, 100% packet loss, time 2000ms\n\n");
    assertThat(ping.exitCode()).isEqualTo(1);
    assertThat(ping.elapsed()).isEqualTo(Duration.ofSeconds(3));

    ExecResult sleep = sh.run("sleep infinity");
    assertThat(sleep.stdout()).isEqualTo("^C\n");
    assertThat(sleep.exitCode()).as("killed by SIGINT").isEqualTo(130);
    assertThat(sh.isOpen()).isTrue();
  }

  @Test
  void aShellTheImageLacksFailsAsContainerdReportsIt() {
    assertThatThrownBy(() -> cluster.shell("box", "", List.of("bash")))
        .isInstanceOf(KubeSimException.class)
        .hasMessageMatching("Internal error occurred: error executing command in container: failed to exec in container: "
            + "failed to start exec \"[0-9a-f]{64}\": OCI runtime exec failed: exec failed: unable to start container process: "
            + "exec: \"bash\": executable file not found in \\$PATH: unknown")
        .extracting(e -> ((KubeSimException) e).reason()).isEqualTo("InternalError");
    assertThatThrownBy(() -> cluster.shell("box", "", List.of("sh", "-c", "echo hi")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a shell reading its input");
    assertThatThrownBy(() -> cluster.shell("nope")).hasMessage("pods \"nope\" not found");
  }

  @Test
  void theShellDiesWithItsContainer() {
    PodShell sh = cluster.shell("box");
    cluster.delete("Pod", "default", "box");
    assertThat(sh.run("echo still").stdout()).as("seed %d; sleep ignores SIGTERM: the pod terminates for 30 s", SEED)
        .isEqualTo("still\n");
    cluster.advance(Duration.ofSeconds(31));
    assertThat(sh.isOpen()).isFalse();
    assertThat(sh.exitCode()).contains(137);
  }
}
