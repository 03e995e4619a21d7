package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The catalogued programs report the version their tag names ({@link ImageVersions}): {@code x.y.z}
 * as written, a series its newest release, any other tag the image's current default.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VersionsFromTagsTest {
  private Cluster cluster;

  @BeforeAll
  void setUp() {
    cluster = KubeSim.cluster().nodes(1).seed(3).build();
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: redis6}
        spec: {containers: [{name: redis, image: "redis:6.0.5"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: redis60}
        spec: {containers: [{name: redis, image: "redis:6.0-alpine"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: redis}
        spec: {containers: [{name: redis, image: redis}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: httpd}
        spec: {containers: [{name: httpd, image: "httpd:2.4.58"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: python}
        spec: {containers: [{name: py, image: "python:3.11", command: [python, -m, http.server]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: pg}
        spec:
          containers: [{name: pg, image: "postgres:15", env: [{name: POSTGRES_PASSWORD, value: secret}]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: memcached}
        spec: {containers: [{name: memcached, image: "memcached:1.5"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: rabbit}
        spec: {containers: [{name: rabbit, image: "rabbitmq:3.12-management"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: mysql}
        spec:
          containers: [{name: mysql, image: "mysql:8.0", env: [{name: MYSQL_ROOT_PASSWORD, value: secret}]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: nginx}
        spec: {containers: [{name: nginx, image: "nginx:1.14"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: curl}
        spec: {containers: [{name: curl, image: curlimages/curl, command: [sleep, infinity]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: busybox}
        spec: {containers: [{name: busybox, image: "busybox:1.28", command: [sleep, infinity]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: busybox-latest}
        spec: {containers: [{name: busybox, image: busybox, command: [sleep, infinity]}]}
        """);
    cluster.awaitReady(Duration.ofMinutes(2));
  }

  @AfterAll
  void tearDown() {
    cluster.close();
  }

  private String exec(String pod, String... argv) {
    return cluster.exec("default/" + pod, argv).stdout();
  }

  @Test
  void redisReportsItsTagsVersionInInfoItsStartLogAndRedisCli() {
    assertThat(exec("redis6", "redis-cli", "info")).contains("redis_version:6.0.5\r\n");
    assertThat(cluster.kubectl("logs redis6").stdout()).contains("Redis version=6.0.5, bits=64");
    assertThat(exec("redis6", "redis-cli", "--version")).isEqualTo("redis-cli 6.0.5\n");
    assertThat(exec("redis60", "redis-cli", "info")).contains("redis_version:6.0.20\r\n");
    assertThat(exec("redis", "redis-cli", "info")).contains("redis_version:7.2.4\r\n");
    assertThat(exec("redis", "redis-cli", "--version")).isEqualTo("redis-cli 7.2.4\n");
    assertThat(exec("redis6", "redis-server", "--version"))
        .matches("Redis server v=6\\.0\\.5 sha=00000000:0 malloc=jemalloc-5\\.3\\.0 bits=64 build=[0-9a-f]{16}\n");
    assertThat(cluster.exec("default/redis6", "redis-server", "--port", "7000").stderr())
        .isEqualTo("kubesim: redis-server: this command is not simulated\n");
  }

  @Test
  void busyboxPrintsItsTagsVersionInItsUsage() {
    assertThat(cluster.exec("default/busybox", "wget").stderr()).startsWith("BusyBox v1.28.4 multi-call binary.\n\nUsage: wget");
    assertThat(cluster.exec("default/busybox-latest", "wget").stderr())
        .startsWith("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget");
  }

  @Test
  void webServersNameTheirVersionInTheServerHeader() {
    assertThat(cluster.kubectl("logs httpd").stdout()).contains("Apache/2.4.58 (Unix)");
    String py = cluster.exec("default/curl", "curl", "-sI", cluster.get(dev.kubesim.api.model.Pod.class, "default", "python")
        .orElseThrow().status().orElseThrow().podIP().orElseThrow() + ":8000").stdout();
    assertThat(py).contains("Server: SimpleHTTP/0.6 Python/3.11.13\r\n");
    assertThat(exec("python", "python", "--version")).isEqualTo("Python 3.11.13\n");
    assertThat(exec("python", "printenv", "PYTHON_VERSION")).isEqualTo("3.11.13\n");
    assertThat(exec("curl", "curl", "-sI", cluster.get(dev.kubesim.api.model.Pod.class, "default", "nginx")
        .orElseThrow().status().orElseThrow().podIP().orElseThrow())).contains("Server: nginx/1.14.2\r\n");
  }

  @Test
  void databasesAndBrokersReportTheirTagsVersion() {
    assertThat(exec("pg", "psql", "-U", "postgres", "-tAc", "select version()"))
        .startsWith("PostgreSQL 15.14 (Debian 15.14-1.pgdg120+2) on x86_64-pc-linux-gnu");
    assertThat(exec("pg", "psql", "--version")).isEqualTo("psql (PostgreSQL) 15.14 (Debian 15.14-1.pgdg120+2)\n");
    assertThat(cluster.kubectl("logs pg").stdout()).contains("LOG:  starting PostgreSQL 15.14 (Debian 15.14-1.pgdg120+2) on x86_64-pc-linux-gnu");
    assertThat(exec("mysql", "mysql", "-uroot", "-psecret", "-N", "-e", "select version()")).isEqualTo("8.0.43\n");
    assertThat(cluster.kubectl("logs memcached").stdout()).isEmpty();
    assertThat(cluster.kubectl("logs rabbit").stdout()).contains("Starting RabbitMQ 3.12.14 on Erlang");
  }
}
