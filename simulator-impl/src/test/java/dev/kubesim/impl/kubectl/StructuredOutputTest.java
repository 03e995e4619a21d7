package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubesim.impl.kubectl.output.GoJson;
import dev.kubesim.impl.kubectl.output.GoYaml;
import org.junit.jupiter.api.Test;

class StructuredOutputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void yamlOutputSortsKeys() throws Exception {
    assertThat(GoYaml.write(json("{\"spec\":{\"b\":1,\"a\":2},\"kind\":\"Service\",\"apiVersion\":\"v1\"}")))
        .isEqualTo("apiVersion: v1\nkind: Service\nspec:\n  a: 2\n  b: 1\n");
  }

  @Test
  void yamlKeysCompareDigitRunsAsNumbers() throws Exception {
    assertThat(GoYaml.write(json("{\"port-10\":1,\"port-9\":2,\"Zeta\":3,\"alpha\":4}")))
        .isEqualTo("Zeta: 3\nalpha: 4\nport-9: 2\nport-10: 1\n");
  }

  @Test
  void yamlListsOfMapsSitUnderTheirKeyWithoutExtraIndentation() throws Exception {
    assertThat(GoYaml.write(json("{\"spec\":{\"ports\":[{\"port\":80,\"name\":\"http\"},{\"port\":443}],\"ips\":[\"10.0.0.1\"]}}")))
        .isEqualTo("spec:\n  ips:\n  - 10.0.0.1\n  ports:\n  - name: http\n    port: 80\n  - port: 443\n");
  }

  @Test
  void yamlQuotesStringsThatWouldReadAsOtherTypes() throws Exception {
    assertThat(GoYaml.write(json("{\"a\":\"80\",\"b\":\"true\",\"c\":\"2025-01-01T00:00:00Z\",\"d\":\"\",\"e\":\"yes\","
            + "\"f\":\"1.5\",\"g\":\"null\",\"h\":\"10.96.0.1\",\"i\":\"0x1F\",\"j\":\"plain text\"}")))
        .isEqualTo("a: \"80\"\nb: \"true\"\nc: \"2025-01-01T00:00:00Z\"\nd: \"\"\ne: \"yes\"\nf: \"1.5\"\ng: \"null\"\n"
            + "h: 10.96.0.1\ni: \"0x1F\"\nj: plain text\n");
  }

  @Test
  void yamlSingleQuotesIndicatorsAndKeepsEmptyCollections() throws Exception {
    assertThat(GoYaml.write(json("{\"a\":\"*\",\"b\":\"x: y\",\"c\":\"it's\",\"d\":{},\"e\":[],\"f\":\"-\"}")))
        .isEqualTo("a: '*'\nb: 'x: y'\nc: it's\nd: {}\ne: []\nf: '-'\n");
  }

  @Test
  void yamlWritesMultiLineStringsAsLiteralBlocks() throws Exception {
    assertThat(GoYaml.write(json("{\"m\":{\"cfg\":\"{\\\"a\\\":1}\\n\",\"two\":\"x\\ny\"}}")))
        .isEqualTo("m:\n  cfg: |\n    {\"a\":1}\n  two: |-\n    x\n    y\n");
  }

  @Test
  void yamlFoldsLongPlainLinesAtSpacesPastColumnEighty() throws Exception {
    String words = "word ".repeat(30).trim();
    String out = GoYaml.write(json("{\"message\":\"" + words + "\"}"));
    String[] lines = out.split("\n");
    assertThat(lines.length).isGreaterThan(1);
    assertThat(lines[1]).startsWith("  word");
    assertThat(String.join(" ", out.replace("message: ", "").trim().split("\\s+"))).isEqualTo(words);
  }

  @Test
  void jsonIsIndentedByFourSpacesWithSortedKeysAndGoEscaping() throws Exception {
    assertThat(GoJson.indented(json("{\"b\":[],\"a\":{\"x\":\"<none> & more\"},\"c\":{}}"), "    "))
        .isEqualTo("{\n    \"a\": {\n        \"x\": \"\\u003cnone\\u003e \\u0026 more\"\n    },\n    \"b\": [],\n    \"c\": {}\n}\n");
  }

  @Test
  void getOfOneNamedObjectPrintsItBareAndOfSeveralAList() {
    KubectlFixture k = new KubectlFixture();
    assertThat(k.run("get svc kubernetes -o yaml").stdout()).startsWith("apiVersion: v1\nkind: Service\nmetadata:\n");
    String list = k.run("get svc -o yaml").stdout();
    assertThat(list).startsWith("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Service\n");
    assertThat(list).endsWith("kind: List\nmetadata:\n  resourceVersion: \"\"\n");
    assertThat(k.run("get svc kubernetes -o json").stdout()).startsWith("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Service\",\n");
  }

  @Test
  void yamlOfAStoredObjectQuotesItsTimestampAndResourceVersion() {
    String yaml = new KubectlFixture().run("get ns default -o yaml").stdout();
    assertThat(yaml).contains("  creationTimestamp: \"2025-01-01T00:00:00Z\"\n").containsPattern("  resourceVersion: \"[0-9]+\"\n");
  }
}
