package dev.kubesim.impl.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldErrorTest {
  private static final FieldPath SPEC = FieldPath.root("spec");

  private record Port(String name, Optional<Integer> port, Optional<String> protocol) {}

  @Test
  void invalidRendersIntegersBare() {
    FieldError e =
        FieldError.invalid(
            SPEC.child("ports").index(0).child("port"), 0, "must be between 1 and 65535, inclusive");

    assertThat(e.message())
        .isEqualTo("spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive");
    assertThat(e).hasToString(e.message());
    assertThat(e.type().causeType()).isEqualTo("FieldValueInvalid");
    assertThat(e.field()).isEqualTo("spec.ports[0].port");
  }

  @Test
  void invalidValueRendersStringsQuotedAndMapsAsJson() {
    Map<String, String> selector = new HashMap<>();
    selector.put("tier", "web");
    selector.put("app", "b");

    assertThat(FieldError.invalid(FieldPath.root("metadata", "name"), "MyService", "bad").message())
        .isEqualTo("metadata.name: Invalid value: \"MyService\": bad");
    assertThat(FieldError.invalid(SPEC.child("selector"), Map.of("app", "b"), "bad").message())
        .isEqualTo("spec.selector: Invalid value: {\"app\":\"b\"}: bad");
    assertThat(FieldError.invalid(SPEC.child("selector"), selector, "bad").body())
        .isEqualTo("Invalid value: {\"app\":\"b\",\"tier\":\"web\"}: bad");
  }

  @Test
  void invalidValueRendersListsAsJsonArrays() {
    FieldError e = FieldError.invalid(SPEC.child("clusterIPs"), List.of("10.96.0.10"), "bad");

    assertThat(e.message()).isEqualTo("spec.clusterIPs: Invalid value: [\"10.96.0.10\"]: bad");
  }

  @Test
  void invalidValueRendersNullBooleansLongsAndFloatsLikeGo() {
    assertThat(FieldError.invalid(SPEC, null, "x").body()).isEqualTo("Invalid value: null: x");
    assertThat(FieldError.invalid(SPEC, true, "x").body()).isEqualTo("Invalid value: true: x");
    assertThat(FieldError.invalid(SPEC, -5L, "x").body()).isEqualTo("Invalid value: -5: x");
    assertThat(FieldError.invalid(SPEC, 1.5, "x").body()).isEqualTo("Invalid value: 1.5: x");
    assertThat(FieldError.invalid(SPEC, 2.0, "x").body()).isEqualTo("Invalid value: 2: x");
    assertThat(FieldError.invalid(SPEC, 1e6, "x").body()).isEqualTo("Invalid value: 1e+06: x");
    assertThat(FieldError.invalid(SPEC, 0.00001, "x").body()).isEqualTo("Invalid value: 1e-05: x");
  }

  @Test
  void invalidValueRendersRecordsAsJsonInComponentOrderWithoutEmptyOptionals() {
    Port port = new Port("http", Optional.of(80), Optional.empty());

    assertThat(FieldError.invalid(SPEC.child("ports").index(0), port, "bad").body())
        .isEqualTo("Invalid value: {\"name\":\"http\",\"port\":80}: bad");
  }

  @Test
  void optionalBadValuesRenderAsTheirContentOrNull() {
    assertThat(FieldError.invalid(SPEC, Optional.of("x"), "d").body())
        .isEqualTo("Invalid value: \"x\": d");
    assertThat(FieldError.invalid(SPEC, Optional.empty(), "d").body())
        .isEqualTo("Invalid value: null: d");
  }

  @Test
  void stringsAreQuotedWithGoEscapes() {
    assertThat(GoFormat.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(GoFormat.quote("tab\there\nbell\u0007")).isEqualTo("\"tab\\there\\nbell\\a\"");
    assertThat(GoFormat.quote("\u0001\u007f")).isEqualTo("\"\\x01\\x7f\"");
    assertThat(GoFormat.quote("caf\u00e9 \u00a0")).isEqualTo("\"caf\u00e9 \\u00a0\"");
    assertThat(GoFormat.quote("<&>")).isEqualTo("\"<&>\"");
    assertThat(GoFormat.quote("\uD83D\uDE00")).isEqualTo("\"\uD83D\uDE00\"");
    assertThat(GoFormat.quote("\uDB40\uDC01")).isEqualTo("\"\\U000e0001\"");
    assertThat(GoFormat.quote("x\uD800")).isEqualTo("\"x\\xed\\xa0\\x80\"");
  }

  private record Selector(String name, Map<String, String> matchLabels) {}

  @Test
  void mapsInsideRecordsAreRenderedWithSortedKeys() {
    Map<String, String> labels = new HashMap<>();
    labels.put("zone", "a");
    labels.put("app", "web");
    labels.put("tier", "front");

    assertThat(GoFormat.formatValue(new Selector("s", labels)))
        .isEqualTo("{\"name\":\"s\",\"matchLabels\":{\"app\":\"web\",\"tier\":\"front\",\"zone\":\"a\"}}");
  }

  @Test
  void jsonEscapesHtmlCharactersLikeGo() {
    assertThat(GoFormat.toJson(Map.of("k", "<a&b>"))).isEqualTo("{\"k\":\"\\u003ca\\u0026b\\u003e\"}");
    assertThat(GoFormat.toJson(List.of(1.0, 1e21, 1e-7))).isEqualTo("[1,1e+21,1e-7]");
  }

  @Test
  void requiredShowsNoValueAndOptionalDetail() {
    assertThat(FieldError.required(SPEC.child("ports"), "").message())
        .isEqualTo("spec.ports: Required value");
    assertThat(
            FieldError.required(FieldPath.root("metadata", "name"), "name or generateName is required")
                .message())
        .isEqualTo("metadata.name: Required value: name or generateName is required");
    assertThat(FieldError.required(SPEC, "").type().causeType()).isEqualTo("FieldValueRequired");
  }

  @Test
  void notSupportedQuotesValidValuesInCallerOrder() {
    FieldError e =
        FieldError.notSupported(SPEC.child("type"), "Foo", List.of("ClusterIP", "ExternalName"));

    assertThat(e.message())
        .isEqualTo("spec.type: Unsupported value: \"Foo\": supported values: \"ClusterIP\", \"ExternalName\"");
    assertThat(e.type().causeType()).isEqualTo("FieldValueNotSupported");
  }

  @Test
  void notSupportedWithoutValidValuesHasNoDetail() {
    assertThat(FieldError.notSupported(SPEC.child("type"), "Foo", List.of()).message())
        .isEqualTo("spec.type: Unsupported value: \"Foo\"");
  }

  @Test
  void forbiddenShowsOnlyTheDetail() {
    FieldError e =
        FieldError.forbidden(
            SPEC.child("ports").index(0).child("nodePort"), "may not be used when `type` is 'ClusterIP'");

    assertThat(e.message())
        .isEqualTo(
            "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
    assertThat(e.type().causeType()).isEqualTo("FieldValueForbidden");
  }

  @Test
  void duplicateShowsTheQuotedValue() {
    FieldError e = FieldError.duplicate(SPEC.child("containers").index(1).child("name"), "app");

    assertThat(e.message()).isEqualTo("spec.containers[1].name: Duplicate value: \"app\"");
    assertThat(e.type().causeType()).isEqualTo("FieldValueDuplicate");
  }

  @Test
  void tooLongOmitsTheValueAndCountsBytes() {
    FieldPath annotations = FieldPath.root("metadata", "annotations");

    assertThat(FieldError.tooLong(annotations, "huge", 262144).message())
        .isEqualTo("metadata.annotations: Too long: may not be more than 262144 bytes");
    assertThat(FieldError.tooLong(annotations, "x", 1).body())
        .isEqualTo("Too long: may not be more than 1 byte");
    assertThat(FieldError.tooLong(annotations, "x", -1).body()).isEqualTo("Too long: value is too long");
    assertThat(FieldError.tooLong(annotations, "x", 1).type().causeType())
        .isEqualTo("FieldValueTooLong");
  }

  @Test
  void tooManyShowsTheCountUnlessNegative() {
    FieldPath ips = SPEC.child("clusterIPs");

    assertThat(FieldError.tooMany(ips, 3, 2).message())
        .isEqualTo("spec.clusterIPs: Too many: 3: must have at most 2 items");
    assertThat(FieldError.tooMany(ips, -1, 1).message())
        .isEqualTo("spec.clusterIPs: Too many: must have at most 1 item");
    assertThat(FieldError.tooMany(ips, 5, -1).body()).isEqualTo("Too many: 5: has too many items");
    assertThat(FieldError.tooMany(ips, 3, 2).type().causeType()).isEqualTo("FieldValueTooMany");
  }

  @Test
  void notFoundAndInternalErrorUseKubernetesPhrases() {
    assertThat(FieldError.notFound(SPEC.child("secret"), "s1").message())
        .isEqualTo("spec.secret: Not found: \"s1\"");
    assertThat(FieldError.internalError(SPEC, new IllegalStateException("boom")).message())
        .isEqualTo("spec: Internal error: boom");
  }

  @Test
  void errorTypesCarryKubernetesCauseTypesAndPhrases() {
    assertThat(ErrorType.values())
        .extracting(ErrorType::causeType)
        .contains(
            "FieldValueRequired",
            "FieldValueInvalid",
            "FieldValueNotSupported",
            "FieldValueForbidden",
            "FieldValueDuplicate",
            "FieldValueTooLong",
            "FieldValueTooMany",
            "FieldValueNotFound",
            "InternalError");
    assertThat(ErrorType.REQUIRED.text()).isEqualTo("Required value");
    assertThat(ErrorType.INVALID.text()).isEqualTo("Invalid value");
    assertThat(ErrorType.NOT_SUPPORTED.text()).isEqualTo("Unsupported value");
    assertThat(ErrorType.FORBIDDEN.text()).isEqualTo("Forbidden");
    assertThat(ErrorType.DUPLICATE.text()).isEqualTo("Duplicate value");
    assertThat(ErrorType.TOO_LONG.text()).isEqualTo("Too long");
    assertThat(ErrorType.TOO_MANY.text()).isEqualTo("Too many");
    assertThat(ErrorType.NOT_FOUND.text()).isEqualTo("Not found");
    assertThat(ErrorType.INTERNAL.text()).isEqualTo("Internal error");
  }
}
