package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.kubesim.api.KubectlResult;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code kubectl apply -f URL}, as kubernetes.io's tutorials run it, against a local web server. */
class ManifestUrlTest {
  private final KubectlFixture k = new KubectlFixture();
  private final HttpServer server;

  ManifestUrlTest() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/examples/cm.yaml", exchange -> {
      byte[] body = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fetched}\ndata: {a: b}\n".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void aManifestAtAUrlIsFetchedAndApplied() {
    assertThat(k.output("apply -f " + base() + "/examples/cm.yaml")).isEqualTo("configmap/fetched created\n");
    assertThat(k.output("get cm fetched -o jsonpath={.data.a}")).isEqualTo("b");
  }

  @Test
  void aUrlThatIsNotThereGetsKubectlsError() {
    KubectlResult r = k.run("apply -f " + base() + "/nope.yaml");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("error: unable to read URL \"" + base() + "/nope.yaml\", server reported 404 Not Found,"
        + " status code=404\n");
  }
}
