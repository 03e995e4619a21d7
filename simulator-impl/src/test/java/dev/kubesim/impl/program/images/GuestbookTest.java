package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.HttpResult;
import dev.kubesim.api.KubeSim;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes' guestbook as kubernetes.io's tutorial deploys it: a Redis leader, two followers that
 * replicate it, and the PHP frontend writing through the leader and reading through the followers.
 */
class GuestbookTest {
  private static final long SEED = 7;

  static final String LEADER = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: redis-leader, labels: {app: redis, role: leader, tier: backend}}
      spec:
        replicas: 1
        selector: {matchLabels: {app: redis}}
        template:
          metadata: {labels: {app: redis, role: leader, tier: backend}}
          spec:
            containers:
            - name: leader
              image: "docker.io/redis:6.0.5"
              ports: [{containerPort: 6379}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: redis-leader, labels: {app: redis, role: leader, tier: backend}}
      spec:
        ports: [{port: 6379, targetPort: 6379}]
        selector: {app: redis, role: leader, tier: backend}
      """;

  static final String FOLLOWERS = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: redis-follower, labels: {app: redis, role: follower, tier: backend}}
      spec:
        replicas: 2
        selector: {matchLabels: {app: redis}}
        template:
          metadata: {labels: {app: redis, role: follower, tier: backend}}
          spec:
            containers:
            - name: follower
              image: us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower:v2
              ports: [{containerPort: 6379}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: redis-follower, labels: {app: redis, role: follower, tier: backend}}
      spec:
        ports: [{port: 6379}]
        selector: {app: redis, role: follower, tier: backend}
      """;

  static final String FRONTEND = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: frontend}
      spec:
        replicas: 3
        selector: {matchLabels: {app: guestbook, tier: frontend}}
        template:
          metadata: {labels: {app: guestbook, tier: frontend}}
          spec:
            containers:
            - name: php-redis
              image: us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5
              env: [{name: GET_HOSTS_FROM, value: "dns"}]
              ports: [{containerPort: 80}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: frontend, labels: {app: guestbook, tier: frontend}}
      spec:
        ports: [{port: 80}]
        selector: {app: guestbook, tier: frontend}
      """;

  private Cluster cluster;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().seed(SEED).build();
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private String pod(String selector) {
    return cluster.pods("default", selector).get(0).metadata().nameOrEmpty();
  }

  private HttpResult get(String url) {
    return cluster.http(pod("tier=frontend"), url);
  }

  @Test
  void messagesWrittenThroughTheLeaderAreReadBackThroughTheFollowers() {
    cluster.apply(LEADER + "---\n" + FOLLOWERS + "---\n" + FRONTEND);
    cluster.awaitReady(Duration.ofMinutes(2));

    assertThat(get("http://frontend/guestbook.php?cmd=get").body()).as("seed %d", SEED).isEqualTo("{\"data\": \"\"}");
    HttpResult set = get("http://frontend/guestbook.php?cmd=set&value=,hello");
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.body()).isEqualTo("{\"message\": \"Updated\"}");
    assertThat(set.header("Content-Type")).contains("application/json");
    assertThat(set.header("X-Powered-By")).contains("PHP/7.4.33");
    assertThat(get("http://frontend/guestbook.php?cmd=get").body()).isEqualTo("{\"data\": \",hello\"}");

    cluster.exec("default/" + pod("role=leader"), "redis-cli", "rpush", "queue", "a", "b");
    assertThat(cluster.exec("default/" + pod("role=follower"), "redis-cli", "lrange", "queue", "0", "-1").stdout())
        .as("a list replicates too").isEqualTo("a\nb\n");

    // each follower holds the leader's data and refuses writes
    for (var follower : cluster.pods("default", "role=follower")) {
      String name = follower.metadata().nameOrEmpty();
      assertThat(cluster.exec("default/" + name, "redis-cli", "get", "guestbook").stdout()).isEqualTo(",hello\n");
      ExecResult write = cluster.exec("default/" + name, "redis-cli", "set", "guestbook", "x");
      assertThat(write.stdout()).isEqualTo("READONLY You can't write against a read only replica.\n\n");
      assertThat(write.exitCode()).isEqualTo(1);
      assertThat(cluster.exec("default/" + name, "redis-cli", "info", "replication").stdout())
          .isEqualTo("# Replication\r\nrole:slave\r\nmaster_host:redis-leader\r\nmaster_port:6379\r\nmaster_link_status:up\r\n");
    }
  }

  @Test
  void theFrontendServesItsPageAndLogsEachRequestAsApacheDoes() {
    cluster.apply(FRONTEND);
    cluster.awaitReady(Duration.ofMinutes(2));

    HttpResult page = get("http://frontend/");
    assertThat(page.body()).as("seed %d", SEED).contains("<title>Guestbook</title>").contains("controllers.js");
    assertThat(page.header("Server")).contains("Apache/2.4.38 (Debian)");
    String frontend = page.answeredBy().orElseThrow().name();
    String logs = cluster.kubectl("logs " + frontend).stdout();
    assertThat(logs).contains("AH00163: Apache/2.4.38 (Debian) PHP/7.4.33 configured -- resuming normal operations")
        .containsPattern("\"GET / HTTP/1.1\" 200 \\d+ \"-\" \"curl/[0-9.]+\"\n");
    assertThat(get("http://frontend/nope.html").status()).isEqualTo(404);
  }

  @Test
  void withoutRedisTheScriptDiesWithPredisConnectionErrorAsPhpPrintsIt() {
    cluster.apply(FRONTEND);
    cluster.awaitReady(Duration.ofMinutes(2));

    HttpResult set = get("http://frontend/guestbook.php?cmd=set&value=x");
    assertThat(set.status()).as("seed %d", SEED).isEqualTo(200); // display_errors is on: no 500
    assertThat(set.body()).startsWith("<br />\n<b>Fatal error</b>:  Uncaught Predis\\Connection\\ConnectionException: "
        + "php_network_getaddresses: getaddrinfo failed: Name or service not known [tcp://redis-leader:6379]");

    // a Service without endpoints refuses the connection
    cluster.apply(LEADER.replace("replicas: 1", "replicas: 0"));
    assertThat(get("http://frontend/guestbook.php?cmd=set&value=x").body())
        .contains("Uncaught Predis\\Connection\\ConnectionException: Connection refused [tcp://redis-leader:6379]");
  }

  @Test
  void theFrontendsCallsToRedisAreHopsOfTheClientsTrace() {
    cluster.apply(LEADER + "---\n" + FOLLOWERS + "---\n" + FRONTEND);
    cluster.awaitReady(Duration.ofMinutes(2));

    String trace = get("http://frontend/guestbook.php?cmd=set&value=a").trace().render();
    assertThat(trace).as("seed %d", SEED).contains("default/frontend").contains("default/redis-leader");
  }

  @Test
  void aFollowerWhoseLeaderIsGoneServesWhatItHadAndLogsTheLostLink() {
    cluster.apply(LEADER + "---\n" + FOLLOWERS + "---\n" + FRONTEND);
    cluster.awaitReady(Duration.ofMinutes(2));
    get("http://frontend/guestbook.php?cmd=set&value=kept");
    String follower = pod("role=follower");
    assertThat(cluster.exec("default/" + follower, "redis-cli", "get", "guestbook").stdout()).isEqualTo("kept\n");
    assertThat(cluster.kubectl("logs " + follower).stdout())
        .contains("1:S ").contains("* Connecting to MASTER redis-leader:6379\n")
        .contains("* MASTER <-> REPLICA sync: Finished with success\n");

    cluster.kubectl("delete deployment redis-leader");
    cluster.advance(Duration.ofSeconds(40));

    assertThat(cluster.exec("default/" + follower, "redis-cli", "get", "guestbook").stdout()).as("seed %d", SEED)
        .isEqualTo("kept\n");
    assertThat(cluster.kubectl("logs " + follower + " --tail=4").stdout())
        .contains("# Connection with master lost.\n")
        .contains("# Error condition on socket for SYNC: Connection refused\n");
  }

  @Test
  void theFrontendBeforeTheRenamingAsksRedisMasterAndTheFollowersFromTheEnvironment() {
    cluster.apply(FRONTEND.replace("gke/gb-frontend:v5", "gke/gb-frontend:v4"));
    cluster.awaitReady(Duration.ofMinutes(2));

    assertThat(get("http://frontend/guestbook.php?cmd=set&key=messages&value=x").body()).as("seed %d", SEED)
        .contains("[tcp://redis-master:6379]");
    assertThat(get("http://frontend/guestbook.php?cmd=get&key=messages").body()).contains("[tcp://redis-slave:6379]");
  }
}
