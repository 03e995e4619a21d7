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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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

  /** The kubia lab's own lines, as a student who typed them all in order submits them. */
  private static List<String> kubiaLabCommands() {
    return BuiltInLabs.script("kubia").orElseThrow().lines().stream().filter(l -> !l.startsWith("#")).toList();
  }

  /** The kubia lab's lines with one line replaced by the student's own. */
  private static String kubiaHistoryWith(String labLine, String... instead) {
    List<String> lines = new ArrayList<>(kubiaLabCommands());
    int at = lines.indexOf(labLine);
    assertThat(at).as("the lab has the line %s", labLine).isNotNegative();
    lines.remove(at);
    lines.addAll(at, List.of(instead));
    return String.join("\n", lines) + "\n";
  }

  private static final String NODEPORT_TASK = "step 17, task: Expose the kubia pods to clients outside the cluster on "
      + "port 30123 of every node: a NodePort Service named kubia-nodeport, port 80 to the pods' port 8080.\n";
  private static final String HEADLESS_TASK = "step 32, task: Give the kubia pods a headless Service named "
      + "kubia-headless, port 80 to the pods' port 8080, so that DNS answers its name with the ready pods' own addresses.\n";

  @Test
  void theKubiaLabGradesAWholeSessionSolvedItsOwnWayByTheServicesLeftAtTheEnd() throws IOException {
    String exposed = kubiaHistoryWith("kubectl create -f kubia-svc-nodeport.yaml",
        "kubectl expose rc kubia --name=kubia-nodeport --type=NodePort --port=80 --target-port=8080",
        "kubectl patch svc kubia-nodeport -p '{\"spec\":{\"ports\":[{\"port\":80,\"nodePort\":30123}]}}'");
    List<String> lines = new ArrayList<>(exposed.lines().toList());
    int headless = lines.indexOf("kubectl create -f kubia-svc-headless.yaml");
    lines.set(headless, "kubectl expose rc kubia --name=kubia-headless --cluster-ip=None --port=80 --target-port=8080");
    Path history = dir.resolve("kubia-own-way.txt");
    Files.writeString(history, String.join("\n", lines) + "\n");

    Run r = kubesim("", "lab", "kubia", "--check", history.toString());

    assertThat(r.output()).isEqualTo("lab: Kubernetes in Action, chapter 5: Services.\n"
        + "history: 92 lines\n\n"
        + NODEPORT_TASK
        + "  ✓ service default/kubia-nodeport is NodePort 80:30123/TCP\n\n"
        + HEADLESS_TASK
        + "  ✓ service default/kubia-headless is headless 80/TCP\n\n"
        + "score: 2/2 checks passed\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void theKubiaLabsOwnCommandsPassItsTasks() throws IOException {
    Path history = dir.resolve("kubia.txt");
    Files.writeString(history, String.join("\n", kubiaLabCommands()) + "\n");
    Run r = kubesim("", "lab", "kubia", "--check", history.toString());
    assertThat(r.output()).contains("history: 91 lines\n").endsWith("score: 2/2 checks passed\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void aNodePortLeftToTheAllocatorFailsTheNodePortTaskOnlyAndTheReportIsTheSameEachRun() throws IOException {
    Path history = dir.resolve("kubia-any-port.txt");
    Files.writeString(history, kubiaHistoryWith("kubectl create -f kubia-svc-nodeport.yaml",
        "kubectl expose rc kubia --name=kubia-nodeport --type=NodePort --port=80 --target-port=8080"));

    Run r = kubesim("", "lab", "kubia", "--check", history.toString());

    assertThat(r.output()).as("seed 1")
        .containsPattern(Pattern.quote(NODEPORT_TASK)
            + "  ✗ service default/kubia-nodeport is NodePort 80:30123/TCP \\(found NodePort 80:3\\d{4}/TCP\\)\n\n")
        .contains(HEADLESS_TASK + "  ✓ service default/kubia-headless is headless 80/TCP\n")
        .endsWith("score: 1/2 checks passed\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(kubesim("", "lab", "kubia", "--check", history.toString()).output()).isEqualTo(r.output());
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
  }

  @Test
  void aHistoryThatIsNoFileIsAnError() {
    Run r = kubesim("", "lab", "kubia", "--check", dir.resolve("none.txt").toString());
    assertThat(r.output()).isEqualTo("kubesim: no such file: " + dir.resolve("none.txt") + "\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }
}
