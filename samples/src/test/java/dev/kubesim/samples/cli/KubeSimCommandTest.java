package dev.kubesim.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeSimCommandTest {
  private record Run(int exitCode, String output) {}

  private static Run run(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = KubeSimCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Run(code, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void builtInLabWalksTheChapterAndEndsWell() {
    Run lab = run("lab", "kubia");
    assertThat(lab.exitCode()).isZero();
    assertThat(lab.output())
        .contains("$ kubectl create -f kubia-rc.yaml\nreplicationcontroller/kubia created\n")
        .containsPattern("curl -s http://kubia\nYou've hit kubia-[bcdfghjklmnpqrstvwxz2456789]{5}\n")
        .contains("3 packets transmitted, 0 received, 100% packet loss")
        .containsPattern("(?m)^kubia {3,}10\\.244\\.\\d+\\.\\d+:8080,")
        .contains("replicationcontroller/kubia scaled");
  }

  @Test
  void theSameSeedGivesTheSameLabByteForByte() {
    assertThat(run("lab", "kubia", "--seed", "7").output()).isEqualTo(run("lab", "kubia", "--seed", "7").output());
  }

  @Test
  void runExecutesAScriptWithManifestsBesideIt(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("web.yaml"), """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
        """);
    Files.writeString(dir.resolve("lab.txt"), "# a tiny lab\ncreate -f web.yaml\nadvance 30s\nkubectl get svc web\n");
    Run result = run("run", dir.resolve("lab.txt").toString());
    assertThat(result.exitCode()).isZero();
    assertThat(result.output())
        .contains("$ kubectl create -f web.yaml\nservice/web created\n")
        .containsPattern("(?m)^web {3,}ClusterIP {3,}10\\.\\d+\\.\\d+\\.\\d+ {3,}<none> {3,}80/TCP {3,}3\\ds$");
  }

  @Test
  void unknownCommandsAndLabsSayWhatExists() {
    assertThat(run("nope").exitCode()).isEqualTo(2);
    Run lab = run("lab", "nope");
    assertThat(lab.exitCode()).isEqualTo(1);
    assertThat(lab.output()).contains("no built-in lab \"nope\"; known: kubia");
  }
}
