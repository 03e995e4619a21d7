package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.KubectlResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs that broke the engine or leaked its internals, through {@code apply(String)}, {@code
 * apply(Path)} and kubectl: each fails with Kubernetes' or kubectl's words, changes nothing, and
 * returns (the work each costs is bounded by the input, not by a timeout).
 */
class BadInputCorpusTest {
  private static final long SEED = 23;
  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n";
  private static final String RS = "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: r}\n"
      + "spec: {replicas: %s, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}},"
      + " spec: {containers: [{name: c, image: nginx}]}}}\n";
  /** What a message must never show: Java's and its libraries' own words. */
  private static final List<String> INTERNALS = List.of("java.", "Exception", "jackson", "Jackson", "snakeyaml",
      "StreamReadConstraints", "Cannot construct", "dev.kubesim", "Input length", "Numeric value", "(TAB)");

  private static Cluster cluster;
  private static final AtomicInteger changes = new AtomicInteger();

  @BeforeAll
  static void start() {
    cluster = KubeSim.cluster().nodes(1).seed(SEED).build();
    ((SimCluster) cluster).api().store().watchAll(e -> changes.incrementAndGet());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  static Stream<Arguments> corpus() {
    List<Arguments> c = new ArrayList<>();
    c.add(Arguments.of("a null container", POD + "spec: {containers: [null]}\n",
        "spec.containers[0].name: Required value"));
    c.add(Arguments.of("replicas 3.5", RS.formatted("3.5"),
        "json: cannot unmarshal number 3.5 into Go struct field ReplicaSetSpec.spec.replicas of type int32"));
    c.add(Arguments.of("replicas past int32", RS.formatted("99999999999"),
        "json: cannot unmarshal number 99999999999 into Go struct field ReplicaSetSpec.spec.replicas of type int32"));
    c.add(Arguments.of("initialDelaySeconds past int32", POD + "spec: {containers: [{name: c, image: nginx,"
        + " livenessProbe: {initialDelaySeconds: 2147483648, exec: {command: [ls]}}}]}\n",
        "json: cannot unmarshal number 2147483648 into Go struct field Probe.spec.containers.livenessProbe.initialDelaySeconds"
            + " of type int32"));
    c.add(Arguments.of("terminationGracePeriodSeconds past int64", POD
        + "spec: {terminationGracePeriodSeconds: 9223372036854775808, containers: [{name: c, image: nginx}]}\n",
        "json: cannot unmarshal number 9223372036854775808 into Go struct field PodSpec.spec.terminationGracePeriodSeconds"
            + " of type int64"));
    c.add(Arguments.of("a loadBalancerIP that is no address", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n"
        + "spec: {type: LoadBalancer, loadBalancerIP: 999.0.0.1, ports: [{port: 80}]}\n",
        "spec.loadBalancerIP: Invalid value: \"999.0.0.1\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
    c.add(Arguments.of("an undefined alias", POD + "spec: *nope\n",
        "error converting YAML to JSON: yaml: unknown anchor 'nope' referenced"));
    c.add(Arguments.of("an alias bomb", aliasBomb(), "error converting YAML to JSON: yaml: document contains excessive aliasing"));
    c.add(Arguments.of("deep nesting", POD + "spec: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n",
        "error converting YAML to JSON: yaml: line 4: exceeded max depth of 500"));
    c.add(Arguments.of("a 4 MB value on one line", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {x: "
        + "a".repeat(4 << 20) + "}\n", "Request entity too large: limit is 3145728"));
    c.add(Arguments.of("a 2 MB value", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {x: "
        + "a".repeat(2 << 20) + "}\n", "etcdserver: request is too large"));
    c.add(Arguments.of("binary", "\u0000\u0001\u0002\u00ff\u0003", "error converting YAML to JSON: yaml: control characters are not allowed"));
    c.add(Arguments.of("a number for a name", "apiVersion: v1\nkind: Pod\nmetadata: {name: 5}\n",
        "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string"));
    c.add(Arguments.of("a map for a list", POD + "spec: {containers: {name: c}}\n",
        "json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container"));
    c.add(Arguments.of("a string for a port", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: \"80\"}]}\n",
        "json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32"));
    c.add(Arguments.of("a scalar document", "hello\n", "json: cannot unmarshal string into Go value of type map[string]interface {}"));
    c.add(Arguments.of("an unknown field", POD + "spec: {containers: [{name: c, image: nginx}], foo: 1}\n",
        "strict decoding error: unknown field \"spec.foo\""));
    c.add(Arguments.of("an unserved kind", "apiVersion: v1\nkind: Widget\nmetadata: {name: w}\n",
        "no matches for kind \"Widget\" in version \"v1\""));
    c.add(Arguments.of("no apiVersion", "kind: Pod\nmetadata: {name: p}\n", "error validating data: apiVersion not set"));
    c.add(Arguments.of("a separator with content", "--- apiVersion: v1\n", "invalid Yaml document separator: apiVersion: v1"));
    c.add(Arguments.of("a syntax error", POD + "spec: [\n", "error converting YAML to JSON: yaml: line "));
    c.add(Arguments.of("a tab for indentation", "\tapiVersion: v1\n",
        "error converting YAML to JSON: yaml: line 1: found character that cannot start any token"));
    c.add(Arguments.of("infinity", POD + "spec: {terminationGracePeriodSeconds: .inf}\n",
        "error converting YAML to JSON: json: unsupported value: +Inf"));
    return c.stream();
  }

  private static String aliasBomb() {
    StringBuilder y = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\nx:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 9; i++) {
      y.append("  a").append(i).append(": &a").append(i).append(" [")
          .append(("*a" + (i - 1) + ", ").repeat(8)).append("*a").append(i - 1).append("]\n");
    }
    return y.toString();
  }

  private static void assertRefusedWithoutChange(String what, String message, String expected) {
    assertThat(message).as("%s (seed %d)", what, SEED).contains(expected);
    for (String internal : INTERNALS) {
      assertThat(message).as("%s leaks %s", what, internal).doesNotContain(internal);
    }
    assertThat(changes.getAndSet(0)).as("%s changed the cluster (seed %d)", what, SEED).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void applyStringRefusesItInKubernetesWords(String what, String text, String expected) {
    changes.set(0);
    Throwable e = catchThrowable(() -> cluster.apply(text));
    assertThat(e).as(what).isInstanceOf(KubeSimException.class);
    assertRefusedWithoutChange(what, e.getMessage(), expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void applyPathRefusesItInKubernetesWords(String what, String text, String expected, @TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    changes.set(0);
    Throwable e = catchThrowable(() -> cluster.apply(file));
    assertThat(e).as(what).isInstanceOf(KubeSimException.class);
    assertRefusedWithoutChange(what, e.getMessage(), expected);
    assertThat(e.getMessage()).as(what).doesNotContain("STDIN");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void kubectlApplyRefusesItInKubectlsWords(String what, String text, String expected) {
    changes.set(0);
    KubectlResult r = ((SimCluster) cluster).kubectl("apply -f -", text);
    assertThat(r.exitCode()).as(what).isEqualTo(1);
    assertThat(r.stderr()).as(what).matches("(?s)(Error from server|error: |The [A-Za-z]+ \"[^\"]*\" is invalid: ).*");
    assertRefusedWithoutChange(what, r.stderr(), expected);
  }

  @org.junit.jupiter.api.Test
  void aFiftyMegabyteFileIsReadAsAStreamAndRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("huge.yaml");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata: {x: ".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "a".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
      out.write("}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: after}\n".getBytes(StandardCharsets.UTF_8));
    }
    changes.set(0);
    Throwable e = catchThrowable(() -> cluster.apply(file));
    assertThat(e).hasMessage("error when creating \"" + file + "\": Request entity too large: limit is 3145728");
    assertThat(cluster.get("ConfigMap", "default", "after")).as("seed %d", SEED).isPresent();
    assertThat(cluster.get("ConfigMap", "default", "huge")).isEmpty();
    cluster.delete("ConfigMap", "default", "after");
  }
}
