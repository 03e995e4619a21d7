package dev.kubesim.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.samples.web.WebServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebCommandTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void webPrintsTheAddressItServesThePageAt() throws Exception {
    try (WebServer server = KubeSimCommand.startWeb(new String[] {"--port", "0", "--seed", "3", "--nodes", "2"}, out)) {
      assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("kubesim: the lab is served at " + server.uri()
          + " (each browser gets its own cluster: seed 3, 2 nodes)\n");
      assertThat(server.uri().toString()).startsWith("http://127.0.0.1:");
      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<title>kubesim web</title>");
    }
  }

  @Test
  void webRefusesAnUnknownOptionOrAMissingNumber() {
    assertThat(KubeSimCommand.run(new String[] {"web", "--verbose"}, out)).isEqualTo(1);
    assertThat(KubeSimCommand.run(new String[] {"web", "--port"}, out)).isEqualTo(1);
    assertThat(KubeSimCommand.run(new String[] {"web", "--nodes", "two"}, out)).isEqualTo(1);
    assertThat(KubeSimCommand.run(new String[] {"web", "--port", "70000"}, out)).isEqualTo(1);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
        kubesim: web does not take "--verbose"; it takes --port N, --seed N and --nodes N
        kubesim: --port needs a value
        kubesim: --nodes needs a number, got "two"
        kubesim: --port must be at most 65535, got 70000
        """);
  }

  @Test
  void webSaysSoWhenItsPortIsTaken() {
    try (WebServer first = KubeSimCommand.startWeb(new String[] {"--port", "0"}, new PrintStream(new ByteArrayOutputStream()))) {
      int port = first.uri().getPort();
      assertThat(KubeSimCommand.run(new String[] {"web", "--port", String.valueOf(port)}, out)).isEqualTo(1);
      assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("kubesim: cannot listen on 127.0.0.1:" + port + ": ");
    }
  }
}
