package dev.kubesim.samples.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.samples.cli.KubeSimCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabGradingTest {
  private static final String LAB = """
      # Scaling kubia

      Three kubia pods of a ReplicationController.

      ```kubesim
      kubectl create -f kubia-rc.yaml
      ```

      ```check
      pods default -l app=kubia: 3 running
      ```

      ```task
      Give the kubia pods one address: a Service named kubia,
      port 80 to the pods' 8080.
      ```

      ```check
      exists Service default/kubia
      ```

      ```task
      Scale the ReplicationController down to two pods.
      ```

      ```check
      pods default -l app=kubia: 2 running
      service default/kubia has 2 ready endpoints
      output contains scaled
      ```
      """;

  @TempDir
  Path dir;

  private record Run(int exitCode, String output) {}

  @BeforeEach
  void writeTheLabBesideItsManifests() throws IOException {
    Files.writeString(dir.resolve("lab.md"), LAB);
    for (String manifest : new String[] {"kubia-rc.yaml", "kubia-svc.yaml"}) {
      Files.writeString(dir.resolve(manifest), BuiltInLabs.file("kubia", manifest).orElseThrow());
    }
  }

  private Run kubesim(String input, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = KubeSimCommand.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Run(code, bytes.toString(StandardCharsets.UTF_8));
  }

  private Run grade(String history) throws IOException {
    Path file = dir.resolve("history.txt");
    Files.writeString(file, history);
    return kubesim("", "lab", dir.resolve("lab.md").toString(), "--check", file.toString());
  }

  @Test
  void aCorrectHistoryPassesEveryTaskAndExitsZero() throws IOException {
    Run r = grade("""
        kubectl create -f kubia-rc.yaml
        kubectl create -f kubia-svc.yaml
        kubectl get svc
        kubectl scale rc kubia --replicas=2
        """);

    assertThat(r.output()).isEqualTo("""
        lab: Scaling kubia
        history: 4 lines

        step 2, task: Give the kubia pods one address: a Service named kubia, port 80 to the pods' 8080.
          ✓ exists Service default/kubia

        step 3, task: Scale the ReplicationController down to two pods.
          ✓ pods default -l app=kubia: 2 running
          ✓ service default/kubia has 2 ready endpoints
          ✓ output contains scaled

        score: 4/4 checks passed
        """);
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void aWrongHistoryIsReportedCheckByCheckWithWhatWasFoundAndExitsOne() throws IOException {
    Run r = grade("""
        kubectl create -f kubia-rc.yaml
        kubectl scale rc kubia --replicas=4
        """);

    assertThat(r.output()).isEqualTo("""
        lab: Scaling kubia
        history: 2 lines

        step 2, task: Give the kubia pods one address: a Service named kubia, port 80 to the pods' 8080.
          ✗ exists Service default/kubia (found no Service default/kubia)

        step 3, task: Scale the ReplicationController down to two pods.
          ✗ pods default -l app=kubia: 2 running (found 4)
          ✗ service default/kubia has 2 ready endpoints (found no service default/kubia)
          ✓ output contains scaled

        score: 1/4 checks passed
        """);
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void theSameLabAndHistoryGiveTheSameReport() throws IOException {
    String history = "kubectl create -f kubia-rc.yaml\nkubectl create -f kubia-svc.yaml\n";
    Run first = grade(history);
    Run second = grade(history);
    assertThat(second.output()).isEqualTo(first.output()).contains("score: 1/4 checks passed");
  }

  @Test
  void theBuiltInNetworkPolicyLabGradesItsTask() throws IOException {
    String setUp = """
        kubectl create -f kubia-rc.yaml
        kubectl create -f kubia-svc.yaml
        kubectl create -f clients.yaml
        kubectl apply -f default-deny-ingress.yaml
        """;
    Path solved = dir.resolve("solved.txt");
    Files.writeString(solved, setUp + "kubectl apply -f allow-frontend.yaml\n");
    Run pass = kubesim("", "lab", "netpol", "--check", solved.toString());
    assertThat(pass.output()).isEqualTo("""
        lab: NetworkPolicy, after the Services chapter
        history: 5 lines

        step 6, task: Make the frontend, and only the frontend, reach the kubia pods on 8080.
          ✓ reachability 8080 default: frontend -> app=kubia allowed
          ✓ reachability 8080 default: other -> app=kubia denied
          ✓ curl frontend http://kubia answers
          ✓ curl other http://kubia is denied
          ✓ exists NetworkPolicy default/default-deny-ingress

        score: 5/5 checks passed
        """);
    assertThat(pass.exitCode()).isZero();

    // opening the pods to everyone reaches the frontend too, but not only the frontend
    Path tooOpen = dir.resolve("too-open.txt");
    Files.writeString(tooOpen, setUp + "kubectl delete networkpolicy default-deny-ingress\n");
    Run fail = kubesim("", "lab", "netpol", "--check", tooOpen.toString());
    assertThat(fail.output())
        .containsPattern("  ✗ reachability 8080 default: other -> app=kubia denied \\(found default/other -> "
            + "default/kubia-\\w{5} connected: .*\\)\n")
        .containsPattern("  ✗ curl other http://kubia is denied \\(found answered \\(ANSWERED by pod/default/kubia-\\w{5}\\)\\)\n")
        .contains("  ✗ exists NetworkPolicy default/default-deny-ingress (found no NetworkPolicy default/default-deny-ingress)\n")
        .endsWith("score: 2/5 checks passed\n");
    assertThat(fail.exitCode()).isEqualTo(1);
  }

  @Test
  void aStudentTriesUntilTheChecksPassOrSkips() {
    Run r = kubesim("""
        kubectl get svc
        kubectl create -f kubia-svc.yaml
        skip
        """, "lab", dir.resolve("lab.md").toString());

    assertThat(r.output()).startsWith("# Scaling kubia\n\nThree kubia pods of a ReplicationController.\n\n"
        + "$ kubectl create -f kubia-rc.yaml\nreplicationcontroller/kubia created\n\n"
        + "✓ pods default -l app=kubia: 3 running\n\n"
        + "Task: Give the kubia pods one address: a Service named kubia,\n"
        + "      port 80 to the pods' 8080.\n\n"
        + "$ kubectl get svc\n");
    assertThat(r.output()).contains("""
        ✗ exists Service default/kubia (found no Service default/kubia)

        $ kubectl create -f kubia-svc.yaml
        service/kubia created

        ✓ exists Service default/kubia

        Task: Scale the ReplicationController down to two pods.

        (skipped)

        """);
    assertThat(r.exitCode()).as("the skipped task's checks fail").isEqualTo(1);
  }

  @Test
  void aStudentWhoSolvesEveryTaskEndsTheLabWell() {
    Run r = kubesim("kubectl create -f kubia-svc.yaml\nkubectl scale rc kubia --replicas=2\n",
        "lab", dir.resolve("lab.md").toString());

    assertThat(r.output()).endsWith("""
        $ kubectl scale rc kubia --replicas=2
        replicationcontroller/kubia scaled

        ✓ pods default -l app=kubia: 2 running
        ✓ service default/kubia has 2 ready endpoints
        ✓ output contains scaled

        """);
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void theEndOfInputLeavesTheLabWithItsTaskUndone() {
    Run r = kubesim("kubectl get pods\n", "lab", dir.resolve("lab.md").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.output()).contains("✗ exists Service default/kubia").doesNotContain("Task: Scale");
  }

  @Test
  void aBrokenLabFileIsReportedWithItsLine() throws IOException {
    Path broken = dir.resolve("broken.md");
    Files.writeString(broken, "# Broken\n\n```kubesim\nkubectl get pods\n```\n\n```check\npods are fine\n```\n");
    Run r = kubesim("", "lab", broken.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.output()).startsWith("kubesim: " + broken + ":8: unknown check \"pods are fine\"; known checks: ");
  }

  @Test
  void aLabThatIsNeitherBuiltInNorAFileIsAnError() {
    Run r = kubesim("", "lab", "nope");
    assertThat(r.output()).isEqualTo("kubesim: no built-in lab \"nope\" and no such file; known: kubia, netpol\n");
    assertThat(kubesim("", "lab", "kubia", "--check", "h.txt").output())
        .isEqualTo("kubesim: lab kubia has no tasks to check: it is a plain script\n");
  }
}
