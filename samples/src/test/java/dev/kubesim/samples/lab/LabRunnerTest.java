package dev.kubesim.samples.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.cluster.SimCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabRunnerTest {
  private static final long SEED = 3;

  @Test
  void podReferenceSkipsAPodThatIsTerminating() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      LabRunner runner = new LabRunner(cluster, name -> Optional.empty(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
      cluster.apply("""
          apiVersion: v1
          kind: ReplicationController
          metadata: {name: kubia}
          spec:
            replicas: 2
            selector: {app: kubia}
            template:
              metadata: {labels: {app: kubia}}
              spec:
                containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]
          """);
      List<String> names = cluster.list(Pod.class, "default").stream().map(p -> p.metadata().nameOrEmpty()).sorted().toList();
      String first = names.get(0);

      // kubia ignores SIGTERM: without waiting, the pod stays Terminating for its 30 s grace period.
      runner.runLine("kubectl delete pod " + first + " --wait=false");
      runner.runLine("kubectl exec $(pod app=kubia) -- hostname");

      Pod deleted = cluster.get(Pod.class, "default", first).orElseThrow();
      assertThat(deleted.metadata().deletionTimestamp()).as("seed %d", SEED).isPresent();
      String output = bytes.toString(StandardCharsets.UTF_8);
      assertThat(output).as("seed %d", SEED)
          .doesNotContain("kubectl exec " + first + " --")
          .containsPattern("\\$ kubectl exec (kubia-\\w{5}) -- hostname\n\\1\n");
    }
  }

  @Test
  void aPipeAfterKubectlRunsOnTheHostAndTheLineShowsAsTyped() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      LabRunner runner = new LabRunner(cluster, name -> Optional.empty(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
      cluster.apply("""
          apiVersion: v1
          kind: ReplicationController
          metadata: {name: kubia}
          spec:
            replicas: 3
            selector: {app: kubia}
            template:
              metadata: {labels: {app: kubia}}
              spec:
                containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]
          """);

      runner.runLine("kubectl get pods -o name | grep kubia | wc -l");
      runner.runLine("get pods -o name | grep -c nothing");

      assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
          "$ kubectl get pods -o name | grep kubia | wc -l\n3\n\n$ kubectl get pods -o name | grep -c nothing\n0\n\n");
    }
  }

  @Test
  void aManifestTheLabProvidesIsNamedByItsFileNameInKubectlsMessages() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      String old = "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: kubia}\n";
      LabRunner runner = new LabRunner(cluster, name -> name.equals("kubia-ingress.yaml") ? Optional.of(old) : Optional.empty(),
          new PrintStream(bytes, true, StandardCharsets.UTF_8));

      runner.runLine("kubectl create -f kubia-ingress.yaml");

      assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("$ kubectl create -f kubia-ingress.yaml\n"
          + "error: resource mapping not found for name: \"kubia\" namespace: \"\" from \"kubia-ingress.yaml\": "
          + "no matches for kind \"Ingress\" in version \"extensions/v1beta1\"\nensure CRDs are installed first\n\n");
    }
  }

  private static final String KUBIA = """
      apiVersion: v1
      kind: ReplicationController
      metadata: {name: kubia, namespace: NS}
      spec:
        replicas: 2
        selector: {app: kubia}
        template:
          metadata: {labels: {app: kubia}}
          spec:
            containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: kubia, namespace: NS}
      spec: {selector: {app: kubia}, ports: [{port: 80, targetPort: 8080}]}
      """;

  private static String transcript(SimCluster cluster, String... lines) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LabRunner runner = new LabRunner(cluster, name -> Optional.empty(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    runner.run(new LabScript("test", List.of(lines)));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void execDashItOpensTheContainersShellForTheLinesThatFollow() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      cluster.apply(KUBIA.replace("NS", "default"));
      String pod = cluster.list(Pod.class, "default").get(0).metadata().nameOrEmpty();
      String prompt = "root@" + pod + ":";

      String out = transcript(cluster,
          "kubectl exec -it " + pod + " -- bash",
          "cd /tmp",
          "X=5",
          "echo $X $(pwd)",
          "# a comment stays the lab's narration",
          "nosuch",
          "exit 3",
          "kubectl get svc kubia -o name");

      assertThat(out).as("seed %d", SEED).isEqualTo("$ kubectl exec -it " + pod + " -- bash\n"
          + prompt + "/# cd /tmp\n"
          + prompt + "/tmp# X=5\n"
          + prompt + "/tmp# echo $X $(pwd)\n"
          + "5 /tmp\n"
          + "# a comment stays the lab's narration\n"
          + prompt + "/tmp# nosuch\n"
          + "bash: nosuch: command not found\n"
          + prompt + "/tmp# exit 3\n"
          + "exit\n"
          + "command terminated with exit code 3\n"
          + "\n"
          + "$ kubectl get svc kubia -o name\n"
          + "service/kubia\n\n");
    }
  }

  @Test
  void dollarQuestionMarkOnTheNextLineIsTheStatusOfAKubectlLine() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      String out = transcript(cluster,
          "kubectl get pod nope",
          "echo first $?",
          "kubectl get pods",
          "echo then $?",
          "kubectl get pod nope",
          "echo again $?");

      assertThat(out).contains("$ echo first $?\nfirst 1\n", "$ echo then $?\nthen 0\n", "$ echo again $?\nagain 1\n");
    }
  }

  @Test
  void runDashItAttachesTheTerminalToThePodsShellUntilItExitsThenRemovesThePod() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      cluster.apply(KUBIA.replace("NS", "default"));
      String out = transcript(cluster,
          "kubectl run -it --rm client --image=busybox -- sh",
          "wget -qO- http://kubia",
          "exit",
          "kubectl run -it once --image=busybox --restart=Never -- sh",
          "exit 3");

      assertThat(out).as("seed %d", SEED).matches("(?s)\\$ kubectl run -it --rm client --image=busybox -- sh\n"
          + "If you don't see a command prompt, try pressing enter.\n"
          + "/ # wget -qO- http://kubia\n"
          + "You've hit kubia-[a-z0-9]{5}\n"
          + "/ # exit\n"
          + "Session ended, resume using 'kubectl attach client -c client -i -t' command when the pod is running\n"
          + "pod \"client\" deleted\n\n"
          + "\\$ kubectl run -it once --image=busybox --restart=Never -- sh\n"
          + "If you don't see a command prompt, try pressing enter.\n"
          + "/ # exit 3\n"
          + "pod default/once terminated \\(Error\\)\n\n");
      assertThat(cluster.kubectl("logs once").stdout()).as("what the shell printed is the container's log").isEmpty();
    }
  }

  @Test
  void execWithATerminalGivesTheCommandATerminalSoCurlShowsNoProgressMeter() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      cluster.apply(KUBIA.replace("NS", "default"));
      String withTerminal = transcript(cluster, "kubectl exec -it $(pod app=kubia) -- curl http://kubia");
      String without = transcript(cluster, "kubectl exec $(pod app=kubia) -- curl http://kubia");

      assertThat(withTerminal).as("seed %d", SEED).doesNotContain("% Total").contains("You've hit kubia-");
      assertThat(without).contains("% Total").contains("You've hit kubia-");
    }
  }

  @Test
  void redisCliWithoutACommandPromptsForCommandsAndPrintsRepliesAsOnATerminal() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      String out = transcript(cluster,
          "kubectl run redis --image=redis",
          "advance 5s",
          "kubectl exec -it redis -- redis-cli",
          "CONFIG GET maxmemory",
          "set greeting \"hello world\"",
          "get greeting",
          "exit",
          "kubectl get pod redis -o name");

      assertThat(out).as("seed %d", SEED).contains("$ kubectl exec -it redis -- redis-cli\n"
          + "127.0.0.1:6379> CONFIG GET maxmemory\n"
          + "1) \"maxmemory\"\n2) \"0\"\n"
          + "127.0.0.1:6379> set greeting \"hello world\"\n"
          + "OK\n"
          + "127.0.0.1:6379> get greeting\n"
          + "\"hello world\"\n"
          + "127.0.0.1:6379> exit\n\n"
          + "$ kubectl get pod redis -o name\npod/redis\n");
    }
  }

  @Test
  void kubectlsStreamsAreShownInTheOrderItWroteThem() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      String out = transcript(cluster, "kubectl run -i --rm t --image=busybox --restart=Never -- sh -c \"sleep 5; echo out; exit 3\"");

      assertThat(out).as("seed %d", SEED).isEqualTo("$ kubectl run -i --rm t --image=busybox --restart=Never -- sh -c \"sleep 5; echo out; exit 3\"\n"
          + "If you don't see a command prompt, try pressing enter.\n"
          + "out\n"
          + "pod \"t\" deleted\n"
          + "pod default/t terminated (Error)\n\n");
    }
  }

  @Test
  void aForegroundPortForwardEndsAsCtrlCEndsItWhichTheTerminalEchoes() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      cluster.apply(KUBIA.replace("NS", "default"));
      String out = transcript(cluster, "kubectl port-forward svc/kubia 18080:80");

      assertThat(out).as("seed %d", SEED).isEqualTo("$ kubectl port-forward svc/kubia 18080:80\n"
          + "Forwarding from 127.0.0.1:18080 -> 8080\nForwarding from [::1]:18080 -> 8080\n^C\n\n");
    }
  }

  @Test
  void attachJoinsTheRestartedShellOfARunDashItPodAgain() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      String out = transcript(cluster,
          "kubectl run -it box --image=busybox -- sh",
          "exit",
          "kubectl attach box -c box -i -t",
          "echo again",
          "exit");

      assertThat(out).as("seed %d", SEED).endsWith("$ kubectl attach box -c box -i -t\n"
          + "If you don't see a command prompt, try pressing enter.\n"
          + "/ # echo again\n"
          + "again\n"
          + "/ # exit\n"
          + "Session ended, resume using 'kubectl attach box -c box -i -t' command when the pod is running\n\n");
      // the first exit restarted the shell at once; the second waits out the 10 s back-off
      assertThat(cluster.kubectl("get pod box -o jsonpath={.status.containerStatuses[0].state.waiting.reason}"
          + "{.status.containerStatuses[0].restartCount}").stdout()).isEqualTo("CrashLoopBackOff1");
    }
  }

  @Test
  void theEndOfTheScriptEndsAShellStillOpenAsCtrlDWould() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      cluster.apply(KUBIA.replace("NS", "default"));
      String out = transcript(cluster, "kubectl exec -it $(pod app=kubia) -- sh", "ls /nope");

      assertThat(out).as("seed %d", SEED).endsWith("# ls /nope\n"
          + "ls: cannot access /nope: No such file or directory\n"
          + "# \n"
          + "command terminated with exit code 2\n\n");
    }
  }

  @Test
  void whatRunsInTheShellIsTracedForTheTraceCommand() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      cluster.apply(KUBIA.replace("NS", "default"));
      String out = transcript(cluster, "kubectl exec -it $(pod app=kubia) -- bash", "curl http://kubia", "exit", "trace");

      assertThat(out).as("seed %d", SEED)
          .containsPattern(":/# curl http://kubia\nYou've hit kubia-[a-z0-9]{5}\n[^\n]+:/# exit\nexit\n\n\\$ trace\n"
              + "trace: curl http://kubia in pod default/kubia-[a-z0-9]{5}\n")
          .contains("A? kubia.default.svc.cluster.local.")
          .containsPattern("result: DELIVERED by pod/default/kubia-[a-z0-9]{5}: HTTP/1.1 200 OK via Service port default/kubia");
    }
  }

  @Test
  void withoutATerminalTheShellEchoesTheLinesWithoutAPrompt() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      cluster.apply(KUBIA.replace("NS", "default"));
      String out = transcript(cluster, "kubectl exec -i $(pod app=kubia) -- sh", "echo hi", "exit");

      assertThat(out).as("seed %d", SEED).containsPattern("-- sh\necho hi\nhi\nexit\n\n$");
    }
  }

  @Test
  void podReferencesLookInTheNamespaceTheLineNames() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      cluster.apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
      cluster.apply(KUBIA.replace("NS", "shop"));
      String out = transcript(cluster,
          "kubectl exec -n shop -it $(pod app=kubia) -- bash",
          "curl -s http://kubia.shop",
          "hostname -f",
          "exit",
          "kubectl exec --namespace=shop $(pod app=kubia) -- curl -s http://$(clusterip kubia)");

      assertThat(out).as("seed %d", SEED)
          .containsPattern("\\$ kubectl exec -n shop -it (kubia-[a-z0-9]{5}) -- bash\nroot@\\1:/# curl -s http://kubia.shop\n"
              + "You've hit kubia-[a-z0-9]{5}\nroot@\\1:/# hostname -f\n\\1\n")
          .containsPattern("curl -s http://10\\.\\d+\\.\\d+\\.\\d+\nYou've hit kubia-[a-z0-9]{5}\n");
    }
  }

  @Test
  void tutorialLinesUseTheTerminalsShellVariablesLoopsAndHereDocuments() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      LabRunner runner = new LabRunner(cluster, name -> Optional.empty(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

      int failed = runner.run(LabScript.parse("tutorial", """
          cat <<EOF | kubectl apply -f -
          apiVersion: v1
          kind: Pod
          metadata:
            name: web
          spec:
            containers:
            - name: nginx
              image: nginx:1.27.3
          EOF
          kubectl wait --for=condition=Ready pod/web --timeout=60s
          POD=$(kubectl get pods -o jsonpath='{.items[0].metadata.name}')
          for i in 1 2; do kubectl exec "$POD" -- sh -c "echo try $i"; done
          """));

      assertThat(failed).isZero();
      assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
          $ cat <<EOF | kubectl apply -f -
          > apiVersion: v1
          > kind: Pod
          > metadata:
          >   name: web
          > spec:
          >   containers:
          >   - name: nginx
          >     image: nginx:1.27.3
          > EOF
          pod/web created

          $ kubectl wait --for=condition=Ready pod/web --timeout=60s
          pod/web condition met

          $ POD=$(kubectl get pods -o jsonpath='{.items[0].metadata.name}')

          $ for i in 1 2; do kubectl exec "$POD" -- sh -c "echo try $i"; done
          try 1
          try 2

          """);
    }
  }

  @Test
  void aLineLeavesKubectlOutOnlyWhereTheWordIsNotTheShells() {
    assertThat(LabRunner.leavesKubectlOut("get pods")).isTrue();
    assertThat(LabRunner.leavesKubectlOut("wait --for=condition=Ready pod/web")).isTrue();
    assertThat(LabRunner.leavesKubectlOut("set image deploy/web web=nginx:1.27")).isTrue();
    assertThat(LabRunner.leavesKubectlOut("set -e")).isFalse();
    assertThat(LabRunner.leavesKubectlOut("wait")).isFalse();
    assertThat(LabRunner.leavesKubectlOut("wait %1")).isFalse();
    assertThat(LabRunner.leavesKubectlOut("echo get")).isFalse();
  }

  @Test
  void kubectlAloneReadsTheFilesEarlierLinesWroteOnTheHost() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      LabRunner runner = new LabRunner(cluster, name -> Optional.empty(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

      runner.runLine("echo 'enemies=aliens' > game.properties");
      runner.runLine("kubectl create configmap game-config --from-file=game.properties");
      runner.runLine("kubectl get cm game-config -o yaml > cm.yaml");
      runner.runLine("kubectl delete cm game-config");
      runner.runLine("kubectl apply -f cm.yaml");

      assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("configmap/game-config created\n\n$ kubectl get cm",
          "configmap \"game-config\" deleted", "$ kubectl apply -f cm.yaml\nconfigmap/game-config created\n");
      assertThat(cluster.kubectl("get cm game-config -o yaml").stdout()).contains("game.properties: |\n    enemies=aliens\n");
    }
  }
}
