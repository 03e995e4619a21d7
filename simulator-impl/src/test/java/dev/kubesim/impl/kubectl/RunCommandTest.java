package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import org.junit.jupiter.api.Test;

/** {@code kubectl run}, as kubectl v1.32 prints it (seed 1). */
class RunCommandTest {
  private final KubectlFixture k = new KubectlFixture();

  @Test
  void clientDryRunPrintsThePodKubectlWouldSend() {
    assertThat(k.output("run kiada --image=luksa/kiada:0.1 --port=8080 --env=A=1 --labels=app=kiada,tier=web"
        + " --dry-run=client -o yaml")).isEqualTo("""
        apiVersion: v1
        kind: Pod
        metadata:
          creationTimestamp: null
          labels:
            app: kiada
            tier: web
          name: kiada
        spec:
          containers:
          - env:
            - name: A
              value: "1"
            image: luksa/kiada:0.1
            name: kiada
            ports:
            - containerPort: 8080
            resources: {}
          dnsPolicy: ClusterFirst
          restartPolicy: Always
        status: {}
        """);
  }

  @Test
  void commandAndArgsFollowTheDoubleDash() {
    k.run("run c --image=busybox --restart=Never --command -- sleep 3600");
    k.run("run a --image=busybox --restart=OnFailure -- sleep 3600");
    Pod c = k.cluster.get(Pod.class, "default", "c").orElseThrow();
    Pod a = k.cluster.get(Pod.class, "default", "a").orElseThrow();
    assertThat(c.specOrEmpty().containers().get(0).command()).containsExactly("sleep", "3600");
    assertThat(c.specOrEmpty().restartPolicy()).contains("Never");
    assertThat(c.metadata().labels()).containsEntry("run", "c");
    assertThat(a.specOrEmpty().containers().get(0).args()).containsExactly("sleep", "3600");
    assertThat(a.specOrEmpty().restartPolicy()).contains("OnFailure");
  }

  @Test
  void exposeCreatesTheServiceFirst() {
    assertThat(k.output("run web --image=nginx --port=80 --expose")).isEqualTo("service/web created\npod/web created\n");
    Service svc = k.cluster.get(Service.class, "default", "web").orElseThrow();
    assertThat(svc.specOrEmpty().selector()).containsEntry("run", "web");
    assertThat(k.output("get endpoints web")).contains(":80");
  }

  @Test
  void attachedRunWithRmShowsTheOutputAndDeletesThePod() {
    assertThat(k.output("run -i --rm t --image=busybox --restart=Never -- echo hello")).isEqualTo("hello\npod \"t\" deleted\n");
    assertThat(k.cluster.get(Pod.class, "default", "t")).isEmpty();
  }

  @Test
  void errorsAsKubectlWordsThem() {
    assertThat(k.output("run x")).isEqualTo("error: required flag(s) \"image\" not set\n");
    assertThat(k.output("run --image=nginx")).isEqualTo("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
    assertThat(k.output("run x --image=nginx --restart=Bad"))
        .isEqualTo("error: invalid restart policy: Bad\nSee 'kubectl run -h' for help and examples\n");
    assertThat(k.output("run x --image=nginx --expose"))
        .isEqualTo("error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n");
  }

  @Test
  void anAttachedShellReadsKubectlsInputAndItsExitIsTheContainersAndKubectls() {
    KubectlResult r = k.run("run t -i --rm --image=busybox --restart=Never -- sh", "echo hi\nhostname\nexit 3\n");
    assertThat(r.stdout()).isEqualTo("hi\nt\npod \"t\" deleted\n");
    assertThat(r.stderr()).isEqualTo("If you don't see a command prompt, try pressing enter.\npod default/t terminated (Error)\n");
    assertThat(r.exitCode()).isEqualTo(3);
  }

  @Test
  void aShellWithStandardInputWaitsForItsInputAndItsOutputIsTheContainersLog() {
    KubectlResult r = k.run("run t -i --image=busybox --restart=Never -- sh", "cd /tmp\npwd\n");
    assertThat(r.stdout()).isEqualTo("/tmp\n");
    assertThat(k.output("logs t")).isEqualTo("/tmp\n");
    assertThat(k.output("get pod t -o jsonpath={.status.phase}")).isEqualTo("Succeeded");
    k.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: waiting}
        spec:
          containers: [{name: sh, image: busybox, command: [sh], stdin: true}]
        """);
    k.cluster.advance(java.time.Duration.ofMinutes(1));
    assertThat(k.output("get pod waiting -o jsonpath={.status.phase}")).as("its input is still open").isEqualTo("Running");
  }

  @Test
  void attachingNeedsStandardInputForATerminalAndNoDryRun() {
    assertThat(k.run("run t -t --image=busybox -- sh").stderr())
        .startsWith("error: -i/--stdin is required for containers with -t/--tty=true\n");
    assertThat(k.run("run t -i --image=busybox --dry-run=client -- sh").stderr()).startsWith(
        "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\n");
  }
}
