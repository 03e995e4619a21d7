package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** python -m http.server serves its directory as SimpleHTTPRequestHandler does. */
class PythonImageTest {
  private static final long SEED = 13;
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().nodes(2).seed(SEED).build();
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web, labels: {app: web}}
        spec:
          containers:
          - name: python
            image: python:3.12
            workingDir: /srv
            command: [python, -m, http.server, "8080"]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: files}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: curl}
        spec:
          containers: [{name: curl, image: curlimages/curl, command: [sleep, infinity]}]
        """);
    cluster.awaitReady(Duration.ofMinutes(2));
    ExecResult setup = cluster.exec("default/web", "sh", "-c",
        "mkdir -p /srv/docs && echo hello > /srv/hello.txt && echo '{}' > /srv/Data.json && echo x > '/srv/docs/a b.md'");
    assertThat(setup.exitCode()).as("seed %d: %s", SEED, setup.stderr()).isZero();
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private ExecResult curl(String... args) {
    String[] argv = new String[args.length + 2];
    argv[0] = "curl";
    argv[1] = "-sS";
    System.arraycopy(args, 0, argv, 2, args.length);
    return cluster.exec("default/curl", argv);
  }

  @Test
  void theWorkingDirectoryIsListedWithDirectoriesMarked() {
    assertThat(curl("http://files/").stdout()).as("seed %d", SEED).isEqualTo("""
        <!DOCTYPE HTML>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Directory listing for /</title>
        </head>
        <body>
        <h1>Directory listing for /</h1>
        <hr>
        <ul>
        <li><a href="Data.json">Data.json</a></li>
        <li><a href="docs/">docs/</a></li>
        <li><a href="hello.txt">hello.txt</a></li>
        </ul>
        <hr>
        </body>
        </html>
        """);
    assertThat(curl("http://files/docs/").stdout()).contains("<li><a href=\"a%20b.md\">a b.md</a></li>\n");
  }

  @Test
  void filesAreServedWithTheirTypeAndMissingOnesAre404() {
    ExecResult file = curl("-i", "http://files/hello.txt");
    assertThat(file.stdout()).as("seed %d", SEED).startsWith("HTTP/1.1 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.12.7\r\n")
        .contains("\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: ").endsWith("\r\n\r\nhello\n");
    ExecResult directory = curl("-i", "http://files/docs");
    assertThat(directory.stdout()).startsWith("HTTP/1.1 301 Moved Permanently\r\n").contains("\r\nLocation: /docs/\r\n");
    ExecResult missing = curl("-i", "http://files/nope");
    assertThat(missing.stdout()).startsWith("HTTP/1.1 404 File not found\r\n")
        .contains("        <p>Message: File not found.</p>\n");
    assertThat(cluster.kubectl("logs web").stdout())
        .contains("] \"GET /hello.txt HTTP/1.1\" 200 -\n")
        .contains("] code 404, message File not found\n")
        .doesNotContain("Serving HTTP");
  }

  @Test
  void pythonWithoutAScriptExitsAtOnce() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: repl}
        spec:
          restartPolicy: Never
          containers: [{name: python, image: python:3.12}]
        """);
    cluster.advance(Duration.ofMinutes(1));
    assertThat(cluster.get(Pod.class, "default", "repl").flatMap(Pod::status).flatMap(PodStatus::phase))
        .as("seed %d: %s", SEED, cluster.kubectl("describe pod repl").stdout()).contains("Succeeded");
  }
}
