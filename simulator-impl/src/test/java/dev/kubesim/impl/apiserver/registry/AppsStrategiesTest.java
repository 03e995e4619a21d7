package dev.kubesim.impl.apiserver.registry;

import static dev.kubesim.impl.apiserver.registry.Fixture.at;
import static dev.kubesim.impl.apiserver.registry.Fixture.causes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.ReplicaSet;
import org.junit.jupiter.api.Test;

class AppsStrategiesTest {
  private final Fixture f = new Fixture();
  private static final String TEMPLATE = "template: {metadata: {labels: {app: web}}, spec: {containers: [{name: app, image: nginx}]}}";

  private static String deployment(String spec) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: " + spec + "\n";
  }

  private static String replicaSet(String spec) {
    return "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: web}\nspec: " + spec + "\n";
  }

  @Test
  void deploymentDefaultsToARollingUpdateOfAQuarter() {
    Deployment d = f.create(deployment("{selector: {matchLabels: {app: web}}, " + TEMPLATE + "}"));

    assertThat(at(d, "spec.replicas").asInt()).isEqualTo(1);
    assertThat(at(d, "spec.strategy.type").asText()).isEqualTo("RollingUpdate");
    assertThat(at(d, "spec.strategy.rollingUpdate.maxUnavailable").asText()).isEqualTo("25%");
    assertThat(at(d, "spec.strategy.rollingUpdate.maxSurge").asText()).isEqualTo("25%");
    assertThat(at(d, "spec.revisionHistoryLimit").asInt()).isEqualTo(10);
    assertThat(at(d, "spec.progressDeadlineSeconds").asInt()).isEqualTo(600);
    assertThat(at(d, "spec.template.spec.restartPolicy").asText()).isEqualTo("Always");
  }

  @Test
  void deploymentWithoutSelectorIsRejectedAndItsTemplateNeverMatches() {
    InvalidObjectException e = f.rejected(deployment("{" + TEMPLATE + "}"));

    assertThat(causes(e)).containsExactly("spec.selector FieldValueRequired", "spec.template.metadata.labels FieldValueInvalid");
    assertThat(e.getMessage()).contains("spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: `selector` does not match template `labels`");
  }

  @Test
  void emptySelectorIsInvalidForDeployment() {
    InvalidObjectException e = f.rejected(deployment("{selector: {}, " + TEMPLATE + "}"));

    assertThat(causes(e)).containsExactly("spec.selector FieldValueInvalid");
    assertThat(e.getMessage()).isEqualTo("Deployment.apps \"web\" is invalid: spec.selector: Invalid value: {}: empty selector is invalid for deployment");
  }

  @Test
  void selectorMustMatchTemplateLabels() {
    InvalidObjectException e = f.rejected(deployment("{selector: {matchLabels: {app: other}}, " + TEMPLATE + "}"));

    assertThat(e.getMessage()).isEqualTo(
        "Deployment.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: `selector` does not match template `labels`");
  }

  @Test
  void matchExpressionsAreHonoured() {
    f.create(deployment("{selector: {matchExpressions: [{key: app, operator: In, values: [web, api]}]}, " + TEMPLATE + "}"));
  }

  @Test
  void invalidSelectorOperatorSkipsTheTemplate() {
    InvalidObjectException e = f.rejected(deployment("{selector: {matchExpressions: [{key: app, operator: Like}]}, " + TEMPLATE + "}"));

    assertThat(causes(e)).containsExactly("spec.selector.matchExpressions[0].operator FieldValueInvalid", "spec.selector FieldValueInvalid");
    assertThat(e.getMessage()).contains(
        "spec.selector: Invalid value: {\"matchExpressions\":[{\"key\":\"app\",\"operator\":\"Like\"}]}: invalid label selector");
  }

  @Test
  void bothRollingUpdateBoundsZeroIsRejected() {
    InvalidObjectException e = f.rejected(deployment(
        "{selector: {matchLabels: {app: web}}, strategy: {rollingUpdate: {maxUnavailable: 0, maxSurge: 0}}, " + TEMPLATE + "}"));

    assertThat(causes(e)).containsExactly("spec.strategy.rollingUpdate.maxUnavailable FieldValueInvalid");
    assertThat(e.getMessage()).endsWith("maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0");
  }

  @Test
  void recreateStrategyMayNotHaveRollingUpdateParameters() {
    InvalidObjectException e = f.rejected(deployment(
        "{selector: {matchLabels: {app: web}}, strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}, " + TEMPLATE + "}"));

    assertThat(causes(e)).containsExactly("spec.strategy.rollingUpdate FieldValueForbidden");
  }

  @Test
  void unknownStrategyTypeIsShownAsTheStrategyObject() {
    InvalidObjectException e = f.rejected(deployment("{selector: {matchLabels: {app: web}}, strategy: {type: BlueGreen}, " + TEMPLATE + "}"));

    assertThat(causes(e)).containsExactly("spec.strategy FieldValueNotSupported");
    assertThat(e.getMessage()).endsWith(
        "spec.strategy: Unsupported value: {\"type\":\"BlueGreen\"}: supported values: \"Recreate\", \"RollingUpdate\"");
  }

  @Test
  void badPercentIsRejected() {
    InvalidObjectException e = f.rejected(deployment(
        "{selector: {matchLabels: {app: web}}, strategy: {rollingUpdate: {maxSurge: \"x%\"}}, " + TEMPLATE + "}"));

    assertThat(causes(e)).containsExactly("spec.strategy.rollingUpdate.maxSurge FieldValueInvalid");
  }

  @Test
  void progressDeadlineMustExceedMinReadySeconds() {
    InvalidObjectException e = f.rejected(deployment(
        "{selector: {matchLabels: {app: web}}, minReadySeconds: 700, " + TEMPLATE + "}"));

    assertThat(causes(e)).containsExactly("spec.progressDeadlineSeconds FieldValueInvalid");
    assertThat(e.getMessage()).endsWith("spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds");
  }

  @Test
  void deploymentSelectorIsImmutable() {
    f.create(deployment("{selector: {matchLabels: {app: web}}, " + TEMPLATE + "}"));

    InvalidObjectException e = f.rejectedUpdate(deployment(
        "{selector: {matchLabels: {app: web, tier: fe}}, template: {metadata: {labels: {app: web, tier: fe}}, spec: {containers: [{name: app, image: nginx}]}}}"));

    assertThat(causes(e)).containsExactly("spec.selector FieldValueInvalid");
    assertThat(e.getMessage()).isEqualTo(
        "Deployment.apps \"web\" is invalid: spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"web\",\"tier\":\"fe\"}}: field is immutable");
  }

  @Test
  void deploymentScaleKeepsStatusAndBumpsGeneration() {
    f.create(deployment("{selector: {matchLabels: {app: web}}, " + TEMPLATE + "}"));

    Deployment d = f.update(deployment("{replicas: 3, selector: {matchLabels: {app: web}}, " + TEMPLATE + "}"));

    assertThat(at(d, "spec.replicas").asInt()).isEqualTo(3);
    assertThat(at(d, "metadata.generation").asLong()).isEqualTo(2);
  }

  @Test
  void replicaSetDefaultsToOneReplica() {
    ReplicaSet rs = f.create(replicaSet("{selector: {matchLabels: {app: web}}, " + TEMPLATE + "}"));

    assertThat(at(rs, "spec.replicas").asInt()).isEqualTo(1);
    assertThat(at(rs, "spec.template.spec.containers[0].terminationMessagePolicy").asText()).isEqualTo("File");
  }

  @Test
  void replicaSetNegativeReplicasAndMissingContainersAreRejected() {
    InvalidObjectException e = f.rejected(replicaSet(
        "{replicas: -2, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}}}"));

    assertThat(causes(e)).containsExactly("spec.replicas FieldValueInvalid", "spec.template.spec.containers FieldValueRequired");
  }

  @Test
  void replicaSetSelectorIsImmutable() {
    f.create(replicaSet("{selector: {matchLabels: {app: web}}, " + TEMPLATE + "}"));

    InvalidObjectException e = f.rejectedUpdate(replicaSet("{selector: {matchExpressions: [{key: app, operator: Exists}]}, " + TEMPLATE + "}"));

    assertThat(causes(e)).containsExactly("spec.selector FieldValueInvalid");
    assertThat(e.getMessage()).endsWith("field is immutable");
  }

  @Test
  void replicaSetTemplateActiveDeadlineIsForbidden() {
    InvalidObjectException e = f.rejected(replicaSet(
        "{selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {activeDeadlineSeconds: 5, containers: [{name: app, image: nginx}]}}}"));

    assertThat(causes(e)).containsExactly("spec.template.spec.activeDeadlineSeconds FieldValueForbidden");
    assertThat(e.getMessage()).endsWith("activeDeadlineSeconds in ReplicaSet is not Supported");
  }
}
