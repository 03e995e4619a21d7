package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * psql and the mysql client read their options as their parsers do: short options grouped, the
 * last of a group taking its argument ({@code psql -tAc 'select 1'}, {@code mysql -Nse SQL}).
 */
class ClientOptionGroupingTest {
  private static final long SEED = 29;
  private static Cluster cluster;

  @BeforeAll
  static void setUp() {
    cluster = KubeSim.cluster().nodes(1).seed(SEED).build();
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: pg}
        spec:
          containers:
          - name: postgres
            image: postgres:16
            env: [{name: POSTGRES_PASSWORD, value: secret}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: my}
        spec:
          containers:
          - name: mysql
            image: mysql:8.4
            env: [{name: MYSQL_ROOT_PASSWORD, value: secret}]
        """);
    cluster.awaitReady(Duration.ofMinutes(2));
  }

  @AfterAll
  static void tearDown() {
    cluster.close();
  }

  private static ExecResult pg(String... argv) {
    return cluster.exec("default/pg", argv);
  }

  private static ExecResult my(String... argv) {
    return cluster.exec("default/my", argv);
  }

  @Test
  void psqlGroupsShortOptionsTheLastTakingItsArgument() {
    assertThat(pg("psql", "-U", "postgres", "-tAc", "select 1").stdout()).as("seed %d", SEED).isEqualTo("1\n");
    assertThat(pg("psql", "-U", "postgres", "-tc", "select 1").stdout()).isEqualTo("        1\n\n");
    assertThat(pg("psql", "-U", "postgres", "-At", "-c", "select 1").stdout()).isEqualTo("1\n");
    assertThat(pg("psql", "-Upostgres", "-tAcselect 2").stdout()).isEqualTo("2\n");
    assertThat(pg("psql", "-XqtA", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-c", "select 3").stdout()).isEqualTo("3\n");
    // operands and options mix, as getopt_long permutes them
    assertThat(pg("psql", "postgres", "postgres", "--tuples-only", "--no-align", "--command=select 4").stdout())
        .isEqualTo("4\n");
    assertThat(pg("psql", "--version").stdout()).isEqualTo("psql (PostgreSQL) 16.4 (Debian 16.4-1.pgdg120+2)\n");
  }

  @Test
  void psqlRefusesWhatGetoptRefusesInItsWords() {
    ExecResult invalid = pg("psql", "-U", "postgres", "-tkc", "select 1");
    assertThat(invalid.exitCode()).as("seed %d", SEED).isEqualTo(1);
    assertThat(invalid.stderr()).isEqualTo("psql: invalid option -- 'k'\npsql: hint: Try \"psql --help\" for more information.\n");
    assertThat(pg("psql", "-U", "postgres", "-tAc").stderr())
        .isEqualTo("psql: option requires an argument -- 'c'\npsql: hint: Try \"psql --help\" for more information.\n");
    assertThat(pg("psql", "--frobnicate").stderr()).startsWith("psql: unrecognized option '--frobnicate'\n");
  }

  @Test
  void mysqlGroupsShortOptionsAsItsOptionParserDoes() {
    assertThat(my("mysql", "-uroot", "-psecret", "-Nse", "select 1").stdout()).as("seed %d", SEED).isEqualTo("1\n");
    assertThat(my("mysql", "-u", "root", "-psecret", "-sN", "-e", "select 'a'").stdout()).isEqualTo("a\n");
    assertThat(my("mysql", "-uroot", "-psecret", "-e", "select 5").stdout()).isEqualTo("5\n5\n");
    assertThat(my("mysql", "-uroot", "-psecret", "-Ne").stderr()).isEqualTo("mysql: option '-e' requires an argument\n");
  }
}
