package dev.kubesim.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.BadRequestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {
  @Test
  void multiDocumentYamlSkipsEmptyDocumentsAndExpandsLists() {
    var docs = ManifestReader.read("x.yaml", """
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: a}
        ---
        ---
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: Namespace, metadata: {name: b}}
        - {apiVersion: v1, kind: Namespace, metadata: {name: c}}
        """);
    assertThat(docs).extracting(Document::name).containsExactly("a", "b", "c");
    assertThat(docs).extracting(Document::index).containsExactly(0, 1, 2);
  }

  @Test
  void malformedYamlNamesTheSourceAndLineWithoutAStackTrace() {
    assertThatThrownBy(() -> ManifestReader.read("bad.yaml", "kind: Service\nmetadata:\n  name: [x\n"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("error parsing bad.yaml: error converting YAML to JSON: yaml: line ");
  }

  @Test
  void foldersAreReadRecursivelyInPathOrder(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("b.yaml"), "{apiVersion: v1, kind: Namespace, metadata: {name: b}}");
    Files.writeString(dir.resolve("a.json"), "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"a\"}}");
    Files.writeString(dir.resolve("sub/c.yml"), "{apiVersion: v1, kind: Namespace, metadata: {name: c}}");
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");
    assertThat(ManifestReader.read(dir)).extracting(Document::name).containsExactly("a", "b", "c");
  }

  @Test
  void aScalarDocumentIsRefused() {
    assertThatThrownBy(() -> ManifestReader.read("x.yaml", "just text\n"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("cannot unmarshal string");
  }

  @Test
  void fieldPathsResolveIndexesAndBracketedKeys() {
    var doc = ManifestReader.read("x", "metadata: {labels: {kubernetes.io/name: web}}\nspec: {ports: [{port: 80}]}\n").get(0);
    assertThat(dev.kubesim.api.FieldPaths.resolve(doc.tree(), "spec.ports[0].port").orElseThrow().asInt()).isEqualTo(80);
    assertThat(dev.kubesim.api.FieldPaths.resolve(doc.tree(), "metadata.labels[kubernetes.io/name]").orElseThrow().asText()).isEqualTo("web");
    assertThat(dev.kubesim.api.FieldPaths.resolve(doc.tree(), "spec.ports[1].port")).isEmpty();
  }
}
