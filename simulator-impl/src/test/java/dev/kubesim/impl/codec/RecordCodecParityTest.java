package dev.kubesim.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.cluster.SimCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The codec's direct path ({@link RecordDecoder}, {@link RecordEncoder}) makes exactly what Jackson's
 * binding makes: the same objects from the same trees, the same trees (node types and field order
 * included) from the same objects. The corpus is every manifest of the project's labs and tests and
 * every object of a running cluster, status and events included.
 */
class RecordCodecParityTest {
  private static final KindCatalog KINDS = new KindCatalog();

  @Test
  void manifestsDecodeDirectlyToWhatJacksonBindsAndEncodeBackTheSame() throws IOException {
    int direct = 0;
    int documents = 0;
    for (Path file : manifests()) {
      for (Document doc : documents(file)) {
        Optional<KindInfo> info = kind(doc.tree());
        if (info.isEmpty() || Conversions.converts(info.get())) {
          continue;
        }
        documents++;
        Object fast;
        try {
          fast = RecordDecoder.decode(doc.tree(), info.get().type());
        } catch (RecordDecoder.Unsupported e) {
          continue; // left to Jackson, which words what is wrong with it
        }
        direct++;
        Object bound = ObjectCodec.mapper().treeToValue(doc.tree(), info.get().type());
        assertThat(fast).as("%s in %s", doc.describe(), file).isEqualTo(bound);
        assertSameTree((KubeObject) fast, file + " " + doc.describe());
      }
    }
    // most documents are valid: the direct path must be the common one
    assertThat(direct).isGreaterThan(documents * 8 / 10).isGreaterThan(200);
  }

  @Test
  void aRunningClustersObjectsEncodeDirectlyAsJacksonWritesThem() throws IOException {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(2).seed(3).addons(List.of("coredns", "ingress-nginx")).build()) {
      cluster.apply(Files.readString(Path.of("../samples/src/main/resources/dev/kubesim/samples/labs/kubia/kubia-rc.yaml")));
      cluster.apply(Files.readString(Path.of("../samples/src/main/resources/dev/kubesim/samples/labs/kubia/kubia-svc.yaml")));
      cluster.settle();
      ApiServer api = cluster.api();
      int objects = 0;
      for (String kind : api.store().kinds()) {
        for (KubeObject o : api.list(kind, Optional.empty())) {
          assertSameTree(o, kind + " " + o.metadata().name());
          JsonNode tree = ObjectCodec.encode(o);
          // read back: what the API server's clients send, lastProbeTime's null included
          assertThat(RecordDecoder.decode(tree, o.getClass())).as(kind).isEqualTo(ObjectCodec.mapper().treeToValue(tree, o.getClass()));
          objects++;
        }
      }
      assertThat(objects).isGreaterThan(40);
    }
  }

  private static void assertSameTree(KubeObject object, String what) {
    ObjectNode fast = RecordEncoder.encode((Record) object);
    ObjectNode bound = ObjectCodec.mapper().valueToTree(object);
    assertThat(fast.toString()).as(what).isEqualTo(bound.toString());
    assertThat(CompactJson.text(fast)).as(what).isEqualTo(bound.toString());
    assertThat(fast).as(what).isEqualTo(bound);
  }

  /** The file's documents, and those of the manifests a conformance scenario holds as text. */
  private static List<Document> documents(Path file) {
    List<Document> docs = new ArrayList<>();
    try {
      for (Document doc : ManifestReader.read(file)) {
        docs.add(doc);
        embedded(doc.tree(), docs);
      }
    } catch (RuntimeException e) {
      // files and texts that test bad YAML
    }
    return docs;
  }

  private static void embedded(JsonNode node, List<Document> out) {
    if (node.isTextual() && node.textValue().contains("kind:") && node.textValue().contains("apiVersion:")) {
      try {
        out.addAll(ManifestReader.read("embedded", node.textValue()));
      } catch (RuntimeException e) {
        // a scenario's deliberately bad manifest
      }
    }
    for (JsonNode child : node) {
      embedded(child, out);
    }
  }

  private static Optional<KindInfo> kind(JsonNode tree) {
    JsonNode apiVersion = tree.get("apiVersion");
    JsonNode kind = tree.get("kind");
    if (apiVersion == null || kind == null || !apiVersion.isTextual() || !kind.isTextual()) {
      return Optional.empty();
    }
    return KINDS.lookup(apiVersion.asText(), kind.asText());
  }

  private static List<Path> manifests() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String root : List.of("../samples/src/main/resources", "../samples/src/test/resources", "src/test/resources",
        "../../shared/manifests", "../../shared/conformance")) {
      Path dir = Path.of(root);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(files::add);
      }
    }
    return files;
  }
}
