package dev.kubesim.samples.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReferencesTest {
  private static Cluster cluster;
  private static References refs;

  @BeforeAll
  static void cluster() {
    cluster = KubeSim.cluster().addons(java.util.List.of()).build();
    cluster.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          type: NodePort
          clusterIP: 10.96.7.7
          selector: {app: web}
          ports:
          - {name: http, port: 80, targetPort: 8080, nodePort: 30123}
          - {name: "8443", port: 443, targetPort: 8443, nodePort: 30124}
        """);
    refs = new References(new StepContext(cluster, new ScenarioTarget.Unsupported()));
  }

  @AfterAll
  static void close() {
    cluster.close();
  }

  @Test
  void servicesAndNodesResolveToTheirAddresses() {
    assertThat(refs.substitute("curl http://${svc:default/web}:80 via ${node:node-1}"))
        .isEqualTo("curl http://10.96.7.7:80 via 192.168.49.2");
    assertThat(refs.substitute("${svc:default/kubernetes}")).isEqualTo("10.96.0.1");
  }

  @Test
  void nodePortsResolveByNameFirstThenByNumber() {
    assertThat(refs.substitute("${nodeport:default/web:http}")).isEqualTo("30123");
    assertThat(refs.substitute("${nodeport:default/web:80}")).isEqualTo("30123");
    // The port named "8443" wins over any port numbered 8443; this one is numbered 443.
    assertThat(refs.substitute("${nodeport:default/web:8443}")).isEqualTo("30124");
    assertThat(refs.substitute("${nodeport:default/web:443}")).isEqualTo("30124");
  }

  @Test
  void everyStringOfATreeIsSubstitutedKeysIncludedAndValuesStayText() throws Exception {
    JsonNode tree = new YAMLMapper().readTree("""
        fields: {spec.clusterIP: '${svc:default/web}', port: 80}
        list: ['${node:node-2}']
        '${svc:default/web}': key
        """);
    JsonNode out = refs.substitute(tree);
    assertThat(out.get("fields").get("spec.clusterIP").asText()).isEqualTo("10.96.7.7");
    assertThat(out.get("fields").get("port").isInt()).isTrue();
    assertThat(out.get("list").get(0).asText()).isEqualTo("192.168.49.3");
    assertThat(out.get("10.96.7.7").asText()).isEqualTo("key");
  }

  @Test
  void unresolvableReferencesFailTheStepWithAClearMessage() {
    assertThatThrownBy(() -> refs.substitute("${svc:default/nope}"))
        .isInstanceOf(StepFailure.class)
        .hasMessage("a value for ${svc:default/nope} / Service default/nope not found");
    assertThatThrownBy(() -> refs.substitute("${pod:default/ghost}"))
        .hasMessage("a value for ${pod:default/ghost} / Pod default/ghost not found");
    assertThatThrownBy(() -> refs.substitute("${lb:default/web}"))
        .hasMessage("a value for ${lb:default/web} / Service default/web has no status.loadBalancer.ingress[0].ip");
    assertThatThrownBy(() -> refs.substitute("${nodeport:default/web:https}"))
        .hasMessage("a value for ${nodeport:default/web:https} / Service default/web has no port named or numbered https");
    assertThatThrownBy(() -> refs.substitute("${ingress}"))
        .hasMessage("a value for ${ingress} / no ingress controller address");
    assertThatThrownBy(() -> refs.substitute("${thing:x}"))
        .hasMessage("a value for ${thing:x} / unknown reference kind \"thing\"");
    assertThatThrownBy(() -> refs.substitute("${svc:default/web"))
        .hasMessage("a reference such as ${svc:NS/NAME} / unterminated \"${svc:default/web\"");
  }

  @Test
  void textWithoutReferencesIsUntouched() {
    assertThat(refs.substitute("\\A80/TCP {3,}$")).isEqualTo("\\A80/TCP {3,}$");
  }
}
