package dev.kubesim.impl.apiserver.apiextensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CustomResourceDefinition rules, names and conditions, and the serving of established kinds per cluster. */
class CustomResourceDefinitionsTest {
  private static final long SEED = 3;

  static String crd(String plural, String group, String kind, String extra) {
    return """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: %s.%s
        spec:
          group: %s
          scope: Namespaced
          names: {plural: %s, kind: %s}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
        %s""".formatted(plural, group, group, plural, kind, extra);
  }

  private static String error(Cluster cluster, String yaml) {
    return catchThrowableOfType(KubeSimException.class, () -> cluster.apply(yaml)).getMessage();
  }

  @Test
  void invalidDefinitionsAreRefusedWithTheirFieldPaths() {
    try (Cluster cluster = KubeSim.cluster().nodes(1).seed(SEED).build()) {
      assertThat(error(cluster, crd("widgets", "example.com", "Widget", "").replace("name: widgets.example.com", "name: widget.example.com")))
          .as("seed %d", SEED)
          .contains("CustomResourceDefinition.apiextensions.k8s.io \"widget.example.com\" is invalid: "
              + "metadata.name: Invalid value: \"widget.example.com\": must be spec.names.plural+\".\"+spec.group");
      assertThat(error(cluster, crd("widgets", "example", "Widget", "")))
          .contains("spec.group: Invalid value: \"example\": should be a domain with at least one dot");
      assertThat(error(cluster, crd("widgets", "example.com", "Widget", "").replace("storage: true", "storage: false")))
          .contains("spec.versions: Invalid value: must have exactly one version marked as storage version");
      assertThat(error(cluster, crd("widgets", "example.com", "Widget", "").replace("type: object\n", "type: string\n")))
          .contains("spec.versions[0].schema.openAPIV3Schema.type: Invalid value: \"string\": must be object at the root");
      assertThat(error(cluster, crd("widgets", "example.com", "Widget", "").replace("""
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
          """, "          x-kubernetes-preserve-unknown-fields: true\n")))
          .contains("spec.versions[0].schema.openAPIV3Schema.type: Required value: must not be empty at the root");
      String noSchema = crd("widgets", "example.com", "Widget", "").replaceAll("(?s)    schema:.*", "");
      assertThat(error(cluster, noSchema)).contains("spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required");
      assertThat(error(cluster, crd("widgets", "example.com", "Widget", "").replace("Namespaced", "Global")))
          .contains("spec.scope: Unsupported value: \"Global\": supported values: \"Cluster\", \"Namespaced\"");
      assertThat(error(cluster, crd("Widgets", "example.com", "Widget", "").replace("name: Widgets.", "name: widgets.")))
          .contains("spec.names.plural: Invalid value: \"Widgets\": a DNS-1035 label must consist of lower case alphanumeric");
      assertThat(cluster.get("CustomResourceDefinition", "", "widgets.example.com")).isEmpty();
    }
  }

  @Test
  void establishedDefinitionHasItsConditionsAndIsServedInItsClusterOnly() {
    try (Cluster one = KubeSim.cluster().nodes(1).seed(SEED).build();
        Cluster two = KubeSim.cluster().nodes(1).seed(SEED).build()) {
      one.apply(crd("widgets", "example.com", "Widget", ""));
      GenericObject crd = (GenericObject) one.get("CustomResourceDefinition", "", "widgets.example.com").orElseThrow();
      Map<?, ?> status = (Map<?, ?>) crd.content().get("status");
      assertThat(status.get("acceptedNames")).isEqualTo(
          Map.of("kind", "Widget", "listKind", "WidgetList", "plural", "widgets", "singular", "widget"));
      assertThat(((List<?>) status.get("conditions")).stream().map(c -> ((Map<?, ?>) c).get("type") + "=" + ((Map<?, ?>) c).get("status")
          + "/" + ((Map<?, ?>) c).get("reason")))
          .containsExactly("NamesAccepted=True/NoConflicts", "Established=True/InitialNamesAccepted");
      assertThat(status.get("storedVersions")).isEqualTo(List.of("v1"));

      String widget = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {anything: 1}\n";
      KubeObject stored = one.apply(widget).get(0);
      assertThat(stored.metadata().generation()).contains(1L);
      assertThat(((GenericObject) stored).content()).containsEntry("spec", Map.of("anything", 1));
      assertThat(error(two, widget)).contains("no matches for kind \"Widget\" in version \"example.com/v1\"");
    }
  }

  @Test
  void namesInUseInTheGroupAreNotAccepted() {
    try (Cluster cluster = KubeSim.cluster().nodes(1).seed(SEED).build()) {
      cluster.apply(crd("widgets", "example.com", "Widget", ""));
      cluster.apply(crd("gadgets", "example.com", "Widget", ""));
      GenericObject crd = (GenericObject) cluster.get("CustomResourceDefinition", "", "gadgets.example.com").orElseThrow();
      Map<?, ?> status = (Map<?, ?>) crd.content().get("status");
      List<?> conditions = (List<?>) status.get("conditions");
      assertThat(conditions).hasSize(2);
      assertThat(strings(conditions.get(0))).containsEntry("type", "NamesAccepted").containsEntry("status", "False")
          .containsEntry("reason", "SingularConflict").containsEntry("message", "\"widget\" is already in use");
      assertThat(strings(conditions.get(1))).containsEntry("type", "Established").containsEntry("status", "False")
          .containsEntry("reason", "NotAccepted");
      assertThat(cluster.kubectl("get gadgets").output()).isEqualTo("error: the server doesn't have a resource type \"gadgets\"\n");

      // once the first definition goes, the second one's names are free
      cluster.kubectl("delete crd widgets.example.com");
      assertThat(cluster.kubectl("get gadgets").output()).isEqualTo("No resources found in default namespace.\n");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> strings(Object map) {
    return (Map<String, Object>) map;
  }

  @Test
  void statusSubresourceKeepsTheStatusOutOfMainResourceWrites() {
    try (Cluster cluster = KubeSim.cluster().nodes(1).seed(SEED).build()) {
      cluster.apply(crd("widgets", "example.com", "Widget", "").replace("    served: true\n", "    served: true\n    subresources: {status: {}}\n"));
      KubeObject w = cluster.apply("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {a: 1}\nstatus: {ready: true}\n").get(0);
      assertThat(((GenericObject) w).content()).doesNotContainKey("status");
    }
  }
}
