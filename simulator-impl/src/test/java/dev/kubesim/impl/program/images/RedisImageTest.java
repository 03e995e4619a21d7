package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.trace.Disposition;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The redis image: RESP through a Service from another pod, redis-cli's output, and HTTP refused as redis does. */
class RedisImageTest {
  private static final long SEED = 7;
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().nodes(2).seed(SEED).build();
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: redis, labels: {app: redis}}
        spec:
          containers: [{name: redis, image: redis:7.2}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: redis}
        spec:
          selector: {app: redis}
          ports: [{port: 6379}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: redis-wrong-port}
        spec:
          selector: {app: redis}
          ports: [{port: 6380}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client}
        spec:
          containers: [{name: cli, image: redis:7.2, command: [sleep, infinity]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: curl}
        spec:
          containers: [{name: curl, image: curlimages/curl, command: [sleep, infinity]}]
        """);
    cluster.awaitReady(Duration.ofMinutes(2));
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private ExecResult cli(String... args) {
    String[] argv = new String[args.length + 3];
    argv[0] = "redis-cli";
    argv[1] = "-h";
    argv[2] = "redis";
    System.arraycopy(args, 0, argv, 3, args.length);
    return cluster.exec("default/client", argv);
  }

  @Test
  void valuesSetThroughTheServiceAreReadBackRawWithoutATerminal() {
    assertThat(cli("ping").stdout()).as("seed %d", SEED).isEqualTo("PONG\n");
    assertThat(cli("set", "greeting", "hello world").stdout()).isEqualTo("OK\n");
    assertThat(cli("get", "greeting").stdout()).isEqualTo("hello world\n");
    assertThat(cli("get", "missing").stdout()).isEqualTo("\n");
    assertThat(cli("incr", "hits").stdout()).isEqualTo("1\n");
    assertThat(cli("incr", "hits").stdout()).isEqualTo("2\n");
    assertThat(cli("exists", "hits", "greeting", "nope").stdout()).isEqualTo("2\n");
    assertThat(cli("del", "hits").stdout()).isEqualTo("1\n");
    ExecResult r = cli("get", "greeting");
    assertThat(r.exitCode()).isZero();
    assertThat(r.trace().orElseThrow().disposition().kind()).isEqualTo(Disposition.Kind.DELIVERED);
    assertThat(r.trace().orElseThrow().disposition().objectText()).isEqualTo("pod/default/redis");
  }

  @Test
  void infoAnswersTheSectionsAskedFor() {
    cli("set", "k", "v");
    String memory = cli("info", "memory").stdout();
    assertThat(memory).as("seed %d", SEED).startsWith("# Memory\r\nused_memory:").contains("\r\nmaxmemory:0\r\n")
        .contains("maxmemory_policy:noeviction").doesNotContain("# Server");
    assertThat(cli("info", "replication").stdout()).isEqualTo("# Replication\r\nrole:master\r\nconnected_slaves:0\r\n");
    assertThat(cli("info", "server", "keyspace").stdout()).contains("# Server\r\n").contains("\r\n\r\n# Keyspace\r\ndb0:keys=1,");
    assertThat(cli("info").stdout()).contains("# Clients").contains("# Memory").contains("# Replication").contains("# Keyspace");
    assertThat(cli("info", "nosuch").stdout()).isBlank();
  }

  @Test
  void withNoRawRepliesAreTypedAsRedisCliPrintsThemOnATerminal() {
    cluster.kubectl("exec client -- redis-cli -h redis set k v");
    assertThat(cluster.kubectl("exec client -- redis-cli -h redis --no-raw get k").stdout()).isEqualTo("\"v\"\n");
    assertThat(cluster.kubectl("exec client -- redis-cli -h redis --no-raw get nothing").stdout()).isEqualTo("(nil)\n");
    assertThat(cluster.kubectl("exec client -- redis-cli -h redis --no-raw ping").stdout()).isEqualTo("PONG\n");
    assertThat(cluster.kubectl("exec client -- redis-cli -h redis --no-raw exists k").stdout()).isEqualTo("(integer) 1\n");
    assertThat(cluster.kubectl("exec client -- redis-cli -h redis --no-raw keys *").stdout()).isEqualTo("1) \"k\"\n");
    assertThat(cluster.kubectl("exec client -- redis-cli -h redis --no-raw keys nomatch*").stdout()).isEqualTo("(empty array)\n");
    KubectlResult unknown = cluster.kubectl("exec client -- redis-cli -h redis --no-raw hello world");
    assertThat(unknown.stdout())
        .isEqualTo("(error) ERR unknown command 'hello', with args beginning with: 'world' \n");
    assertThat(cluster.kubectl("exec client -- redis-cli -h redis --no-raw get").stdout())
        .isEqualTo("(error) ERR wrong number of arguments for 'get' command\n");
  }

  @Test
  void anErrorReplyMakesRedisCliExitOne() {
    cli("set", "word", "abc");
    ExecResult r = cli("incr", "word");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEqualTo("ERR value is not an integer or out of range\n\n");
  }

  @Test
  void withoutAHostRedisCliDialsItsOwnPod() {
    ExecResult r = cluster.exec("default/client", "redis-cli", "ping");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("Could not connect to Redis at 127.0.0.1:6379: Connection refused\n");
    assertThat(cluster.exec("default/redis", "redis-cli", "ping").stdout()).isEqualTo("PONG\n");
  }

  @Test
  void curlToRedisGetsAnEmptyReplyAndRedisLogsTheAttack() {
    ExecResult r = cluster.exec("default/curl", "curl", "-sS", "redis:6379");
    assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(52);
    assertThat(r.stderr()).isEqualTo("curl: (52) Empty reply from server\n");
    assertThat(cluster.kubectl("logs redis").stdout())
        .contains("# Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis.")
        .contains("Ready to accept connections tcp");
  }

  @Test
  void connectionFailuresAreWordedAsRedisCliWordsThem() {
    ExecResult refused = cluster.exec("default/client", "redis-cli", "-h", "redis-wrong-port", "-p", "6380", "ping");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.stderr()).isEqualTo("Could not connect to Redis at redis-wrong-port:6380: Connection refused\n");
    ExecResult unknown = cluster.exec("default/client", "redis-cli", "-h", "nosuch", "ping");
    assertThat(unknown.stderr()).isEqualTo("Could not connect to Redis at nosuch:6379: Name or service not known\n");
  }

  @Test
  void listsPushPopAndRangeAsRedisDoesAndAStringIsTheWrongType() {
    assertThat(cli("rpush", "queue", "a", "b").stdout()).as("seed %d", SEED).isEqualTo("2\n");
    assertThat(cli("lpush", "queue", "x", "y").stdout()).isEqualTo("4\n");
    assertThat(cli("lrange", "queue", "0", "-1").stdout()).isEqualTo("y\nx\na\nb\n");
    assertThat(cli("--no-raw", "lrange", "queue", "1", "2").stdout()).isEqualTo("1) \"x\"\n2) \"a\"\n");
    assertThat(cli("llen", "queue").stdout()).isEqualTo("4\n");
    assertThat(cli("lindex", "queue", "-1").stdout()).isEqualTo("b\n");
    assertThat(cli("lpop", "queue").stdout()).isEqualTo("y\n");
    assertThat(cli("rpop", "queue", "2").stdout()).isEqualTo("b\na\n");
    assertThat(cli("type", "queue").stdout()).isEqualTo("list\n");
    assertThat(cli("get", "queue").stdout()).isEqualTo("WRONGTYPE Operation against a key holding the wrong kind of value\n\n");
    cli("set", "word", "w");
    assertThat(cli("--no-raw", "lpush", "word", "v").stdout())
        .isEqualTo("(error) WRONGTYPE Operation against a key holding the wrong kind of value\n");
    assertThat(cli("rpop", "queue").stdout()).isEqualTo("x\n");
    assertThat(cli("type", "queue").stdout()).as("an emptied list is gone").isEqualTo("none\n");
  }

  @Test
  void aConfigFileFromAConfigMapSetsWhatConfigGetShowsAndConfigSetChanges() {
    cluster.apply("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: example-redis-config}
        data:
          redis-config: |
            maxmemory 2mb
            maxmemory-policy allkeys-lru
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: configured}
        spec:
          containers:
          - name: redis
            image: redis:5.0.4
            command: [redis-server, /redis-master/redis.conf]
            volumeMounts: [{mountPath: /redis-master, name: config}]
          volumes:
          - name: config
            configMap:
              name: example-redis-config
              items: [{key: redis-config, path: redis.conf}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: by-entrypoint}
        spec:
          containers: [{name: redis, image: redis:7.2, args: [/redis-master/none.conf, --maxmemory, 1gb]}]
        """);
    cluster.awaitReady(Duration.ofMinutes(1));

    assertThat(cluster.exec("configured", "redis-cli", "CONFIG", "GET", "maxmemory*").stdout())
        .isEqualTo("maxmemory\n2097152\nmaxmemory-policy\nallkeys-lru\nmaxmemory-samples\n5\n");
    assertThat(cluster.exec("configured", "redis-cli", "CONFIG", "SET", "maxmemory-policy", "volatile-lru").stdout())
        .isEqualTo("OK\n");
    assertThat(cluster.exec("configured", "redis-cli", "CONFIG", "GET", "maxmemory-policy").stdout())
        .isEqualTo("maxmemory-policy\nvolatile-lru\n");
    // docker-entrypoint.sh runs redis-server for a first argument ending in .conf
    assertThat(cluster.exec("by-entrypoint", "redis-cli", "CONFIG", "GET", "maxmemory").stdout())
        .isEqualTo("maxmemory\n1073741824\n");
  }
}
