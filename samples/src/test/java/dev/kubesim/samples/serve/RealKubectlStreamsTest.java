package dev.kubesim.samples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.ServedApi;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.samples.lab.BuiltInLabs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl's streaming commands against a served cluster — {@code exec} over the WebSocket
 * channel protocol (v5), with and without standard input, and {@code logs}, also followed — print
 * what kubesim's own kubectl prints on a twin cluster (same seed, same calls), exit codes included.
 */
class RealKubectlStreamsTest {
  private static final long SEED = 7;

  private static final String PODS = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: ticker
      spec:
        containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "while true; do echo tick; sleep 1; done"]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: once
      spec:
        restartPolicy: Never
        containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "echo one; echo two"]
      """;

  /**
   * Where kubectl v1.32 (the real one on this project's machines) and v1.34 (kubesim's) differ: a
   * container name the pod lacks is refused by v1.34 itself, naming the pod's containers, and by
   * v1.32's server, in the API server's words. (command prefix, kubesim's stderr, the real one's)
   */
  static final List<String[]> VERSION_DIFFERENCES = List.<String[]>of(new String[] {"exec $POD -c nope",
      "error: container nope is not valid for pod $POD out of: kubia\n",
      "Error from server (BadRequest): container nope is not valid for pod $POD\n"});

  @TempDir
  Path home;

  @Test
  void execAndLogsPrintWhatKubesimsKubectlPrints() throws IOException {
    Path binary = RealKubectl.binaryOrSkip();
    writeManifests();
    try (SimCluster served = (SimCluster) KubeSim.cluster().seed(SEED).build();
        SimCluster twin = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      ServedApi api = served.serve();
      RealKubectl real = new RealKubectl(binary, home, api.kubeconfig());
      String[][] lines = {
        {"create -f kubia-rc.yaml", ""},
        {"create -f kubia-svc.yaml", ""},
        {"create -f pods.yaml", ""},
        {"exec $POD -- curl -s http://kubia", ""},
        {"exec $POD -- curl -s http://kubia", ""},
        {"exec $POD -- ls /nope", ""},
        {"exec $POD -- nope", ""},
        {"exec $POD -c nope -- ls", ""},
        {"exec nope -- ls", ""},
        {"exec -i $POD -- cat", "hello\nworld\n"},
        {"exec -i $POD -- sh", "echo hi\nhostname\ncurl -s http://kubia\nexit 4\n"},
        {"exec -i $POD -- sh", "cd /tmp\npwd\n"},
        {"exec $POD -- sleep 2", ""},
        {"logs $POD", ""},
        {"logs ticker", ""},
        {"logs ticker --tail=2 --timestamps", ""},
        {"logs ticker --since=2s", ""},
        {"logs once", ""},
        {"logs -f once", ""},
        {"logs ticker -c nope", ""},
        {"logs nope", ""},
        {"run t -i --rm --image=busybox --restart=Never -- sh", "echo hi\nhostname\nexit 3\n"},
        {"run t2 -i --image=busybox --restart=Never -- sh", "echo hi\ncd /tmp\npwd\n"},
        {"logs t2", ""},
        {"run t3 -i --rm --image=busybox --restart=Never -- echo hello", ""},
        {"run t4 -i --image=busybox --dry-run=client -- sh", ""},
        {"run t5 -t --image=busybox -- sh", ""},
      };
      List<String> differences = new ArrayList<>();
      for (String[] line : lines) {
        String command = line[0].replace("$POD", firstPod(twin, "app=kubia"));
        KubectlResult own = command.startsWith("create")
            ? twin.kubectl(command, name -> read(home.resolve(name)))
            : twin.kubectl(command, line[1]);
        RealKubectl.Result theirs = real.run(command, line[1]);
        String expectedErr = own.stderr();
        for (String[] d : VERSION_DIFFERENCES) {
          String pod = firstPod(twin, "app=kubia");
          if (line[0].startsWith(d[0])) {
            expectedErr = expectedErr.replace(d[1].replace("$POD", pod), d[2].replace("$POD", pod));
          }
        }
        if (!theirs.stdout().equals(own.stdout()) || !theirs.stderr().equals(expectedErr)
            || theirs.exitCode() != own.exitCode()) {
          differences.add("$ kubectl " + command + "\n=== kubesim's kubectl: exit " + own.exitCode() + "\n" + own.stdout()
              + "--- stderr\n" + own.stderr() + "=== the real kubectl: " + theirs);
        }
      }
      assertThat(differences).as("seed %d", SEED).isEmpty();
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aFollowedLogCarriesEachLineAsVirtualTimePasses() throws IOException, InterruptedException {
    Path binary = RealKubectl.binaryOrSkip();
    writeManifests();
    try (SimCluster served = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      ServedApi api = served.serve();
      RealKubectl real = new RealKubectl(binary, home, api.kubeconfig());
      assertThat(real.run("create -f pods.yaml").exitCode()).isZero();
      long before = served.kubectl("logs ticker").stdout().lines().count();
      assertThat(before).as("the ticker has begun").isPositive();
      Process follow = real.start("logs -f ticker");
      LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(follow.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the process was ended
        }
      }, "kubectl-logs-reader");
      reader.setDaemon(true);
      reader.start();
      try {
        for (long i = 0; i < before; i++) {
          assertThat(lines.poll(30, TimeUnit.SECONDS)).isEqualTo("tick");
        }
        served.advance(Duration.ofSeconds(3));
        for (int i = 0; i < 3; i++) {
          assertThat(lines.poll(30, TimeUnit.SECONDS)).as("a line written after the follow began").isEqualTo("tick");
        }
        assertThat(follow.isAlive()).as("following until interrupted").isTrue();
      } finally {
        follow.destroy();
        follow.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private void writeManifests() throws IOException {
    for (String manifest : List.of("kubia-rc.yaml", "kubia-svc.yaml")) {
      Files.writeString(home.resolve(manifest), BuiltInLabs.file("kubia", manifest).orElseThrow(), StandardCharsets.UTF_8);
    }
    Files.writeString(home.resolve("pods.yaml"), PODS, StandardCharsets.UTF_8);
  }

  private static String firstPod(SimCluster cluster, String selector) {
    return cluster.pods("default", selector).stream()
        .filter(p -> p.metadata().deletionTimestamp().isEmpty())
        .map(Pod::metadata).map(m -> m.nameOrEmpty()).findFirst().orElse("none");
  }

  private static Optional<String> read(Path p) {
    try {
      return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
