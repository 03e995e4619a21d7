package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.program.BaseImage;
import dev.kubesim.impl.program.ProgramRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The variants and other names of images kubesim knows: nginx's Debian and Alpine images with the
 * curl they install, httpd's without, radial/busyboxplus, the guestbook's redis and the mirrors of
 * Docker Hub's official images.
 */
class ImageVariantsTest {
  private static final long SEED = 23;
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().nodes(2).seed(SEED).build();
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private void pod(String name, String image) {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, labels: {app: %s}}
        spec:
          containers: [{name: main, image: "%s"}]
        """.formatted(name, name, image));
  }

  private ExecResult exec(String pod, String... argv) {
    return cluster.exec("default/" + pod, argv);
  }

  @Test
  void theNginxImagesHaveCurlAndTheAlpineOnesBusyBoxsWget() {
    pod("n1", "nginx");
    pod("n2", "nginx:alpine");
    pod("n3", "nginx:1.27.3-alpine-slim");
    pod("n4", "nginx:1.14.2");
    cluster.awaitReady(Duration.ofMinutes(2));
    ExecResult debian = exec("n1", "curl", "-s", "localhost");
    assertThat(debian.stdout()).as("seed %d", SEED).contains("<title>Welcome to nginx!</title>");
    assertThat(debian.exitCode()).isZero();
    assertThat(exec("n1", "curl", "-sI", "localhost").stdout()).startsWith("HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\n");
    assertThat(exec("n1", "wget").stderr()).contains("exec: \"wget\": executable file not found in $PATH");
    assertThat(exec("n2", "curl", "-s", "localhost").stdout()).contains("<title>Welcome to nginx!</title>");
    assertThat(exec("n2", "wget", "-qO-", "localhost").stdout()).contains("<title>Welcome to nginx!</title>");
    assertThat(exec("n2", "ls", "/nonexistent").stderr()).isEqualTo("ls: /nonexistent: No such file or directory\n");
    // the slim Alpine variant installs no curl; nor did the images before 1.19
    assertThat(exec("n3", "curl", "localhost").stderr()).contains("exec: \"curl\": executable file not found in $PATH");
    assertThat(exec("n3", "wget", "-qO-", "localhost").stdout()).contains("<title>Welcome to nginx!</title>");
    assertThat(exec("n4", "curl", "localhost").stderr()).contains("exec: \"curl\": executable file not found in $PATH");
  }

  @Test
  void theHttpdImagesHaveNoCurlAndTheAlpineOnesRunOnBusyBox() {
    pod("h1", "httpd:2.4");
    pod("h2", "httpd:2.4-alpine");
    cluster.awaitReady(Duration.ofMinutes(2));
    assertThat(exec("h1", "curl", "localhost").stderr()).as("seed %d", SEED)
        .contains("exec: \"curl\": executable file not found in $PATH");
    assertThat(exec("h2", "curl", "localhost").stderr()).contains("exec: \"curl\": executable file not found in $PATH");
    assertThat(exec("h2", "wget", "-qO-", "localhost").stdout()).isEqualTo("<html><body><h1>It works!</h1></body></html>\n");
  }

  @Test
  void baseImagesFollowTheTag() {
    ProgramRegistry programs = ProgramRegistry.withBuiltins();
    assertThat(programs.resolve("nginx:1.27").image().base()).isEqualTo(BaseImage.DEBIAN);
    assertThat(programs.resolve("nginx:stable-alpine").image().base()).isEqualTo(BaseImage.ALPINE);
    assertThat(programs.resolve("httpd:alpine").image().base()).isEqualTo(BaseImage.ALPINE);
    assertThat(programs.resolve("nginx:1.19.3").image().files()).containsKey("/usr/bin/curl");
    assertThat(programs.resolve("nginx:1.18.0").image().files()).doesNotContainKey("/usr/bin/curl");
  }

  @Test
  void busyboxplusIsBusyBoxWithCurlAndReadsItsAttachedInput() {
    pod("web", "nginx");
    cluster.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: my-nginx}
        spec: {selector: {app: web}, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: curl}
        spec:
          containers: [{name: curl, image: "radial/busyboxplus:curl", command: [sleep, infinity]}]
        """);
    cluster.awaitReady(Duration.ofMinutes(2));
    assertThat(exec("curl", "curl", "-s", "my-nginx").stdout()).as("seed %d", SEED)
        .contains("<title>Welcome to nginx!</title>");
    // its old BusyBox's nslookup, as the "Connecting Applications with Services" tutorial shows it
    assertThat(exec("curl", "nslookup", "my-nginx").stdout()).startsWith("Server:    10.96.0.10\n")
        .contains("\nName:      my-nginx\nAddress 1: ");
    assertThat(ProgramRegistry.withBuiltins().resolve("radial/busyboxplus:curl").image().cmd()).containsExactly("/bin/sh");
  }

  @Test
  void otherNamesOfKnownImagesRunTheirPrograms() {
    // kubernetes/examples' guestbook: its redis leader and Google's followers
    pod("leader", "registry.k8s.io/redis:e2e");
    pod("follower", "gcr.io/google_samples/gb-redisslave:v1");
    pod("mirrored", "mirror.gcr.io/library/redis:7.2");
    pod("ecr", "public.ecr.aws/docker/library/nginx:1.27");
    pod("hub", "docker.io/library/redis:7.2");
    cluster.awaitReady(Duration.ofMinutes(2));
    assertThat(exec("leader", "redis-cli", "ping").stdout()).as("seed %d", SEED).isEqualTo("PONG\n");
    assertThat(exec("follower", "redis-cli", "ping").stdout()).isEqualTo("PONG\n");
    assertThat(exec("mirrored", "redis-cli", "ping").stdout()).isEqualTo("PONG\n");
    assertThat(exec("hub", "redis-cli", "ping").stdout()).isEqualTo("PONG\n");
    assertThat(exec("ecr", "curl", "-sI", "localhost").stdout()).contains("Server: nginx/1.27.3");
    ProgramRegistry programs = ProgramRegistry.withBuiltins();
    assertThat(programs.lookup("registry.k8s.io/busybox:1.27.2")).isPresent();
    // names are not guessed: another repository is unknown, even one that looks alike
    assertThat(programs.lookup("bitnami/redis:7.2")).isEmpty();
    assertThat(programs.lookup("mirror.gcr.io/acme/redis")).isEmpty();
    assertThat(programs.lookup("registry.k8s.io/redis-extra:1")).isEqualTo(Optional.empty());
  }
}
