package dev.kubesim.samples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ServedApi;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.cluster.SimCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code kubectl port-forward} against a served cluster: a real local TCP port reaches the
 * simulated pod's port through SPDY tunnelled in WebSocket, for HTTP (several requests on one
 * connection) and for a protocol of its own (redis), and a port where nothing listens is reported
 * on the error stream as the runtime reports it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RealKubectlPortForwardTest {
  private static final Pattern FORWARDING = Pattern.compile("Forwarding from 127\\.0\\.0\\.1:(\\d+) -> (\\d+)");

  private static final String PODS = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: kubia
          image: luksa/kubia
          ports:
          - containerPort: 8080
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: cache
      spec:
        containers:
        - name: redis
          image: redis:7
      """;

  @TempDir
  Path home;

  @Test
  void aLocalPortReachesThePodsHttpServerRequestAfterRequest() throws Exception {
    try (Fixture f = new Fixture("web 0:8080")) {
      HttpClient client = HttpClient.newHttpClient();
      for (String path : new String[] {"/", "/again"}) {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.localPort + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("You've hit web\n");
      }
      assertThat(f.readLine()).isEqualTo("Handling connection for " + f.localPort);
    }
  }

  @Test
  void aLocalPortCarriesAProtocolOfItsOwn() throws Exception {
    try (Fixture f = new Fixture("cache 0:6379"); Socket socket = new Socket("127.0.0.1", f.localPort)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = new byte[7];
      int n = 0;
      while (n < answer.length) {
        int r = in.read(answer, n, answer.length - n);
        assertThat(r).as("the answer's bytes").isPositive();
        n += r;
      }
      assertThat(new String(answer, StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
    }
  }

  @Test
  void aPortWhereNothingListensIsReportedOnTheErrorStream() throws Exception {
    try (Fixture f = new Fixture("web 0:9999")) {
      try (Socket socket = new Socket("127.0.0.1", f.localPort)) {
        socket.setSoTimeout(30_000);
        assertThat(socket.getInputStream().read()).as("the connection ends without data").isEqualTo(-1);
      }
      String report = f.readLine() + "\n" + f.readLine();
      assertThat(report).contains("Handling connection for " + f.localPort)
          .contains("an error occurred forwarding " + f.localPort + " -> 9999: error forwarding port 9999 to pod web")
          .contains("dial tcp4 127.0.0.1:9999: connect: connection refused");
    }
  }

  /** A served cluster with the pods running, and the real kubectl forwarding a free local port. */
  private final class Fixture implements AutoCloseable {
    final SimCluster cluster;
    final Process kubectl;
    final BufferedReader output;
    final int localPort;

    Fixture(String target) throws IOException {
      Path binary = RealKubectl.binaryOrSkip();
      Files.writeString(home.resolve("pods.yaml"), PODS, StandardCharsets.UTF_8);
      cluster = (SimCluster) KubeSim.cluster().seed(3).build();
      ServedApi api = cluster.serve();
      RealKubectl real = new RealKubectl(binary, home, api.kubeconfig());
      assertThat(real.run("create -f pods.yaml").exitCode()).isZero();
      assertThat(cluster.list(Pod.class, "default")).allMatch(p -> p.status().flatMap(s -> s.phase()).orElse("").equals("Running"));
      kubectl = real.start("port-forward " + target);
      output = new BufferedReader(new InputStreamReader(kubectl.getInputStream(), StandardCharsets.UTF_8));
      String first = output.readLine();
      Matcher m = FORWARDING.matcher(first == null ? "" : first);
      assertThat(m.find()).as("kubectl's first line: %s", first).isTrue();
      localPort = Integer.parseInt(m.group(1));
      assertThat(output.readLine()).startsWith("Forwarding from [::1]:" + localPort);
    }

    String readLine() throws IOException {
      return output.readLine();
    }

    @Override
    public void close() throws InterruptedException {
      kubectl.destroy();
      kubectl.waitFor(30, TimeUnit.SECONDS);
      cluster.close();
    }
  }
}
