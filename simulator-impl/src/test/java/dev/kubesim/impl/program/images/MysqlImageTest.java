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

/** The mysql and mariadb images with their client: queries through a Service, batch and table output, the client's errors. */
class MysqlImageTest {
  private static final long SEED = 9;
  private static final String WARNING = "mysql: [Warning] Using a password on the command line interface can be insecure.\n";
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().nodes(2).seed(SEED).build();
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: db, labels: {app: mysql}}
        spec:
          containers:
          - name: mysql
            image: mysql:8.4
            env: [{name: MYSQL_ROOT_PASSWORD, value: secret}, {name: MYSQL_DATABASE, value: shop}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: mysql}
        spec: {selector: {app: mysql}, ports: [{port: 3306}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: maria, labels: {app: maria}}
        spec:
          containers:
          - name: mariadb
            image: mariadb:11.4
            env: [{name: MARIADB_ROOT_PASSWORD, value: secret}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: mariadb}
        spec: {selector: {app: maria}, ports: [{port: 3306}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client}
        spec:
          containers: [{name: mysql, image: mysql:8.4, command: [sleep, infinity]}]
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

  private ExecResult mysql(String... args) {
    String[] argv = new String[args.length + 1];
    argv[0] = "mysql";
    System.arraycopy(args, 0, argv, 1, args.length);
    return cluster.exec("default/client", argv);
  }

  @Test
  void queriesThroughTheServicePrintTabSeparatedResults() {
    ExecResult one = mysql("-h", "mysql", "-uroot", "-psecret", "-e", "SELECT 1");
    assertThat(one.stdout()).as("seed %d", SEED).isEqualTo("1\n1\n");
    assertThat(one.stderr()).isEqualTo(WARNING);
    assertThat(one.exitCode()).isZero();
    assertThat(one.trace().orElseThrow().disposition().objectText()).isEqualTo("pod/default/db");
    assertThat(mysql("-h", "mysql", "-uroot", "-psecret", "-N", "-e", "select version()").stdout()).isEqualTo("8.4.3\n");
    assertThat(mysql("-h", "mysql", "-uroot", "-psecret", "-e", "SHOW DATABASES").stdout())
        .isEqualTo("Database\ninformation_schema\nmysql\nperformance_schema\nshop\nsys\n");
    assertThat(mysql("-h", "mysql", "-uroot", "-psecret", "-t", "-e", "select 1").stdout())
        .isEqualTo("+---+\n| 1 |\n+---+\n| 1 |\n+---+\n");
  }

  @Test
  void mariadbAnswersWithItsOwnVersionAndClient() {
    ExecResult r = cluster.exec("default/maria", "mariadb", "-h", "mariadb", "-uroot", "-psecret", "-N", "-e", "select version()");
    assertThat(r.stdout()).as("seed %d", SEED).isEqualTo("11.4.3-MariaDB-ubu2404\n");
    assertThat(r.stderr()).isEmpty();
  }

  @Test
  void failuresAreWordedAsTheMysqlClientWordsThem() {
    String clientIp = cluster.get(Pod.class, "default", "client").flatMap(Pod::status).flatMap(PodStatus::podIP).orElseThrow();
    ExecResult denied = mysql("-h", "mysql", "-uroot", "-pwrong", "-e", "select 1");
    assertThat(denied.exitCode()).as("seed %d", SEED).isEqualTo(1);
    assertThat(denied.stderr()).isEqualTo(WARNING + "ERROR 1045 (28000): Access denied for user 'root'@'" + clientIp
        + "' (using password: YES)\n");
    assertThat(mysql("-h", "mysql", "-P", "3307", "-uroot", "-e", "select 1").stderr())
        .matches("ERROR 2003 \\(HY000\\): Can't connect to MySQL server on 'mysql:3307' \\((110|111)\\)\n");
    assertThat(mysql("-h", "nosuch", "-e", "select 1").stderr())
        .isEqualTo("ERROR 2005 (HY000): Unknown MySQL server host 'nosuch' (-2)\n");
    assertThat(mysql("-e", "select 1").stderr())
        .isEqualTo("ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)\n");
    ExecResult unsupported = mysql("-h", "mysql", "-uroot", "-psecret", "-e", "create table t (id int)");
    assertThat(unsupported.stderr()).startsWith(WARNING + "ERROR 1235 (42000) at line 1: kubesim's simulated MySQL runs only");
  }

  @Test
  void curlToMysqlReadsTheGreetingNotAnHttpResponse() {
    ExecResult r = cluster.exec("default/curl", "curl", "-sS", "mysql:3306");
    assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("curl: (1) Received HTTP/0.9 when not allowed\n");
  }
}
