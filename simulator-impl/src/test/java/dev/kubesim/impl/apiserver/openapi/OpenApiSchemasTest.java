package dev.kubesim.impl.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.codec.KindCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schemas built from the model records and the descriptions file: Kubernetes' names, the kinds'
 * group-version-kind, references wrapped in allOf beside a description, the same bytes every time,
 * and no entry of the descriptions file naming a schema or field kubesim does not have.
 */
class OpenApiSchemasTest {
  private final KindCatalog kinds = new KindCatalog();

  private Map<String, JsonNode> everySchema() {
    Map<String, JsonNode> all = new LinkedHashMap<>();
    List<String> gvs = new ArrayList<>();
    for (KindInfo k : kinds.served()) {
      if (!gvs.contains(k.apiVersion())) {
        gvs.add(k.apiVersion());
      }
    }
    for (String gv : gvs) {
      OpenApiSchemas.schemas(kinds, gv).fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue()));
    }
    return all;
  }

  @Test
  void podSchemaNamesItsKindAndRefersToItsSpecAsTheServerDoes() {
    ObjectNode core = OpenApiSchemas.schemas(kinds, "v1");
    JsonNode pod = core.path("io.k8s.api.core.v1.Pod");
    assertThat(pod.path("x-kubernetes-group-version-kind").toString())
        .isEqualTo("[{\"group\":\"\",\"kind\":\"Pod\",\"version\":\"v1\"}]");
    assertThat(pod.path("properties").path("spec").toString()).isEqualTo(
        "{\"allOf\":[{\"$ref\":\"#/components/schemas/io.k8s.api.core.v1.PodSpec\"}],"
            + "\"description\":\"What the pod should run and how.\"}");
    assertThat(core.path("io.k8s.api.core.v1.PodSpec").path("required").toString()).isEqualTo("[\"containers\"]");
    assertThat(core.path("io.k8s.api.core.v1.ServicePort").path("properties").path("targetPort").path("allOf").get(0)
        .path("$ref").asText()).isEqualTo("#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString");
    assertThat(core.has("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")).isTrue();
    assertThat(core.has("io.k8s.api.apps.v1.Deployment")).isFalse();
    ObjectNode discovery = OpenApiSchemas.schemas(kinds, "discovery.k8s.io/v1");
    assertThat(discovery.has("io.k8s.api.discovery.v1.Endpoint")).isTrue();
    assertThat(discovery.has("io.k8s.api.discovery.v1.EndpointPort")).isTrue();
  }

  @Test
  void sameCatalogueGivesTheSameBytes() {
    assertThat(OpenApiSchemas.schemas(new KindCatalog(), "apps/v1").toString())
        .isEqualTo(OpenApiSchemas.schemas(kinds, "apps/v1").toString());
  }

  @Test
  void everyDescribedSchemaAndFieldExists() {
    Map<String, JsonNode> all = everySchema();
    List<String> missing = new ArrayList<>();
    Descriptions.all().forEach((name, entry) -> {
      JsonNode schema = all.get(name);
      if (schema == null) {
        missing.add(name);
        return;
      }
      entry.fields().keySet().forEach(f -> {
        if (!schema.path("properties").has(f)) {
          missing.add(name + "." + f);
        }
      });
      entry.required().forEach(f -> {
        if (!schema.path("properties").has(f)) {
          missing.add(name + ".required." + f);
        }
      });
    });
    assertThat(missing).isEmpty();
  }
}
