package dev.kubesim.impl.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.impl.apiserver.Written;
import org.junit.jupiter.api.Test;

/** The API server's warnings for objects it accepts (seed 1). */
class WarningsTest {
  private final Fixture f = new Fixture();

  private Written<?> create(String yaml) {
    return f.api.createWarned(Fixture.decode(yaml), false);
  }

  @Test
  void deprecatedNodeLabelsInAPodsSelectorAndAffinityAreWarnedOfInKeyOrder() {
    Written<?> w = create("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          nodeSelector: {beta.kubernetes.io/os: linux, beta.kubernetes.io/arch: amd64, kubernetes.io/os: linux}
          affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1,
            preference: {matchExpressions: [{key: failure-domain.beta.kubernetes.io/zone, operator: In, values: [a]}]}}]}}
          containers: [{name: a, image: nginx}]
        """);
    assertThat(w.warnings()).containsExactly(
        "spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use \"kubernetes.io/arch\" instead",
        "spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use \"kubernetes.io/os\" instead",
        "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].key:"
            + " failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use \"topology.kubernetes.io/zone\" instead");
  }

  @Test
  void aDeploymentsTemplateIsWarnedOfUnderSpecTemplate() {
    Written<?> w = create("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          selector: {matchLabels: {app: d}}
          template:
            metadata: {labels: {app: d}}
            spec: {nodeSelector: {beta.kubernetes.io/os: linux}, containers: [{name: a, image: nginx}]}
        """);
    assertThat(w.warnings()).containsExactly(
        "spec.template.spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use \"kubernetes.io/os\" instead");
  }

  @Test
  void theIngressClassAnnotationIsWarnedOfOnCreateAndUpdate() {
    String ingress = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: i, annotations: {kubernetes.io/ingress.class: nginx}}
        spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
        """;
    String expected = "annotation \"kubernetes.io/ingress.class\" is deprecated, please use 'spec.ingressClassName' instead";
    assertThat(create(ingress).warnings()).containsExactly(expected);
    assertThat(f.api.updateWarned(Fixture.decode(ingress), false).warnings()).containsExactly(expected);
  }

  @Test
  void aPlainPodHasNoWarnings() {
    assertThat(create("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: a, image: nginx}]}}").warnings())
        .isEmpty();
  }
}
