package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** memcached, mongo and rabbitmq listen on their own ports, and answer an HTTP client as each real server does. */
class ListeningImagesTest {
  private static final long SEED = 3;
  private static Cluster cluster;

  @BeforeAll
  static void setUp() {
    cluster = KubeSim.cluster().nodes(2).seed(SEED).build();
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: cache, labels: {app: cache}}
        spec: {containers: [{name: memcached, image: memcached:1.6}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: mongo, labels: {app: mongo}}
        spec: {containers: [{name: mongo, image: mongo:7}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: broker, labels: {app: broker}}
        spec: {containers: [{name: rabbitmq, image: "rabbitmq:3.13-management"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: plain-broker, labels: {app: plain-broker}}
        spec: {containers: [{name: rabbitmq, image: "rabbitmq:3.13"}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: memcached}
        spec: {selector: {app: cache}, ports: [{port: 11211}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: mongo}
        spec: {selector: {app: mongo}, ports: [{port: 27017}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: rabbitmq}
        spec: {selector: {app: broker}, ports: [{name: amqp, port: 5672}, {name: management, port: 15672}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: plain-rabbitmq}
        spec: {selector: {app: plain-broker}, ports: [{name: management, port: 15672}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: curl}
        spec: {containers: [{name: curl, image: curlimages/curl, command: [sleep, infinity]}]}
        """);
    cluster.awaitReady(Duration.ofMinutes(2));
  }

  @AfterAll
  static void tearDown() {
    cluster.close();
  }

  private static ExecResult curl(String... args) {
    String[] argv = new String[args.length + 2];
    argv[0] = "curl";
    argv[1] = "-sS";
    System.arraycopy(args, 0, argv, 2, args.length);
    return cluster.exec("default/curl", argv);
  }

  @Test
  void memcachedAnswersAnHttpRequestWithoutAnHttpResponse() {
    ExecResult r = curl("memcached:11211");
    // memcached answers each line of the request with ERROR, which curl 8 refuses as HTTP/0.9
    assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("curl: (1) Received HTTP/0.9 when not allowed\n");
    assertThat(r.trace().orElseThrow().disposition().objectText()).isEqualTo("pod/default/cache");
  }

  @Test
  void mongodTellsAnHttpClientItIsOnTheDriverPort() {
    ExecResult r = curl("-i", "mongo:27017");
    assertThat(r.stdout()).as("seed %d", SEED).startsWith("HTTP/1.1 200 OK\r\n")
        .endsWith("\r\n\r\nIt looks like you are trying to access MongoDB over HTTP on the native driver port.\n");
    assertThat(cluster.kubectl("logs mongo").stdout()).contains("\"msg\":\"Waiting for connections\",\"attr\":{\"port\":27017");
  }

  @Test
  void theManagementTagServesHttpOn15672AndNotOnTheAmqpPort() {
    assertThat(curl("rabbitmq:15672/").stdout()).as("seed %d", SEED).contains("<title>RabbitMQ Management</title>");
    ExecResult api = curl("-o", "/dev/null", "-w", "%{http_code}", "rabbitmq:15672/api/overview");
    assertThat(api.stdout()).isEqualTo("401");
    assertThat(curl("rabbitmq:5672").exitCode()).as("AMQP's protocol header is no HTTP response").isEqualTo(1);
    assertThat(curl("--max-time", "2", "plain-rabbitmq:15672").exitCode()).isEqualTo(7);
  }
}
