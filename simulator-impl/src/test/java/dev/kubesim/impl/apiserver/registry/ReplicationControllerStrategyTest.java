package dev.kubesim.impl.apiserver.registry;

import static dev.kubesim.impl.apiserver.registry.Fixture.at;
import static dev.kubesim.impl.apiserver.registry.Fixture.causes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.model.ReplicationController;
import org.junit.jupiter.api.Test;

class ReplicationControllerStrategyTest {
  private final Fixture f = new Fixture();

  private static String rc(String spec) {
    return "apiVersion: v1\nkind: ReplicationController\nmetadata: {name: web}\nspec: " + spec + "\n";
  }

  @Test
  void rcSelectorDefaultsToTemplateLabels() {
    ReplicationController rc = f.create(rc("{template: {metadata: {labels: {app: defaulted}}, spec: {containers: [{name: app, image: nginx}]}}}"));

    assertThat(at(rc, "spec.replicas").asInt()).isEqualTo(1);
    assertThat(at(rc, "spec.selector[app]").asText()).isEqualTo("defaulted");
    assertThat(at(rc, "metadata.labels[app]").asText()).isEqualTo("defaulted");
    assertThat(at(rc, "spec.template.spec.restartPolicy").asText()).isEqualTo("Always");
    assertThat(at(rc, "spec.template.spec.dnsPolicy").asText()).isEqualTo("ClusterFirst");
    assertThat(at(rc, "metadata.generation").asLong()).isEqualTo(1);
  }

  @Test
  void templateGetsSpecDefaultsButNotPodOnlyOnes() {
    ReplicationController rc = f.create(rc("{template: {metadata: {labels: {app: a}}, spec: {containers: [{name: app, image: nginx}]}}}"));

    assertThat(at(rc, "spec.template.spec.enableServiceLinks")).isNull();
    assertThat(at(rc, "spec.template.spec.serviceAccountName")).as("admission runs on pods only").isNull();
    assertThat(at(rc, "spec.template.spec.containers[0].imagePullPolicy").asText()).isEqualTo("Always");
  }

  @Test
  void selectorThatDoesNotMatchTheTemplateIsRejectedWithTheLabelsAsJson() {
    InvalidObjectException e = f.rejected(rc(
        "{replicas: 2, selector: {app: a}, template: {metadata: {labels: {app: b}}, spec: {containers: [{name: app, image: nginx}]}}}"));

    assertThat(causes(e)).containsExactly("spec.template.metadata.labels FieldValueInvalid");
    assertThat(e.getMessage()).isEqualTo(
        "ReplicationController \"web\" is invalid: spec.template.metadata.labels: Invalid value: {\"app\":\"b\"}: `selector` does not match template `labels`");
  }

  @Test
  void rcWithoutTemplateIsRejectedAtSpecTemplate() {
    InvalidObjectException e = f.rejected(rc("{selector: {app: a}}"));

    assertThat(causes(e)).containsExactly("spec.template FieldValueRequired");
    assertThat(e.getMessage()).isEqualTo("ReplicationController \"web\" is invalid: spec.template: Required value");
  }

  @Test
  void negativeReplicasAreRejected() {
    InvalidObjectException e = f.rejected(rc(
        "{replicas: -1, selector: {app: a}, template: {metadata: {labels: {app: a}}, spec: {containers: [{name: app, image: nginx}]}}}"));

    assertThat(causes(e)).containsExactly("spec.replicas FieldValueInvalid");
    assertThat(e.getMessage()).isEqualTo(
        "ReplicationController \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0");
  }

  @Test
  void selectorMayBeASubsetOfTheTemplateLabels() {
    f.create(rc("{selector: {app: a}, template: {metadata: {labels: {app: a, tier: fe}}, spec: {containers: [{name: app, image: nginx}]}}}"));
  }

  @Test
  void templateRestartPolicyMustBeAlways() {
    InvalidObjectException e = f.rejected(rc(
        "{template: {metadata: {labels: {app: a}}, spec: {restartPolicy: OnFailure, containers: [{name: app, image: nginx}]}}}"));

    assertThat(causes(e)).containsExactly("spec.template.spec.restartPolicy FieldValueNotSupported");
    assertThat(e.getMessage()).endsWith("spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"");
  }

  @Test
  void templateContainerErrorsAreUnderSpecTemplateSpec() {
    InvalidObjectException e = f.rejected(rc("{template: {metadata: {labels: {app: a}}, spec: {containers: [{name: app}]}}}"));

    assertThat(causes(e)).containsExactly("spec.template.spec.containers[0].image FieldValueRequired");
  }

  @Test
  void invalidTemplateLabelsAreReportedWithoutMetadataInThePath() {
    InvalidObjectException e = f.rejected(rc(
        "{selector: {app: a}, template: {metadata: {labels: {app: a, x: \"-bad\"}}, spec: {containers: [{name: app, image: nginx}]}}}"));

    // The RC's own labels were copied from the template, so they are reported too.
    assertThat(causes(e)).containsExactly("metadata.labels FieldValueInvalid", "spec.template.labels FieldValueInvalid");
  }

  @Test
  void updateKeepsTheStatus() {
    f.create(rc("{template: {metadata: {labels: {app: a}}, spec: {containers: [{name: app, image: nginx}]}}}"));
    ReplicationController stored = (ReplicationController) f.api.get("ReplicationController", "default", "web").orElseThrow();
    f.api.write(stored.withStatus(new dev.kubesim.api.model.ReplicationControllerStatus(
        java.util.Optional.of(1), null, null, null, null, null)));

    ReplicationController updated = f.update(rc("{replicas: 3, template: {metadata: {labels: {app: a}}, spec: {containers: [{name: app, image: nginx}]}}}"));

    assertThat(at(updated, "status.replicas").asInt()).isEqualTo(1);
    assertThat(at(updated, "spec.replicas").asInt()).isEqualTo(3);
    assertThat(at(updated, "metadata.generation").asLong()).isEqualTo(2);
  }
}
