package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.ContainerStatus;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image kubesim does not know listens where the cluster expects it, and where its listen annotation says. */
class UnknownImageListeningTest {
  private static final long SEED = 11;
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().nodes(2).seed(SEED).build();
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: client}
        spec:
          containers: [{name: curl, image: curlimages/curl, command: [sleep, infinity]}]
        """);
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private ExecResult curl(String url) {
    return cluster.exec("default/client", "curl", "-sS", "--max-time", "2", url);
  }

  private String podIp(String name) {
    return cluster.get(Pod.class, "default", name).flatMap(Pod::status).flatMap(PodStatus::podIP).orElseThrow();
  }

  @Test
  void itAnswersHttpOnTheTargetPortsOfTheServicesThatSelectIt() {
    cluster.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: shop}
        spec:
          selector: {app: shop}
          ports:
          - {name: web, port: 80, targetPort: 3000}
          - {name: admin, port: 81, targetPort: admin}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: shop, labels: {app: shop}}
        spec:
          containers:
          - name: app
            image: example.com/acme/shop:1.4
            ports: [{name: admin, containerPort: 9090}]
        """);
    cluster.awaitReady(Duration.ofMinutes(2));
    assertThat(curl("http://shop").stdout()).as("seed %d", SEED).isEqualTo("shop");
    assertThat(curl("http://shop:81").stdout()).isEqualTo("shop");
    ExecResult elsewhere = curl("http://" + podIp("shop") + ":4000");
    assertThat(elsewhere.exitCode()).isEqualTo(7);
  }

  @Test
  void aServiceExposedAfterThePodStartedIsListenedOnAtOnce() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: late, labels: {app: late}}
        spec:
          containers: [{name: app, image: example.com/acme/late}]
        """);
    cluster.awaitReady(Duration.ofMinutes(2));
    assertThat(curl("http://" + podIp("late") + ":8080/").exitCode()).as("seed %d", SEED).isEqualTo(7);
    cluster.kubectl("expose pod late --port 80 --target-port 8080");
    assertThat(curl("http://late/").stdout()).isEqualTo("late");
    cluster.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: tier}
        spec: {selector: {tier: web}, ports: [{port: 80, targetPort: 5000}]}
        """);
    cluster.kubectl("label pod late tier=web");
    assertThat(curl("http://tier/").stdout()).isEqualTo("late");
  }

  @Test
  void itListensOnItsProbesPortsSoTheProbesSucceed() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: probed}
        spec:
          containers:
          - name: app
            image: example.com/acme/api:2
            readinessProbe: {httpGet: {path: /healthz, port: 8081}, periodSeconds: 1}
            livenessProbe: {tcpSocket: {port: 9000}, periodSeconds: 1}
        """);
    cluster.awaitReady(Duration.ofMinutes(2));
    cluster.advance(Duration.ofSeconds(30));
    ContainerStatus status = cluster.get(Pod.class, "default", "probed").flatMap(Pod::status).orElseThrow().containerStatuses().get(0);
    assertThat(status.ready()).as("seed %d", SEED).contains(true);
    assertThat(status.restartCount()).contains(0);
    assertThat(curl("http://" + podIp("probed") + ":8081/healthz").stdout()).isEqualTo("probed");
  }

  @Test
  void theListenAnnotationAddsHttpSilentTcpAndUdpListeners() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: cache
          annotations: {kubesim.dev/listen: "6379/tcp, 8080/http,53/udp"}
        spec:
          containers: [{name: app, image: example.com/acme/cache, ports: [{containerPort: 6379}]}]
        """);
    cluster.awaitReady(Duration.ofMinutes(2));
    String ip = podIp("cache");
    assertThat(curl("http://" + ip + ":8080/").stdout()).as("seed %d", SEED).isEqualTo("cache");
    ExecResult silent = curl("http://" + ip + ":6379/");
    assertThat(silent.exitCode()).isEqualTo(52);
    assertThat(silent.stderr()).isEqualTo("curl: (52) Empty reply from server\n");
    ExecResult closed = curl("http://" + ip + ":8081/");
    assertThat(closed.exitCode()).isEqualTo(7);
  }

  @Test
  void anInvalidListenAnnotationIsAWarningNamingItAndIsIgnored(@TempDir Path dir) throws IOException {
    Path manifest = dir.resolve("bad.yaml");
    Files.writeString(manifest, """
        apiVersion: v1
        kind: Pod
        metadata:
          name: bad
          annotations: {kubesim.dev/listen: "8080/http,70000/tcp"}
        spec:
          containers: [{name: app, image: example.com/acme/bad}]
        """);
    KubectlResult r = cluster.kubectl("apply -f " + manifest);
    assertThat(r.stdout()).isEqualTo("pod/bad created\n");
    assertThat(r.stderr()).isEqualTo("Warning: metadata.annotations[kubesim.dev/listen]: annotation kubesim.dev/listen: "
        + "invalid entry \"70000/tcp\" (want PORT/KIND, e.g. \"6379/tcp,8080/http,53/udp\"): the port must be a number "
        + "from 1 to 65535; the annotation is ignored\n");
    cluster.awaitReady(Duration.ofMinutes(2));
    assertThat(curl("http://" + podIp("bad") + ":8080/").exitCode()).isEqualTo(7);
  }
}
