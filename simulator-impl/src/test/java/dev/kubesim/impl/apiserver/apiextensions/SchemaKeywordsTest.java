package dev.kubesim.impl.apiserver.apiextensions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubesim.impl.apiserver.validation.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validation keywords beyond the common ones, with kube-openapi's messages (errors/schema.go,
 * validate/schema_messages.go) as apiextensions-apiserver wraps them in field errors.
 */
class SchemaKeywordsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The errors of {@code spec: <value>} against {@code spec: <schema>}. */
  private static List<String> errors(String specSchema, String spec) {
    JsonNode schema = yaml("type: object\nproperties:\n  spec: " + specSchema + "\n");
    return StructuralSchema.validate(yaml("spec: " + spec + "\n"), schema).stream().map(FieldError::message).toList();
  }

  @Test
  void maxLengthCountsCharactersAndSaysTooLong() {
    String schema = "{type: object, properties: {s: {type: string, maxLength: 3}}}";
    assertThat(errors(schema, "{s: abcd}")).containsExactly("spec.s: Too long: may not be more than 3 bytes");
    assertThat(errors(schema, "{s: ééé}")).as("three characters, six bytes").isEmpty();
    assertThat(errors("{type: object, properties: {s: {type: string, maxLength: 1}}}", "{s: ab}"))
        .containsExactly("spec.s: Too long: may not be more than 1 byte");
  }

  @Test
  void stringKeywordsStopAtTheFirstFailure() {
    String schema = "{type: object, properties: {s: {type: string, minLength: 3, maxLength: 5, pattern: '^[a-z]+$'}}}";
    assertThat(errors(schema, "{s: AB}")).as("minLength before pattern, and only one")
        .containsExactly("spec.s: Invalid value: \"AB\": spec.s in body should be at least 3 chars long");
    assertThat(errors(schema, "{s: ABC}")).containsExactly("spec.s: Invalid value: \"ABC\": spec.s in body should match '^[a-z]+$'");
  }

  @Test
  void itemsAndPropertiesCounts() {
    String schema = "{type: object, properties: {l: {type: array, minItems: 2, maxItems: 3, items: {type: string}},"
        + " m: {type: object, minProperties: 1, maxProperties: 2, additionalProperties: {type: string}}}}";
    assertThat(errors(schema, "{l: [a], m: {}}")).containsExactly(
        "spec.l: Invalid value: 1: spec.l in body should have at least 2 items",
        "spec.m: Invalid value: 0: spec.m in body should have at least 1 properties");
    assertThat(errors(schema, "{l: [a, b, c, d], m: {a: x, b: y, c: z}}")).containsExactly(
        "spec.l: Too many: 4: must have at most 3 items",
        "spec.m: Too many: 3: must have at most 2 items");
    assertThat(errors("{type: object, properties: {l: {type: array, uniqueItems: true, items: {type: string}}}}", "{l: [a, b, a]}"))
        .containsExactly("spec.l: Invalid value: \"\": spec.l in body shouldn't contain duplicates");
  }

  @Test
  void multipleOfForIntegersAndNumbers() {
    String schema = "{type: object, properties: {i: {type: integer, multipleOf: 5}, f: {type: number, multipleOf: 0.5}}}";
    assertThat(errors(schema, "{i: 15, f: 1.5}")).isEmpty();
    assertThat(errors(schema, "{i: 12, f: 1.25}")).containsExactly(
        "spec.i: Invalid value: 12: spec.i in body should be a multiple of 5",
        "spec.f: Invalid value: 1.25: spec.f in body should be a multiple of 0.5");
    assertThat(errors("{type: object, properties: {i: {type: integer, multipleOf: 3, minimum: 10, maximum: 20}}}", "{i: 7}"))
        .as("multipleOf, then minimum").containsExactly(
            "spec.i: Invalid value: 7: spec.i in body should be a multiple of 3",
            "spec.i: Invalid value: 7: spec.i in body should be greater than or equal to 10");
  }

  @Test
  void formatsTheApiServerChecks() {
    String schema = "{type: object, properties: {t: {type: string, format: date-time}, d: {type: string, format: date},"
        + " u: {type: string, format: uuid}, e: {type: string, format: email}, h: {type: string, format: hostname},"
        + " i4: {type: string, format: ipv4}, i6: {type: string, format: ipv6}, c: {type: string, format: cidr},"
        + " b: {type: string, format: byte}, r: {type: string, format: uri}, x: {type: string, format: no-such-format},"
        + " n: {type: integer, format: int32}}}";
    assertThat(errors(schema, "{t: '2024-01-02T03:04:05Z', d: '2024-02-29', u: 123e4567-e89b-12d3-a456-426614174000,"
        + " e: a@example.com, h: web-1.example.com, i4: 10.0.0.1, i6: 'fe80::1', c: 10.0.0.0/8, b: aGVsbG8=,"
        + " r: 'https://example.com/x', x: anything, n: 99999999999}")).as("int32 has no range check in v1.32").isEmpty();
    assertThat(errors(schema, "{t: yesterday, d: '2023-02-29', u: nope, e: nope, h: '-bad', i4: 1.2.3, i6: 1.2.3.4,"
        + " c: 10.0.0.0/33, b: '***', r: 'no scheme'}")).containsExactly(
        "spec.t: Invalid value: \"yesterday\": spec.t in body must be of type date-time: \"yesterday\"",
        "spec.d: Invalid value: \"2023-02-29\": spec.d in body must be of type date: \"2023-02-29\"",
        "spec.u: Invalid value: \"nope\": spec.u in body must be of type uuid: \"nope\"",
        "spec.e: Invalid value: \"nope\": spec.e in body must be of type email: \"nope\"",
        "spec.h: Invalid value: \"-bad\": spec.h in body must be of type hostname: \"-bad\"",
        "spec.i4: Invalid value: \"1.2.3\": spec.i4 in body must be of type ipv4: \"1.2.3\"",
        "spec.i6: Invalid value: \"1.2.3.4\": spec.i6 in body must be of type ipv6: \"1.2.3.4\"",
        "spec.c: Invalid value: \"10.0.0.0/33\": spec.c in body must be of type cidr: \"10.0.0.0/33\"",
        "spec.b: Invalid value: \"***\": spec.b in body must be of type byte: \"***\"",
        "spec.r: Invalid value: \"no scheme\": spec.r in body must be of type uri: \"no scheme\"");
  }

  @Test
  void anyOfReportsItsMessageAndTheBestAlternativesErrors() {
    String schema = "{type: object, properties: {a: {type: string}, b: {type: string}}, anyOf: [{required: [a]}, {required: [b]}]}";
    assertThat(errors(schema, "{b: x}")).isEmpty();
    assertThat(errors(schema, "{}")).containsExactly(
        "<nil>: Invalid value: \"\": \"spec\" must validate at least one schema (anyOf)",
        "spec.a: Required value");
  }

  @Test
  void oneOfWantsExactlyOne() {
    String schema = "{type: object, properties: {a: {type: string}, b: {type: string}}, oneOf: [{required: [a]}, {required: [b]}]}";
    assertThat(errors(schema, "{a: x}")).isEmpty();
    assertThat(errors(schema, "{a: x, b: y}")).containsExactly(
        "<nil>: Invalid value: \"\": \"spec\" must validate one and only one schema (oneOf). Found 2 valid alternatives");
    assertThat(errors(schema, "{}")).containsExactly(
        "<nil>: Invalid value: \"\": \"spec\" must validate one and only one schema (oneOf). Found none valid",
        "spec.a: Required value");
  }

  @Test
  void allOfAndNot() {
    String schema = "{type: object, properties: {n: {type: integer, allOf: [{minimum: 1}, {maximum: 5}]},"
        + " m: {type: string, not: {enum: [forbidden]}}}}";
    assertThat(errors(schema, "{n: 3, m: fine}")).isEmpty();
    assertThat(errors(schema, "{n: 10, m: forbidden}")).containsExactly(
        "spec.n: Invalid value: 10: spec.n in body should be less than or equal to 5",
        "<nil>: Invalid value: \"\": \"spec.n\" must validate all the schemas (allOf)",
        "<nil>: Invalid value: \"\": \"spec.m\" must not validate the schema (not)");
  }

  @Test
  void aFailingTypeDoesNotStopTheOtherKeywords() {
    assertThat(errors("{type: object, properties: {s: {type: integer, enum: [1, 2]}}}", "{s: x}")).containsExactly(
        "spec.s: Invalid value: \"string\": spec.s in body must be of type integer: \"string\"",
        "spec.s: Unsupported value: \"x\": supported values: \"1\", \"2\"");
  }

  @Test
  void listTypeSetAndMapRefuseDuplicates() {
    String schema = "{type: object, properties: {tags: {type: array, x-kubernetes-list-type: set, items: {type: string}},"
        + " ports: {type: array, x-kubernetes-list-type: map, x-kubernetes-list-map-keys: [name, protocol],"
        + " items: {type: object, required: [name], properties: {name: {type: string}, protocol: {type: string}, port: {type: integer}}}}}}";
    assertThat(errors(schema, "{tags: [a, b], ports: [{name: a, protocol: TCP}, {name: a, protocol: UDP}]}")).isEmpty();
    assertThat(errors(schema, "{tags: [a, b, a, a, b], ports: [{name: a, protocol: TCP, port: 1}, {name: a, protocol: TCP, port: 2}]}"))
        .containsExactly(
            "spec.tags[2]: Duplicate value: \"a\"",
            "spec.tags[4]: Duplicate value: \"b\"",
            "spec.ports[1]: Duplicate value: {\"name\":\"a\",\"protocol\":\"TCP\"}");
  }

  @Test
  void nullIsCheckedAgainstTypeAndEnum() {
    String schema = "{type: object, properties: {l: {type: array, items: {type: string}}, n: {type: string, nullable: true}}}";
    assertThat(errors(schema, "{l: [null], n: null}")).containsExactly(
        "spec.l[0]: Invalid value: \"null\": spec.l[0] in body must be of type string: \"null\"");
  }
}
