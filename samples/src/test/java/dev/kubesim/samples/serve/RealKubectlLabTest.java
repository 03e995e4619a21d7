package dev.kubesim.samples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.ServedApi;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.samples.lab.BuiltInLabs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in lab's kubectl commands, run by the real kubectl against a served cluster and by
 * kubesim's own kubectl against a twin cluster (same seed, same calls): the outputs are the same,
 * apart from the differences between kubectl versions listed in {@link #VERSION_DIFFERENCES}.
 */
class RealKubectlLabTest {
  private static final long SEED = 1;

  /**
   * Where the real kubectl (v1.32 on this project's machines) and kubesim's (v1.34) print
   * differently, as (command, kubesim's text, the real one's text) replacements applied to
   * kubesim's output before comparing. Empty: none met in these commands.
   */
  static final List<String[]> VERSION_DIFFERENCES = List.of();

  @TempDir
  Path home;

  @Test
  void theLabsCommandsPrintWhatKubesimsKubectlPrints() throws IOException {
    Path binary = RealKubectl.binaryOrSkip();
    for (String manifest : List.of("kubia-rc.yaml", "kubia-svc.yaml", "kubia-svc-client-ip-session-affinity.yaml")) {
      Files.writeString(home.resolve(manifest), BuiltInLabs.file("kubia", manifest).orElseThrow(), StandardCharsets.UTF_8);
    }
    try (SimCluster served = (SimCluster) KubeSim.cluster().seed(SEED).build();
        SimCluster twin = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      ServedApi api = served.serve();
      RealKubectl real = new RealKubectl(binary, home, api.kubeconfig());
      List<String> differences = new ArrayList<>();
      String[] lines = {
        "create -f kubia-rc.yaml",
        "create -f kubia-svc.yaml",
        "get rc",
        "get svc",
        "describe svc kubia",
        "get pods",
        "get pods -o wide",
        "get endpoints kubia",
        "label pod $POD env=debug",
        "get pods --show-labels",
        "get pods -l env=debug",
        "scale rc kubia --replicas=5",
        "get rc kubia",
        "get pods",
        "scale rc kubia --replicas=3",
        "advance 30s",
        "get pods",
        "apply -f kubia-svc-client-ip-session-affinity.yaml",
        "apply -f kubia-svc-client-ip-session-affinity.yaml",
        "get svc kubia -o yaml",
        "expose rc kubia --name=kubia-http --port=80 --target-port=8080",
        "get svc",
        "get svc kubia-http -o json",
        "delete pod $POD",
        "get pods",
        "get all",
        "get pods nope",
        "delete svc nope",
        "delete po --all",
        "get pods",
        "delete rc kubia",
        "get pods",
        "get nodes -o wide",
        "get ns",
      };
      for (String line : lines) {
        if (line.startsWith("advance ")) {
          Duration d = Duration.ofSeconds(Long.parseLong(line.substring(8, line.length() - 1)));
          served.advance(d);
          twin.advance(d);
          continue;
        }
        String command = line.replace("$POD", firstPod(twin));
        KubectlResult own = twin.kubectl(command, name -> read(home.resolve(name)));
        RealKubectl.Result theirs = real.run(command);
        String expectedOut = own.stdout();
        String expectedErr = own.stderr();
        for (String[] d : VERSION_DIFFERENCES) {
          if (command.startsWith(d[0])) {
            expectedOut = expectedOut.replace(d[1], d[2]);
            expectedErr = expectedErr.replace(d[1], d[2]);
          }
        }
        if (!theirs.stdout().equals(expectedOut) || !theirs.stderr().equals(expectedErr)
            || theirs.exitCode() != own.exitCode()) {
          differences.add("$ kubectl " + command + "\n=== kubesim's kubectl: exit " + own.exitCode() + "\n" + expectedOut
              + "--- stderr\n" + expectedErr + "=== the real kubectl: " + theirs);
        }
      }
      assertThat(differences).as("seed %d", SEED).isEmpty();
    }
  }

  private static String firstPod(SimCluster cluster) {
    return cluster.list(Pod.class, "default").stream()
        .filter(p -> p.metadata().deletionTimestamp().isEmpty())
        .map(p -> p.metadata().nameOrEmpty()).findFirst().orElse("none");
  }

  private static Optional<String> read(Path p) {
    try {
      return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
