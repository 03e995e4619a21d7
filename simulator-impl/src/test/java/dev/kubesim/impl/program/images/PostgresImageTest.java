package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Service;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The postgres image and psql: a query through a Service from another pod, psql's tables and libpq's failures. */
class PostgresImageTest {
  private static final long SEED = 5;
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().nodes(2).seed(SEED).build();
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: db, labels: {app: db}}
        spec:
          containers:
          - name: postgres
            image: postgres:16
            env: [{name: POSTGRES_PASSWORD, value: secret}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: postgres}
        spec:
          selector: {app: db}
          ports: [{port: 5432}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: postgres-wrong}
        spec:
          selector: {app: db}
          ports: [{port: 5432, targetPort: 5433}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client}
        spec:
          containers:
          - name: psql
            image: postgres:16
            command: [sleep, infinity]
            env: [{name: PGPASSWORD, value: secret}]
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

  private ExecResult psql(String... args) {
    String[] argv = new String[args.length + 1];
    argv[0] = "psql";
    System.arraycopy(args, 0, argv, 1, args.length);
    return cluster.exec("default/client", argv);
  }

  private String clusterIp(String service) {
    return cluster.get(Service.class, "default", service).orElseThrow().specOrEmpty().clusterIP().orElseThrow();
  }

  @Test
  void selectOneThroughTheServicePrintsPsqlsTable() {
    ExecResult r = psql("-h", "postgres", "-U", "postgres", "-c", "select 1");
    assertThat(r.stdout()).as("seed %d", SEED).isEqualTo(" ?column? \n----------\n        1\n(1 row)\n\n");
    assertThat(r.exitCode()).isZero();
    assertThat(r.trace().orElseThrow().disposition().objectText()).isEqualTo("pod/default/db");
    assertThat(psql("-h", "postgres", "-U", "postgres", "-tA", "-c", "select 1").stdout()).isEqualTo("1\n");
    assertThat(psql("-h", "postgres", "-U", "postgres", "-t", "-c", "select 1").stdout()).isEqualTo("        1\n\n");
    assertThat(psql("postgresql://postgres:secret@postgres:5432/postgres", "-c", "SELECT 'hi'").stdout())
        .isEqualTo(" ?column? \n----------\n hi\n(1 row)\n\n");
  }

  @Test
  void versionAndTheListOfDatabasesAreThoseOfPostgres16() {
    String version = psql("-h", "postgres", "-U", "postgres", "-c", "SELECT version();").stdout();
    assertThat(version).startsWith("                                                       version")
        .contains("\n PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu,")
        .endsWith("\n(1 row)\n\n");
    assertThat(psql("-h", "postgres", "-U", "postgres", "-c", "\\l").stdout()).isEqualTo("""
                                                              List of databases
           Name    |  Owner   | Encoding | Locale Provider |  Collate   |   Ctype    | ICU Locale | ICU Rules |   Access privileges  \s
        -----------+----------+----------+-----------------+------------+------------+------------+-----------+-----------------------
         postgres  | postgres | UTF8     | libc            | en_US.utf8 | en_US.utf8 |            |           |\s
         template0 | postgres | UTF8     | libc            | en_US.utf8 | en_US.utf8 |            |           | =c/postgres          +
                   |          |          |                 |            |            |            |           | postgres=CTc/postgres
         template1 | postgres | UTF8     | libc            | en_US.utf8 | en_US.utf8 |            |           | =c/postgres          +
                   |          |          |                 |            |            |            |           | postgres=CTc/postgres
        (3 rows)

        """);
  }

  @Test
  void aStatementOutsideTheSimulatedSetIsAnErrorSayingSo() {
    ExecResult r = psql("-h", "postgres", "-U", "postgres", "-c", "create table t (id int)");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).startsWith("ERROR:  kubesim's simulated PostgreSQL runs only SELECT <number>");
  }

  @Test
  void credentialsAreCheckedAsThePostgresImageConfiguresThem() {
    String at = "psql: error: connection to server at \"postgres\" (" + clusterIp("postgres") + "), port 5432 failed: ";
    ExecResult none = cluster.exec("default/curl", "sh", "-c", "true");
    assertThat(none.exitCode()).isZero();
    ExecResult noPassword = cluster.exec("default/client", "env", "-u", "PGPASSWORD", "psql", "-h", "postgres", "-U", "postgres", "-c", "select 1");
    assertThat(noPassword.stderr()).as("seed %d", SEED).isEqualTo(at + "fe_sendauth: no password supplied\n");
    assertThat(noPassword.exitCode()).isEqualTo(2);
    ExecResult wrong = cluster.exec("default/client", "env", "PGPASSWORD=nope", "psql", "-h", "postgres", "-U", "postgres", "-c", "select 1");
    assertThat(wrong.stderr()).isEqualTo(at + "FATAL:  password authentication failed for user \"postgres\"\n");
    assertThat(cluster.kubectl("logs db").stdout()).contains(" [1] FATAL:  password authentication failed for user \"postgres\"\n");
  }

  @Test
  void connectionFailuresAreWordedAsLibpqWordsThem() {
    ExecResult refused = psql("-h", "postgres-wrong", "-U", "postgres", "-c", "select 1");
    assertThat(refused.exitCode()).as("seed %d", SEED).isEqualTo(2);
    assertThat(refused.stderr()).isEqualTo("psql: error: connection to server at \"postgres-wrong\" (" + clusterIp("postgres-wrong")
        + "), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n");
    assertThat(psql("-h", "nosuch", "-c", "select 1").stderr())
        .isEqualTo("psql: error: could not translate host name \"nosuch\" to address: Name or service not known\n");
    assertThat(psql("-U", "postgres", "-c", "select 1").stderr())
        .isEqualTo("psql: error: connection to server on socket \"/var/run/postgresql/.s.PGSQL.5432\" failed: "
            + "No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n");
  }

  @Test
  void besideTheServerPsqlConnectsThroughTheSocketWithoutAPassword() {
    ExecResult r = cluster.exec("default/db", "psql", "-U", "postgres", "-tA", "-c", "select current_user");
    assertThat(r.stdout()).as("seed %d", SEED).isEqualTo("postgres\n");
  }

  @Test
  void withoutAPasswordTheEntrypointRefusesAndThePodCrashLoops() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: nopass}
        spec:
          containers: [{name: postgres, image: "postgres:16"}]
        """);
    cluster.advance(Duration.ofMinutes(1));
    assertThat(cluster.kubectl("logs nopass").stdout()).as("seed %d", SEED)
        .startsWith("Error: Database is uninitialized and superuser password is not specified.\n"
            + "       You must specify POSTGRES_PASSWORD to a non-empty value for the\n");
    assertThat(cluster.kubectl("get pod nopass").stdout()).contains("CrashLoopBackOff");
  }

  @Test
  void curlToPostgresGetsAnEmptyReplyAndPostgresLogsAnInvalidStartupPacket() {
    ExecResult r = cluster.exec("default/curl", "curl", "-sS", "postgres:5432");
    assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(52);
    assertThat(r.stderr()).isEqualTo("curl: (52) Empty reply from server\n");
    assertThat(cluster.kubectl("logs db").stdout()).contains(" [1] LOG:  invalid length of startup packet\n");
  }
}
