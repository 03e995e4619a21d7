package dev.kubesim.impl.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Custom resources over the served API: discovery, versions, the Table with printer columns, status. */
class CustomResourcesServedTest {
  private static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        scope: Namespaced
        names: {plural: widgets, kind: Widget, shortNames: [wd], categories: [all]}
        versions:
        - name: v1beta1
          served: true
          storage: false
          schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
        - name: v1
          served: true
          storage: true
          subresources: {status: {}}
          additionalPrinterColumns:
          - {name: Size, type: integer, jsonPath: .spec.size}
          - {name: Color, type: string, jsonPath: .spec.color, priority: 1}
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec: {type: object, properties: {size: {type: integer}, color: {type: string}}}
                status: {type: object, properties: {phase: {type: string}}}
      """;
  private static final String V1 = "/apis/example.com/v1/namespaces/default/widgets";

  private final ServedApiFixture f = new ServedApiFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void establishedDefinitionIsDiscoveredAndServedInEachVersion() {
    assertThat(f.get("/apis/example.com").code()).as("seed %d", ServedApiFixture.SEED).isEqualTo(404);
    f.cluster.apply(CRD);
    JsonNode group = f.get("/apis/example.com").json();
    assertThat(group.path("versions").toString()).isEqualTo(
        "[{\"groupVersion\":\"example.com/v1\",\"version\":\"v1\"},{\"groupVersion\":\"example.com/v1beta1\",\"version\":\"v1beta1\"}]");
    assertThat(group.path("preferredVersion").path("version").asText()).isEqualTo("v1");
    JsonNode resources = f.get("/apis/example.com/v1").json().path("resources");
    assertThat(resources.get(0).path("name").asText()).isEqualTo("widgets");
    assertThat(resources.get(0).path("singularName").asText()).isEqualTo("widget");
    assertThat(resources.get(0).path("shortNames").toString()).isEqualTo("[\"wd\"]");
    assertThat(resources.get(0).path("categories").toString()).isEqualTo("[\"all\"]");
    assertThat(resources.get(1).path("name").asText()).isEqualTo("widgets/status");
    assertThat(f.get("/apis/example.com/v1beta1").json().path("resources").size()).as("no status in v1beta1").isEqualTo(1);
    boolean aggregated = false;
    for (JsonNode g : f.get("/apis", Discovery.AGGREGATED_V2).json().path("items")) {
      aggregated |= g.path("metadata").path("name").asText().equals("example.com");
    }
    assertThat(aggregated).isTrue();
    assertThat(f.get("/apis").json().toString()).contains("\"name\":\"example.com\"");

    ServedApiFixture.Reply created = f.post(V1, "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\","
        + "\"metadata\":{\"name\":\"w\"},\"spec\":{\"size\":3,\"color\":\"red\"},\"status\":{\"phase\":\"Ignored\"}}");
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.json().has("status")).as("status is the status subresource's").isFalse();
    JsonNode beta = f.get("/apis/example.com/v1beta1/namespaces/default/widgets/w").json();
    assertThat(beta.path("apiVersion").asText()).isEqualTo("example.com/v1beta1");
    assertThat(beta.path("spec").path("size").asInt()).isEqualTo(3);

    ServedApiFixture.Reply status = f.patch(V1 + "/w/status", "application/merge-patch+json", "{\"status\":{\"phase\":\"Ready\"}}");
    assertThat(status.code()).isEqualTo(200);
    assertThat(f.get(V1 + "/w").json().path("status").path("phase").asText()).isEqualTo("Ready");

    JsonNode table = f.get(V1, "application/json;as=Table;v=v1;g=meta.k8s.io").json();
    assertThat(table.path("columnDefinitions").findValuesAsText("name")).containsExactly("Name", "Size", "Color");
    assertThat(table.path("rows").get(0).path("cells").toString()).isEqualTo("[\"w\",3,\"red\"]");
    assertThat(table.path("columnDefinitions").findValuesAsText("type")).containsExactly("string", "integer", "string");

    ServedApiFixture.Reply invalid = f.post(V1, "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\","
        + "\"metadata\":{\"name\":\"x\"},\"spec\":{\"size\":\"big\"}}");
    assertThat(invalid.code()).isEqualTo(422);
    assertThat(invalid.json().path("message").asText()).isEqualTo("Widget.example.com \"x\" is invalid: spec.size: "
        + "Invalid value: \"string\": spec.size in body must be of type integer: \"string\"");
    ServedApiFixture.Reply unknown = f.post(V1, "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\","
        + "\"metadata\":{\"name\":\"y\"},\"spec\":{\"weight\":1}}");
    assertThat(unknown.code()).isEqualTo(400);
    assertThat(unknown.json().path("message").asText()).endsWith("strict decoding error: unknown field \"spec.weight\"");
  }
}
