package dev.kubesim.samples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCommandTest {
  @TempDir Path dir;

  @Test
  void printsFailAndSkipLinesThenTheSummaryAndExitsNonZeroOnFailure() throws Exception {
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("b/two.yaml"), """
        name: t/two
        requires: [ipvs]
        steps:
        - {name: proxied, packet: {node: n, src: 1.1.1.1, dst: 2.2.2.2, dport: 80, proto: TCP}, expect: {verdict: DNAT}}
        """);
    Files.writeString(dir.resolve("a.yaml"), """
        name: t/one
        cluster: {addons: []}
        steps:
        - {name: listed, get: {kind: Service, namespace: default, name: kubernetes}, expect: {fields: {spec.type: ClusterIP}}}
        - {get: {kind: Service, namespace: default, name: kubernetes}, expect: {fields: {spec.type: NodePort}}}
        """);
    Files.writeString(dir.resolve("notes.txt"), "not a scenario");
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int exit = new ConformanceCommand().run(List.of(dir), new PrintStream(buffer, true, StandardCharsets.UTF_8));
    assertThat(exit).isEqualTo(1);
    assertThat(buffer.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "FAIL t/one :: step 2: spec.type: \"NodePort\" / spec.type: \"ClusterIP\"",
        "SKIP t/two :: proxied: requires ipvs",
        "1 passed, 1 failed, 1 skipped");
  }

  @Test
  void aDuplicateScenarioNameOrAMissingPathFails() throws Exception {
    String scenario = "name: t/same\ncluster: {addons: []}\nsteps:\n- {name: a, get: {kind: Namespace, name: default}, expect: {absent: [x]}}\n";
    Files.writeString(dir.resolve("a.yaml"), scenario);
    Files.writeString(dir.resolve("b.yaml"), scenario);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ConformanceReport report = new ConformanceCommand()
        .execute(List.of(dir, dir.resolve("missing")), new PrintStream(buffer, true, StandardCharsets.UTF_8));
    assertThat(report.summary()).isEqualTo("1 passed, 2 failed, 0 skipped");
    assertThat(report.cases().get(1).message()).contains("t/same is already the name of ");
    assertThat(report.cases().get(2).id()).endsWith("missing :: load");
    assertThat(report.exitCode()).isEqualTo(1);
  }
}
