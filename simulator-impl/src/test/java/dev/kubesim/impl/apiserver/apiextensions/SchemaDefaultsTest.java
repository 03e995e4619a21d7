package dev.kubesim.impl.apiserver.apiextensions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import org.junit.jupiter.api.Test;

/** Structural defaulting (defaulting/algorithm.go, prunenulls.go) and the CRD-time checks of defaults. */
class SchemaDefaultsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String SCHEMA = """
      type: object
      properties:
        spec:
          type: object
          properties:
            replicas: {type: integer, default: 1}
            image: {type: string, default: nginx}
            note: {type: string, nullable: true, default: hello}
            plain: {type: string}
            nested:
              type: object
              default: {}
              properties:
                level: {type: string, default: info}
            list:
              type: array
              items: {type: string, default: z}
            labels:
              type: object
              additionalProperties: {type: string, default: v}
            pruned:
              type: object
              default: {kept: 1, dropped: 2}
              properties:
                kept: {type: integer}
      """;

  private static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static JsonNode defaulted(String object) {
    ObjectNode tree = (ObjectNode) yaml(object);
    StructuralSchema.applyDefaults(tree, yaml(SCHEMA));
    return tree;
  }

  @Test
  void absentPropertiesOfPresentObjectsAreDefaultedAndDefaultsAreDefaultedInTurn() {
    assertThat(defaulted("spec: {}")).isEqualTo(yaml("""
        spec: {replicas: 1, image: nginx, note: hello, nested: {level: info}, pruned: {kept: 1}}
        """));
    assertThat(defaulted("metadata: {name: x}")).as("no spec, nothing under it").isEqualTo(yaml("metadata: {name: x}"));
    assertThat(defaulted("spec: {replicas: 3, nested: {level: debug}}").path("spec").path("replicas").asInt()).isEqualTo(3);
  }

  @Test
  void nullsAreDefaultedWhereNotNullableAndDroppedWhereThereIsNoDefault() {
    JsonNode spec = defaulted("spec: {replicas: null, note: null, plain: null, list: [null, a], labels: {a: null, b: c}}").path("spec");
    assertThat(spec.get("replicas").asInt()).isEqualTo(1);
    assertThat(spec.get("note").isNull()).as("nullable keeps its null").isTrue();
    assertThat(spec.has("plain")).as("non-nullable null without a default is dropped").isFalse();
    assertThat(spec.get("list")).isEqualTo(yaml("[z, a]"));
    assertThat(spec.get("labels")).isEqualTo(yaml("{a: v, b: c}"));
  }

  @Test
  void defaultsThatDoNotValidateOrAreNotPrunedMakeTheDefinitionInvalid() {
    JsonNode schema = yaml("""
        type: object
        properties:
          spec:
            type: object
            properties:
              replicas: {type: integer, maximum: 10, default: 20}
              mode: {type: string, enum: [a, b], default: c}
              kind: {type: integer, default: x}
              obj:
                type: object
                default: {known: 1, unknown: 2}
                properties:
                  known: {type: integer}
              open:
                type: object
                x-kubernetes-preserve-unknown-fields: true
                default: {anything: 1}
        """);
    FieldPath path = FieldPath.root("spec").child("versions").index(0).child("schema", "openAPIV3Schema");
    String base = "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties";
    assertThat(SchemaDefaults.validateDefaults(path, schema).stream().map(FieldError::message)).containsExactly(
        base + "[replicas].default: Invalid value: 20:  in body should be less than or equal to 10",
        base + "[mode].default: Unsupported value: \"c\": supported values: \"a\", \"b\"",
        base + "[kind].default: Invalid value: \"string\":  in body must be of type integer: \"string\"",
        base + "[obj].default: Invalid value: {\"known\":1,\"unknown\":2}: must not have unknown fields");
  }
}
