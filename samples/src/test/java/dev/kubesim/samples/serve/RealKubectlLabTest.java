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
 * apart from the differences between kubectl versions listed in {@link #VERSION_DIFFERENCES} and
 * what the real kubectl measures with its own clock ({@link #withoutClientClock}).
 */
class RealKubectlLabTest {
  private static final long SEED = 1;

  /**
   * Where the real kubectl (v1.32 on this project's machines) and kubesim's (v1.34) print
   * differently, as (command, kubesim's text, the real one's text) replacements applied to
   * kubesim's output before comparing. Empty: none met in these commands.
   */
  static final List<String[]> VERSION_DIFFERENCES = List.of();

  /**
   * What the real kubectl measures against its own (wall) clock rather than the cluster's virtual
   * one, which starts at 2025-01-01: the ages of events in {@code describe}. Both outputs have those
   * cells blanked, and the event rows' spacing (which follows the cells' widths) collapsed.
   */
  static String withoutClientClock(String command, String text) {
    if (!command.startsWith("describe")) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    boolean events = false;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("Events:")) {
        events = true;
      } else if (!line.startsWith("  ")) {
        events = false;
      }
      if (events && line.startsWith("  ")) {
        String[] cells = line.strip().split(" {2,}");
        if (cells.length >= 3 && (cells[0].equals("Normal") || cells[0].equals("Warning"))) {
          cells[2] = "<age>";
        }
        line = "  " + String.join("  ", cells);
      }
      out.append(line).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  @TempDir
  Path home;

  @Test
  void theLabsCommandsPrintWhatKubesimsKubectlPrints() throws IOException {
    Path binary = RealKubectl.binaryOrSkip();
    for (String manifest : List.of("kubia-rc.yaml", "kubia-svc.yaml", "kubia-svc-client-ip-session-affinity.yaml")) {
      Files.writeString(home.resolve(manifest), BuiltInLabs.file("kubia", manifest).orElseThrow(), StandardCharsets.UTF_8);
    }
    Files.writeString(home.resolve("bad-svc.yaml"), """
        apiVersion: v1
        kind: Service
        metadata:
          name: bad
        spec:
          ports:
          - port: 0
          - port: 70000
        """, StandardCharsets.UTF_8);
    Files.writeString(home.resolve("unknown-field.yaml"), """
        apiVersion: v1
        kind: Service
        metadata:
          name: typo
        spec:
          selectr:
            app: kubia
          ports:
          - port: 80
        """, StandardCharsets.UTF_8);
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
        "create -f kubia-rc.yaml",
        "create -f kubia-rc.yaml",
        "create -f bad-svc.yaml",
        "create -f unknown-field.yaml",
        "describe rc kubia",
        "describe pod $POD",
        "get pods -o name",
        "get rc,svc",
        "get svc -A",
        "get pods -L app",
        "label pod $POD app=other",
        "label pod $POD tier=web",
        "label pod $POD tier-",
        "annotate svc kubia note=hello",
        "get svc kubia --no-headers",
        "delete pod $POD --wait=false",
        "get pods",
        "delete svc kubia-http --cascade=orphan",
        "get deployments",
        "get endpointslices",
        "api-resources",
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
        expectedOut = withoutClientClock(command, expectedOut);
        String theirOut = withoutClientClock(command, theirs.stdout());
        if (!theirOut.equals(expectedOut) || !theirs.stderr().equals(expectedErr)
            || theirs.exitCode() != own.exitCode()) {
          differences.add("$ kubectl " + command + "\n=== kubesim's kubectl: exit " + own.exitCode() + "\n" + expectedOut
              + "--- stderr\n" + expectedErr + "=== the real kubectl: exit " + theirs.exitCode() + "\n" + theirOut
              + "--- stderr\n" + theirs.stderr());
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
