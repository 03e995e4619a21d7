package dev.kubesim.impl.apiserver.apiextensions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubesim.impl.apiserver.validation.FieldError;
import org.junit.jupiter.api.Test;

/** Validation against a custom kind's schema and structural pruning, with kube-apiserver's messages. */
class StructuralSchemaTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String SCHEMA = """
      type: object
      properties:
        spec:
          type: object
          required: [image]
          properties:
            image: {type: string}
            replicas: {type: integer, minimum: 1, maximum: 10}
            mode: {type: string, enum: [fast, slow]}
            ratio: {type: number, exclusiveMaximum: true, maximum: 1}
            name: {type: string, pattern: '^[a-z]+$'}
            ports:
              type: array
              items:
                type: object
                properties:
                  port: {type: integer}
            config:
              type: object
              x-kubernetes-preserve-unknown-fields: true
              properties:
                level: {type: integer}
            labels:
              type: object
              additionalProperties: {type: string}
            port: {x-kubernetes-int-or-string: true}
            note: {type: string, nullable: true}
      """;

  private static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static java.util.List<String> errors(String object) {
    return StructuralSchema.validate(yaml(object), yaml(SCHEMA)).stream().map(FieldError::message).toList();
  }

  @Test
  void validObjectHasNoErrors() {
    assertThat(errors("""
        apiVersion: x/v1
        kind: X
        metadata: {name: a}
        spec: {image: nginx, replicas: 3, mode: fast, ratio: 0.5, name: abc, ports: [{port: 80}], port: http,
          config: {level: 2, other: true}, labels: {a: b}, note: null}
        """)).isEmpty();
  }

  @Test
  void eachKeywordHasKubeApiserversMessage() {
    assertThat(errors("spec: {replicas: \"3\"}")).as("properties are validated before required").containsExactly(
        "spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"",
        "spec.image: Required value");
    assertThat(errors("spec: {image: a, replicas: 0, mode: medium, ratio: 1, name: ABC}")).containsExactly(
        "spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1",
        "spec.mode: Unsupported value: \"medium\": supported values: \"fast\", \"slow\"",
        "spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1",
        "spec.name: Invalid value: \"ABC\": spec.name in body should match '^[a-z]+$'");
    assertThat(errors("spec: {image: a, replicas: 11, ports: [{port: x}], labels: {a: 1}, port: 1.5, config: {level: x}}"))
        .containsExactly(
            "spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10",
            "spec.ports[0].port: Invalid value: \"string\": spec.ports[0].port in body must be of type integer: \"string\"",
            "spec.labels.a: Invalid value: \"integer\": spec.labels.a in body must be of type string: \"integer\"",
            "spec.port: Invalid value: \"number\": spec.port in body must be of type integer,string: \"number\"",
            "spec.config.level: Invalid value: \"string\": spec.config.level in body must be of type integer: \"string\"");
  }

  @Test
  void unknownFieldsArePrunedExceptWhereTheSchemaPreservesThem() {
    ObjectNode object = (ObjectNode) yaml("""
        apiVersion: x/v1
        kind: X
        metadata: {name: a, labels: {x: y}}
        extra: 1
        spec: {image: a, foo: 1, ports: [{port: 1, bar: 2}], config: {level: 1, kept: true}, labels: {any: thing}}
        """);
    assertThat(StructuralSchema.prune(object, yaml(SCHEMA))).containsExactly("extra", "spec.foo", "spec.ports[0].bar");
    assertThat(object).isEqualTo(yaml("""
        apiVersion: x/v1
        kind: X
        metadata: {name: a, labels: {x: y}}
        spec: {image: a, ports: [{port: 1}], config: {level: 1, kept: true}, labels: {any: thing}}
        """));
  }
}
