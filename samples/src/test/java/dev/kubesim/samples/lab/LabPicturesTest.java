package dev.kubesim.samples.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab lines that draw: {@code trace --mermaid|--dot|--svg [FILE]} and {@code map --dot|--svg [--trace] [FILE]}. */
class LabPicturesTest {
  private static final long SEED = 3;

  private static SimCluster kubia() {
    SimCluster c = (SimCluster) KubeSim.cluster().seed(SEED).build();
    c.applyResource("dev/kubesim/samples/labs/kubia/kubia-rc.yaml");
    c.applyResource("dev/kubesim/samples/labs/kubia/kubia-svc.yaml");
    c.awaitReady(Duration.ofMinutes(2));
    return c;
  }

  private static String transcript(SimCluster cluster, String... lines) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LabRunner runner = new LabRunner(cluster, name -> Optional.empty(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    runner.run(new LabScript("test", List.of(lines)));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void traceMermaidPrintsTheLastRequestAsASequenceDiagram() {
    try (SimCluster c = kubia()) {
      String out = transcript(c, "kubectl exec $(pod app=kubia) -- curl -s http://kubia", "trace --mermaid");

      assertThat(out).as("seed %d", SEED).contains("$ trace --mermaid\nsequenceDiagram\n  title curl -s http://kubia in pod default/kubia-")
          .contains("DNAT by service/default/kubia (KUBE-SVC-");
    }
  }

  @Test
  void traceSvgAndDotAndMapSvgWriteTheirFiles(@TempDir Path dir) throws IOException {
    try (SimCluster c = kubia()) {
      Path svg = dir.resolve("curl.svg");
      Path dot = dir.resolve("curl.dot");
      Path map = dir.resolve("map.svg");
      String out = transcript(c, "kubectl exec $(pod app=kubia) -- curl -s http://kubia", "trace --svg " + svg,
          "trace --dot " + dot, "map --svg --trace " + map);

      assertThat(out).as("seed %d", SEED).contains("$ trace --svg " + svg + "\nwrote the trace of \"curl -s http://kubia in pod default/kubia-")
          .contains("wrote the cluster map to " + map + "\n");
      assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg ");
      assertThat(Files.readString(dot)).startsWith("digraph trace {");
      assertThat(Files.readString(map)).contains("cluster map: 3 nodes").contains("#e65100");
    }
  }

  @Test
  void mapDotPrintsTheClusterWithoutATrace() {
    try (SimCluster c = kubia()) {
      String out = transcript(c, "map --dot");

      assertThat(out).as("seed %d", SEED).contains("$ map --dot\ndigraph cluster_map {\n").contains("service default/kubia");
    }
  }

  @Test
  void aPictureOfNoRequestOrToAFileThatCannotBeWrittenIsAnError(@TempDir Path dir) {
    try (SimCluster c = kubia()) {
      Path nowhere = dir.resolve("missing/curl.svg");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      LabRunner runner = new LabRunner(c, name -> Optional.empty(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
      int failures = runner.run(new LabScript("test", List.of("trace --svg x.svg", "map --svg --trace",
          "kubectl exec $(pod app=kubia) -- curl -s http://kubia", "trace --svg " + nowhere)));
      String out = bytes.toString(StandardCharsets.UTF_8);

      assertThat(out).as("seed %d", SEED)
          .contains("$ trace --svg x.svg\nerror: no request has been traced yet: send one first (kubectl exec POD -- curl -s http://SERVICE)\n")
          .contains("$ map --svg --trace\nerror: no request has been traced yet: send one first, or leave out --trace\n")
          .contains("error: cannot write " + nowhere + ": No such file or directory\n");
      assertThat(failures).isEqualTo(3);
      assertThat(Path.of("x.svg")).doesNotExist();
    }
  }
}
