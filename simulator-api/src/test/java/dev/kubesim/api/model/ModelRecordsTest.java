package dev.kubesim.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelRecordsTest {
  @Test
  void podSpecConstructorTurnsNullsIntoEmptyValues() {
    PodSpec spec = new PodSpec(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null);

    assertThat(spec.containers()).isEmpty();
    assertThat(spec.volumes()).isEmpty();
    assertThat(spec.nodeSelector()).isEmpty();
    assertThat(spec.restartPolicy()).isEmpty();
    assertThat(spec.securityContext()).isEmpty();
    assertThat(spec.dnsConfig()).isEmpty();
    assertThat(spec).isEqualTo(PodSpec.builder().build());
  }

  @Test
  void securityContextKeepsAnEmptyMap() {
    PodSpec spec = PodSpec.builder().securityContext(Map.of()).build();

    assertThat(spec.securityContext()).contains(Map.of());
  }

  @Test
  void nestedRecordsTurnNullsIntoEmptyValues() {
    Container container = new Container(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null);
    PodStatus status = new PodStatus(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null);
    HTTPGetAction httpGet = new HTTPGetAction(null, null, null, null, null);

    assertThat(container.name()).isEmpty();
    assertThat(container.ports()).isEmpty();
    assertThat(container.livenessProbe()).isEmpty();
    assertThat(status.conditions()).isEmpty();
    assertThat(status.phase()).isEmpty();
    assertThat(httpGet.port()).isEmpty();
    assertThat(httpGet.httpHeaders()).isEmpty();
    assertThat(httpGet.withPath("/healthz").path()).contains("/healthz");
  }

  @Test
  void kindsDefaultEmptyMetadata() {
    Deployment deployment = new Deployment(Deployment.API_VERSION, Deployment.KIND, null, null, null);
    Endpoints endpoints = new Endpoints(Endpoints.API_VERSION, Endpoints.KIND, null, null);
    PodTemplateSpec template = new PodTemplateSpec(null, null);

    assertThat(deployment.metadata()).isEqualTo(ObjectMeta.builder().build());
    assertThat(deployment.spec()).isEmpty();
    assertThat(deployment.specOrEmpty().replicas()).isEmpty();
    assertThat(endpoints.subsets()).isEmpty();
    assertThat(template.metadata().labels()).isEmpty();
    assertThat(template.spec()).isEmpty();
  }

  @Test
  void genericObjectKeepsContentOrderAndDropsNulls() {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("spec", Map.of("replicas", 1));
    content.put("data", null);
    content.put("apiGroup", "x");

    GenericObject object = new GenericObject("apps/v1", "StatefulSet", null, content);

    assertThat(object.content().keySet()).containsExactly("spec", "apiGroup");
    assertThat(new GenericObject("v1", "ConfigMap", null, null).content()).isEmpty();
  }

  @Test
  void kindsQualifyResourcesOutsideTheCoreGroup() {
    Kinds.KindInfo ingress = Kinds.byKind("Ingress").orElseThrow();

    assertThat(ingress.qualifiedResource()).isEqualTo("ingresses.networking.k8s.io");
    assertThat(ingress.apiVersion()).isEqualTo(Ingress.API_VERSION);
    assertThat(ingress.namespaced()).isTrue();
    assertThat(Kinds.byKind("Pod").map(Kinds.KindInfo::qualifiedResource)).contains("pods");
    assertThat(Kinds.byType(Node.class).map(Kinds.KindInfo::namespaced)).contains(false);
    assertThat(Kinds.byKind("ConfigMap")).isEqualTo(Optional.empty());
    assertThat(Kinds.all()).hasSize(12);
    assertThat(Kinds.all())
        .allSatisfy(k -> assertThat(k.kind()).isEqualTo(k.type().getSimpleName()));
  }
}
