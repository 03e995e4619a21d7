package dev.kubesim.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.ReplicaSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests decode as kubectl (sigs.k8s.io/yaml over go-yaml v2) and the API server decode them. */
class DecodingLikeKubectlTest {
  private static JsonNode tree(String yaml) {
    return ManifestReader.read("x.yaml", yaml).get(0).tree();
  }

  private static String error(String yaml) {
    try {
      for (Document d : ManifestReader.read("x.yaml", yaml)) {
        ObjectCodec.decode(d);
      }
    } catch (KubeSimException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for " + yaml);
  }

  @Test
  void anchorsAliasesAndMergeKeysResolve() {
    JsonNode t = tree("""
        base: &base {a: 1, b: 2}
        copy: *base
        merged: {<<: *base, b: 3}
        list: [&x hello, *x]
        """);
    assertThat(t.get("copy").toString()).isEqualTo("{\"a\":1,\"b\":2}");
    assertThat(t.get("merged").toString()).isEqualTo("{\"a\":1,\"b\":3}");
    assertThat(t.get("list").toString()).isEqualTo("[\"hello\",\"hello\"]");
  }

  @Test
  void anUndefinedAliasIsGoYamlsUnknownAnchor() {
    assertThatThrownBy(() -> tree("a: *nope\n"))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("error parsing x.yaml: error converting YAML to JSON: yaml: unknown anchor 'nope' referenced");
  }

  @Test
  void anAliasBombIsExcessiveAliasing() {
    StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      y.append("a").append(i).append(": &a").append(i).append(" [")
          .append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
    }
    assertThatThrownBy(() -> tree(y.toString()))
        .hasMessage("error parsing x.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing");
  }

  @Test
  void deepNestingStopsAtTheDepthLimit() {
    String deep = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    assertThatThrownBy(() -> tree(deep))
        .hasMessage("error parsing x.yaml: error converting YAML to JSON: yaml: line 1: exceeded max depth of " + YamlTrees.MAX_DEPTH);
    String fine = "a: " + "[".repeat(YamlTrees.MAX_DEPTH - 1) + "]".repeat(YamlTrees.MAX_DEPTH - 1) + "\n";
    assertThat(tree(fine).get("a").isArray()).isTrue();
  }

  @Test
  void duplicateKeysKeepTheLastValueAsKubectlsNonStrictDecodingDoes() {
    assertThat(tree("a: 1\nb: 2\na: 3\n").toString()).isEqualTo("{\"a\":3,\"b\":2}");
  }

  @Test
  void controlCharactersAreRefusedInGoYamlsWords() {
    assertThatThrownBy(() -> tree("a: b\u0001\n"))
        .hasMessage("error parsing x.yaml: error converting YAML to JSON: yaml: control characters are not allowed");
  }

  @Test
  void aSeparatorWithContentIsInvalid() {
    assertThatThrownBy(() -> ManifestReader.read("x.yaml", "a: 1\n--- b: 2\n"))
        .hasMessage("error parsing x.yaml: invalid Yaml document separator: b: 2");
  }

  @Test
  void documentsBeforeABrokenOneStand() {
    ManifestReader.Manifest m = ManifestReader.stream("x.yaml", "a: 1\n---\nb: [\n---\nc: 3\n");
    assertThat(m.documents()).hasSize(1);
    assertThat(m.errors()).singleElement().extracting(Throwable::getMessage).asString()
        .startsWith("error parsing x.yaml: error converting YAML to JSON: yaml: line ");
  }

  @Test
  void floatsWithoutFractionAreIntegersAndOthersAreRefusedForInt32() {
    String rs = "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: r}\nspec: {replicas: %s, selector: {matchLabels: {a: b}}}\n";
    ReplicaSet three = (ReplicaSet) ObjectCodec.decode(ManifestReader.read("x.yaml", rs.formatted("3.0")).get(0));
    assertThat(three.spec().orElseThrow().replicas()).hasValue(3);
    assertThat(error(rs.formatted("3.5"))).isEqualTo("error when creating \"x.yaml\": ReplicaSet in version \"v1\" cannot be handled"
        + " as a ReplicaSet: json: cannot unmarshal number 3.5 into Go struct field ReplicaSetSpec.spec.replicas of type int32");
    assertThat(error(rs.formatted("99999999999"))).endsWith(
        "json: cannot unmarshal number 99999999999 into Go struct field ReplicaSetSpec.spec.replicas of type int32");
  }

  @Test
  void infinityCannotBeWrittenAsJson() {
    assertThatThrownBy(() -> tree("a: .inf\n"))
        .hasMessage("error parsing x.yaml: error converting YAML to JSON: json: unsupported value: +Inf");
  }

  @Test
  void nullsInListsAndMapsAreGosZeroValues() {
    Pod pod = (Pod) ObjectCodec.decode(ManifestReader.read("x.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {a: null}}\nspec: {containers: [null]}\n").get(0));
    assertThat(pod.metadata().labels()).containsEntry("a", "");
    assertThat(pod.spec().orElseThrow().containers()).singleElement()
        .satisfies(c -> assertThat(c.name()).isEmpty());
  }

  @Test
  void aDocumentOverTheRequestLimitIsRefusedAsTheApiServerRefusesIt() {
    String big = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {x: " + "a".repeat(16 << 20) + "}\n";
    KubeSimException e = (KubeSimException) org.assertj.core.api.Assertions.catchThrowable(
        () -> ObjectCodec.decode(ManifestReader.read("x.yaml", big).get(0)));
    assertThat(e.code()).isEqualTo(413);
    assertThat(e.reason()).isEqualTo("RequestEntityTooLarge");
    assertThat(e).hasMessage("error when creating \"x.yaml\": Request entity too large: limit is 3145728");
    String etcd = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {x: " + "a".repeat(2 << 20) + "}\n";
    assertThat(error(etcd)).isEqualTo("error when creating \"x.yaml\": etcdserver: request is too large");
  }

  @Test
  void aFileThatIsNotUtf8IsReadWithReplacementCharacters(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("latin1.yaml");
    Files.write(f, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(ManifestReader.read(f).get(0).tree().at("/data/k").asText()).isEqualTo("caf\uFFFD");
    Path bom = dir.resolve("bom.yaml");
    Files.write(bom, ("\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n").getBytes(StandardCharsets.UTF_8));
    assertThat(ManifestReader.read(bom).get(0).kind()).isEqualTo("ConfigMap");
  }
}
