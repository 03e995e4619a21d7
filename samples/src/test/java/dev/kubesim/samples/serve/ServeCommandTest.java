package dev.kubesim.samples.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.samples.cli.KubeSimCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  @TempDir
  Path dir;

  @Test
  void servesANewClusterAndWritesItsKubeconfig() throws Exception {
    Path kubeconfig = dir.resolve("config");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (var running = KubeSimCommand.startServing(
        new String[] {"--port", "0", "--kubeconfig", kubeconfig.toString(), "--seed", "3", "--nodes", "2"},
        new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      String printed = bytes.toString(StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)\n").matcher(printed);
      assertThat(m.find()).as(printed).isTrue();
      assertThat(printed).contains("kubeconfig written to " + kubeconfig).contains("kubectl --kubeconfig " + kubeconfig);
      assertThat(Files.readString(kubeconfig)).contains("server: " + m.group(1)).contains("current-context: kubesim");
      HttpResponse<String> nodes = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(m.group(1) + "/api/v1/nodes")).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(nodes.body()).contains("\"name\":\"node-1\"").contains("\"name\":\"node-2\"").doesNotContain("node-3");
    }
  }

  @Test
  void refusesUnknownOptions() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = KubeSimCommand.run(new String[] {"serve", "--bogus"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("kubesim: serve does not take \"--bogus\"");
    assertThatThrownBy(() -> KubeSimCommand.startServing(new String[] {"--port", "x"}, System.out))
        .hasMessage("--port needs a number, got \"x\"");
  }
}
