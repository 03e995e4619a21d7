package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The plaintext renderer against kubectl v1.32's template rules, on a small hand-written document:
 * the header, the FIELD line and its ENUM block, DESCRIPTION joined from a field and its type, the
 * fields sorted with tab, type, {@code -required-} and short enums, {@code --recursive}'s two
 * spaces a level, cycles cut, and go-wordwrap's wrapping.
 */
class ExplainTemplateTest {
  private static final String DOC = """
      {"components": {"schemas": {
        "io.x.v1.Widget": {"description": "A widget.", "type": "object", "required": ["spec"],
          "x-kubernetes-group-version-kind": [{"group": "x.io", "kind": "Widget", "version": "v1"}],
          "properties": {
            "spec": {"allOf": [{"$ref": "#/components/schemas/io.x.v1.WidgetSpec"}], "description": "The spec."},
            "kind": {"type": "string"}}},
        "io.x.v1.WidgetSpec": {"description": "What a widget wants.", "type": "object", "properties": {
            "size": {"type": "integer", "format": "int32", "description": "How big the widget is, in units that nobody has ever been able to agree upon."},
            "mode": {"type": "string", "enum": ["", "A", "B", "C", "D"]},
            "labels": {"type": "object", "additionalProperties": {"type": "string"}},
            "parts": {"type": "array", "items": {"$ref": "#/components/schemas/io.x.v1.Part"}},
            "open": {"type": "object", "additionalProperties": true}}},
        "io.x.v1.Part": {"type": "object", "properties": {
            "name": {"type": "string"},
            "next": {"$ref": "#/components/schemas/io.x.v1.Part"}}}}}}
      """;

  private static ExplainTemplate.Result render(List<String> path, boolean recursive) throws Exception {
    JsonNode doc = new ObjectMapper().readTree(DOC);
    return ExplainTemplate.render(doc, "x.io", "v1", "Widget", path, recursive);
  }

  @Test
  void kindPrintsHeaderDescriptionAndSortedFields() throws Exception {
    assertThat(render(List.of(), false)).isEqualTo(new ExplainTemplate.Result(
        "GROUP:      x.io\n"
            + "KIND:       Widget\n"
            + "VERSION:    v1\n"
            + "\n"
            + "DESCRIPTION:\n"
            + "    A widget.\n"
            + "    \n"
            + "FIELDS:\n"
            + "  kind\t<string>\n"
            + "    <no description>\n"
            + "\n"
            + "  spec\t<WidgetSpec> -required-\n"
            + "    The spec.\n"
            + "\n"
            + "\n",
        Optional.empty()));
  }

  @Test
  void recursiveFieldListsNestTwoSpacesALevelAndStopAtACycle() throws Exception {
    assertThat(render(List.of("spec"), true).stdout()).isEqualTo(
        "GROUP:      x.io\n"
            + "KIND:       Widget\n"
            + "VERSION:    v1\n"
            + "\n"
            + "FIELD: spec <WidgetSpec>\n"
            + "\n"
            + "\n"
            + "DESCRIPTION:\n"
            + "    The spec.\n"
            + "    What a widget wants.\n"
            + "    \n"
            + "FIELDS:\n"
            + "  labels\t<map[string]string>\n"
            + "  mode\t<string>\n"
            + "  enum: \"\", A, B, C, ....\n"
            + "  open\t<Object>\n"
            + "  parts\t<[]Part>\n"
            + "    name\t<string>\n"
            + "    next\t<Part>\n"
            + "  size\t<integer>\n"
            + "\n");
  }

  @Test
  void fieldWithEnumPrintsTheLongEnumBlockAndAnEmptyDescription() throws Exception {
    assertThat(render(List.of("spec", "mode"), false).stdout()).endsWith(
        "VERSION:    v1\n"
            + "\n"
            + "FIELD: mode <string>\n"
            + "ENUM:\n"
            + "    \"\"\n"
            + "    A\n"
            + "    B\n"
            + "    C\n"
            + "    D\n"
            + "\n"
            + "DESCRIPTION:\n"
            + "    <empty>\n"
            + "\n");
  }

  @Test
  void descriptionsWrapAtSeventySixColumnsUnderFieldAndAtSeventySixLessIndentInLists() throws Exception {
    assertThat(render(List.of("spec", "size"), false).stdout()).endsWith(
        "FIELD: size <integer>\n"
            + "\n"
            + "\n"
            + "DESCRIPTION:\n"
            + "    How big the widget is, in units that nobody has ever been able to agree\n"
            + "    upon.\n"
            + "    \n"
            + "\n");
    assertThat(render(List.of("spec"), false).stdout()).contains(
        "  size\t<integer>\n"
            + "    How big the widget is, in units that nobody has ever been able to agree\n"
            + "    upon.\n"
            + "\n");
  }

  @Test
  void pathsFollowArrayItemsAndReferencesWhoseCyclesRestartAtEachField() throws Exception {
    assertThat(render(List.of("spec", "parts", "next", "next", "name"), false).stdout())
        .contains("FIELD: name <string>\n\n\nDESCRIPTION:\n    <empty>\n\n");
  }

  @Test
  void aMissingFieldLeavesTheHeaderAndNamesTheLastField() throws Exception {
    assertThat(render(List.of("nope", "spec"), false)).isEqualTo(new ExplainTemplate.Result(
        "GROUP:      x.io\nKIND:       Widget\nVERSION:    v1\n\n", Optional.of("error: field \"spec\" does not exist")));
    assertThat(render(List.of("spec", "labels", "x"), false).error()).contains("error: field \"x\" does not exist");
  }

  @Test
  void anUnknownKindIsReportedAsTheTemplateThrowsIt() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(DOC);
    assertThat(ExplainTemplate.render(doc, "", "v1", "Gadget", List.of(), false).error())
        .contains("error: GVK map[group: kind:Gadget version:v1] not found in OpenAPI schema");
  }

  @Test
  void wrapBreaksBeforeTheWordThatPassesTheLimitAsGoWordwrapDoes() {
    assertThat(ExplainTemplate.wrap("aaa bbb ccc", 7)).isEqualTo("aaa bbb\nccc");
    assertThat(ExplainTemplate.wrap("a verylongword b", 5)).isEqualTo("a\nverylongword\nb");
    assertThat(ExplainTemplate.wrap("a\n\nb", 5)).isEqualTo("a\n\nb");
    assertThat(ExplainTemplate.wrap("abc ", 3)).isEqualTo("abc");
    assertThat(ExplainTemplate.wrap("ab  cd", 80)).isEqualTo("ab  cd");
    assertThat(ExplainTemplate.indent("a\nb\n", 4)).isEqualTo("    a\n    b\n    ");
  }
}
