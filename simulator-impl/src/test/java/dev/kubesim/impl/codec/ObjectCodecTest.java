package dev.kubesim.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.NetworkPolicy;
import dev.kubesim.api.model.Service;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectCodecTest {
  private static KubeObject decodeOne(String yaml) {
    List<Document> docs = ManifestReader.read("test.yaml", yaml);
    assertThat(docs).hasSize(1);
    return ObjectCodec.decode(docs.get(0));
  }

  @Test
  void serviceDecodesIntoTypedRecord() {
    Service s = (Service) decodeOne("""
        apiVersion: v1
        kind: Service
        metadata: {name: kubia, labels: {app: kubia}}
        spec:
          selector: {app: kubia}
          ports: [{port: 80, targetPort: 8080}, {name: named, port: 81, targetPort: http}]
        """);
    assertThat(s.metadata().name()).contains("kubia");
    assertThat(s.specOrEmpty().ports().get(0).targetPort()).contains(IntOrString.of(8080));
    assertThat(s.specOrEmpty().ports().get(1).targetPort()).contains(IntOrString.of("http"));
  }

  @Test
  void everyUnknownFieldIsReportedWithItsPath() {
    assertThatThrownBy(() -> decodeOne("""
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selectr: {app: web}
          ports: [{port: 80, tragetPort: 8080}]
        """))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("error when creating \"test.yaml\": Service in version \"v1\" cannot be handled as a Service: "
            + "strict decoding error: unknown field \"spec.selectr\", unknown field \"spec.ports[0].tragetPort\"");
  }

  @Test
  void aStringWhereANumberBelongsIsRefusedNotCoerced() {
    assertThatThrownBy(() -> decodeOne("""
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {ports: [{port: "80"}]}
        """))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("json: cannot unmarshal string into Go struct field")
        .hasMessageContaining("of type int32");
  }

  @Test
  void aNumberWhereAStringBelongsIsRefused() {
    assertThatThrownBy(() -> decodeOne("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, labels: {version: 1}}
        spec: {containers: [{name: app, image: nginx}]}
        """))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("cannot unmarshal number");
  }

  @Test
  void networkPolicyDecodesStrictlyWithEveryUnknownFieldNamed() {
    assertThatThrownBy(() -> decodeOne("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: np}
        spec:
          podSelector: {matchLabel: {app: db}}
          ingress: [{form: [{podSelector: {}}], ports: [{port: 80, portEnd: 90}]}]
          egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8, exclude: [10.1.0.0/16]}}]}]
        """))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("error when creating \"test.yaml\": NetworkPolicy in version \"v1\" cannot be handled as a NetworkPolicy: "
            + "strict decoding error: unknown field \"spec.podSelector.matchLabel\", unknown field \"spec.ingress[0].form\", "
            + "unknown field \"spec.ingress[0].ports[0].portEnd\", unknown field \"spec.egress[0].to[0].ipBlock.exclude\"");
  }

  @Test
  void networkPolicyKeepsAnEmptyPeerSelectorApartFromAnAbsentOne() {
    KubeObject np = decodeOne("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: np}
        spec:
          ingress: [{from: [{namespaceSelector: {}}], ports: [{port: http}]}]
        """);
    JsonNode tree = ObjectCodec.encode(np);
    assertThat(np).isInstanceOf(NetworkPolicy.class);
    assertThat(tree.path("spec").toString())
        .isEqualTo("{\"podSelector\":{},\"ingress\":[{\"ports\":[{\"port\":\"http\"}],\"from\":[{\"namespaceSelector\":{}}]}]}");
  }

  @Test
  void retiredApiVersionsAreNotServed() {
    assertThatThrownBy(() -> decodeOne("""
        apiVersion: apps/v1beta2
        kind: ReplicaSet
        metadata: {name: kubia}
        spec: {}
        """))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("resource mapping not found for name: \"kubia\" namespace: \"\" from \"test.yaml\": "
            + "no matches for kind \"ReplicaSet\" in version \"apps/v1beta2\"\nensure CRDs are installed first");
  }

  @Test
  void unmodelledKindsAreKeptAsGenericObjects() {
    KubeObject o = decodeOne("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg}
        data: {a: "1"}
        """);
    assertThat(o).isInstanceOf(GenericObject.class);
    JsonNode tree = ObjectCodec.encode(o);
    assertThat(tree.path("data").path("a").asText()).isEqualTo("1");
  }

  @Test
  void genericObjectsKeepTheirFieldOrderAndCheckMetadataStrictly() {
    KubeObject o = decodeOne("""
        apiVersion: v1
        kind: Secret
        type: Opaque
        stringData: {b: "2"}
        data: {a: "MQ=="}
        metadata: {name: s}
        """);
    assertThat(ObjectCodec.encode(o).fieldNames()).toIterable()
        .containsExactly("apiVersion", "kind", "metadata", "type", "stringData", "data");
    assertThatThrownBy(() -> decodeOne("{apiVersion: v1, kind: ConfigMap, metadata: {name: c, lables: {a: b}}}"))
        .hasMessageEndingWith("strict decoding error: unknown field \"metadata.lables\"");
  }

  @Test
  void encodingOmitsAbsentValuesButKeepsEmptyObjects() {
    KubeObject pod = decodeOne("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec: {securityContext: {}, containers: [{name: app, image: nginx}]}
        """);
    JsonNode tree = ObjectCodec.encode(pod);
    assertThat(tree.path("spec").has("securityContext")).isTrue();
    assertThat(tree.path("spec").has("nodeName")).isFalse();
    assertThat(tree.path("spec").has("volumes")).isFalse();
    assertThat(tree.has("status")).isFalse();
  }

  @Test
  void missingKindIsReportedLikeKubectlValidation() {
    assertThatThrownBy(() -> decodeOne("metadata: {name: x}\n"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("apiVersion not set, kind not set");
  }
}
