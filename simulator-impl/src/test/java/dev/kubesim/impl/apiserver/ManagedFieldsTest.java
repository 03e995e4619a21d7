package dev.kubesim.impl.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.StatusCause;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** Field ownership as structured-merge-diff and kube-apiserver's field manager keep it. */
class ManagedFieldsTest {
  private static final String KIND = "Deployment";
  private static final String V = "apps/v1";
  private static final String T0 = "2026-01-01T00:00:00Z";
  private static final String T1 = "2026-01-01T00:01:00Z";

  private static JsonNode yaml(String text) {
    try {
      return new YAMLMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Deployment's configuration; {@code labels} null for none. */
  private static JsonNode deployment(int replicas, String labels) {
    return yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          %s
        spec:
          replicas: %d
        """.formatted(labels == null ? "" : "labels: " + labels, replicas));
  }

  private static FieldSet owned(ManagedFields m, String manager, String operation) {
    return m.entry(manager, operation, "").orElseThrow().fields();
  }

  @Test
  void anAppliedConfigurationsFieldsAreItsLeavesAndItsKeyedItems() {
    JsonNode config = yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web}
          finalizers: [example.com/keep]
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: nginx
                args: [a, b]
                ports: [{containerPort: 80}]
                env: [{name: A, value: b}]
                volumeMounts: [{name: data, mountPath: /data}]
              volumes: [{name: data, emptyDir: {}}]
        """);
    FieldSet set = ManagedFields.NONE.apply(KIND, null, config, "a", V, T0, false).managedFields().entries().get(0).fields();
    assertThat(set.toFieldsV1().toString()).isEqualTo(
        "{\"f:metadata\":{\"f:finalizers\":{\"v:\\\"example.com/keep\\\"\":{}},\"f:labels\":{\"f:app\":{}}},"
            + "\"f:spec\":{\"f:replicas\":{},\"f:selector\":{},\"f:template\":{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},"
            + "\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"web\\\"}\":{\".\":{},\"f:args\":{},"
            + "\"f:env\":{\"k:{\\\"name\\\":\\\"A\\\"}\":{\".\":{},\"f:name\":{},\"f:value\":{}}},\"f:image\":{},\"f:name\":{},"
            + "\"f:ports\":{\"k:{\\\"containerPort\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:containerPort\":{}}},"
            + "\"f:volumeMounts\":{\"k:{\\\"mountPath\\\":\\\"/data\\\"}\":{\".\":{},\"f:mountPath\":{},\"f:name\":{}}}}},"
            + "\"f:volumes\":{\"k:{\\\"name\\\":\\\"data\\\"}\":{\".\":{},\"f:emptyDir\":{},\"f:name\":{}}}}}}}");
    assertThat(FieldSet.fromFieldsV1(set.toFieldsV1())).isEqualTo(set);
  }

  @Test
  void anUpdateOwnsWhatItAddsOrChangesAndMapsItAddsWhole() {
    ManagedFields created = ManagedFields.NONE.update(KIND, yaml("{}"), deployment(1, "{app: web}"), "kubectl-create", V, "", T0);
    ManagedFields.Entry e = created.entries().get(0);
    assertThat(e.operation()).isEqualTo("Update");
    assertThat(e.fields().toFieldsV1().toString())
        .isEqualTo("{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}},\"f:spec\":{\"f:replicas\":{}}}");
    assertThat(e.toJson().toString()).isEqualTo("{\"manager\":\"kubectl-create\",\"operation\":\"Update\","
        + "\"apiVersion\":\"apps/v1\",\"time\":\"" + T0 + "\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":"
        + e.fields().toFieldsV1() + "}");

    ManagedFields edited = created.update(KIND, deployment(1, "{app: web}"), deployment(3, "{app: web}"), "kubectl-edit", V, "", T1);
    assertThat(owned(edited, "kubectl-edit", "Update").toString()).isEqualTo("[.spec.replicas]");
    assertThat(owned(edited, "kubectl-create", "Update").toString()).isEqualTo("[.metadata.labels, .metadata.labels.app]");

    assertThat(edited.update(KIND, deployment(3, "{app: web}"), deployment(3, "{app: web}"), "other", V, "", T1))
        .as("an update that changes nothing changes no ownership").isSameAs(edited);
  }

  @Test
  void anApplyThatWouldChangeAnotherManagersFieldConflicts() {
    ManagedFields.Applied a = ManagedFields.NONE.apply(KIND, null, deployment(2, "{app: web}"), "a", V, T0, false);
    KubeSimException e = catchThrowableOfType(
        () -> a.managedFields().apply(KIND, a.object(), deployment(3, "{app: web}"), "b", V, T1, false), KubeSimException.class);
    assertThat(e.code()).isEqualTo(409);
    assertThat(e.reason()).isEqualTo("Conflict");
    assertThat(e.getMessage()).isEqualTo("Apply failed with 1 conflict: conflict with \"a\": .spec.replicas");
    assertThat(e.causes()).containsExactly(new StatusCause(".spec.replicas", "FieldManagerConflict", "conflict with \"a\""));

    KubeSimException two = catchThrowableOfType(
        () -> a.managedFields().apply(KIND, a.object(), deployment(3, "{app: api}"), "b", V, T1, false), KubeSimException.class);
    assertThat(two.getMessage()).isEqualTo(
        "Apply failed with 2 conflicts: conflicts with \"a\":\n- .metadata.labels.app\n- .spec.replicas");
  }

  @Test
  void aConflictWithAnUpdaterNamesItsVersion() {
    ManagedFields created = ManagedFields.NONE.update(KIND, yaml("{}"), deployment(1, "{app: web}"), "kubectl-create", V, "", T0);
    KubeSimException e = catchThrowableOfType(
        () -> created.apply(KIND, deployment(1, "{app: web}"), deployment(2, "{app: web}"), "kubectl", V, T1, false),
        KubeSimException.class);
    assertThat(e.getMessage())
        .isEqualTo("Apply failed with 1 conflict: conflict with \"kubectl-create\" using apps/v1: .spec.replicas");
  }

  @Test
  void theSameValueAppliedByTwoManagersIsShared() {
    ManagedFields.Applied a = ManagedFields.NONE.apply(KIND, null, deployment(2, "{app: web}"), "a", V, T0, false);
    ManagedFields.Applied b = a.managedFields().apply(KIND, a.object(), deployment(2, null), "b", V, T1, false);
    assertThat(owned(b.managedFields(), "a", "Apply").toString()).contains(".spec.replicas");
    assertThat(owned(b.managedFields(), "b", "Apply").toString()).isEqualTo("[.spec.replicas]");
    assertThat(b.object()).isEqualTo(a.object());
    assertThat(b.managedFields().entry("b", "Apply", "").orElseThrow().time())
        .as("a new manager's time, though the object stays as it was").isEqualTo(T1);
  }

  @Test
  void forceTakesTheFieldFromItsOwner() {
    ManagedFields.Applied a = ManagedFields.NONE.apply(KIND, null, deployment(2, "{app: web}"), "a", V, T0, false);
    ManagedFields.Applied b = a.managedFields().apply(KIND, a.object(), deployment(3, null), "b", V, T1, true);
    assertThat(b.object().path("spec").path("replicas").asInt()).isEqualTo(3);
    assertThat(owned(b.managedFields(), "a", "Apply").toString()).isEqualTo("[.metadata.labels.app]");
    assertThat(owned(b.managedFields(), "b", "Apply").toString()).isEqualTo("[.spec.replicas]");
  }

  @Test
  void aFieldTheApplierNoLongerAppliesIsRemovedUnlessAnotherManagerOwnsIt() {
    ManagedFields.Applied a = ManagedFields.NONE.apply(KIND, null, deployment(2, "{x: '1', y: '2'}"), "a", V, T0, false);
    ManagedFields.Applied dropped = a.managedFields().apply(KIND, a.object(), deployment(2, "{x: '1'}"), "a", V, T1, false);
    assertThat(dropped.object().path("metadata").path("labels").has("y")).isFalse();
    assertThat(dropped.object().path("metadata").path("labels").path("x").asText()).isEqualTo("1");

    ManagedFields.Applied shared = a.managedFields().apply(KIND, a.object(), deployment(2, "{y: '2'}"), "b", V, T1, false);
    ManagedFields.Applied kept = shared.managedFields().apply(KIND, shared.object(), deployment(2, "{x: '1'}"), "a", V, T1, false);
    assertThat(kept.object().path("metadata").path("labels").path("y").asText()).as("b still applies it").isEqualTo("2");

    JsonNode withContainer = yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers: [{name: web, image: nginx}, {name: side, image: busybox}]
        """);
    ManagedFields.Applied two = ManagedFields.NONE.apply(KIND, null, withContainer, "a", V, T0, false);
    JsonNode one = yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers: [{name: web, image: nginx}]
        """);
    ManagedFields.Applied left = two.managedFields().apply(KIND, two.object(), one, "a", V, T1, false);
    assertThat(left.object().path("spec").path("template").path("spec").path("containers")).hasSize(1);
  }

  @Test
  void anApplyThatChangesNothingKeepsItsTime() {
    ManagedFields.Applied a = ManagedFields.NONE.apply(KIND, null, deployment(2, "{app: web}"), "a", V, T0, false);
    ManagedFields.Applied again = a.managedFields().apply(KIND, a.object(), deployment(2, "{app: web}"), "a", V, T1, false);
    assertThat(again.managedFields()).isEqualTo(a.managedFields());
  }

  @Test
  void anUpdateTakesFieldsFromAnApplierWithoutConflict() {
    ManagedFields.Applied a = ManagedFields.NONE.apply(KIND, null, deployment(2, "{app: web}"), "a", V, T0, false);
    ManagedFields edited = a.managedFields().update(KIND, a.object(), deployment(5, "{app: web}"), "kubectl-edit", V, "", T1);
    assertThat(owned(edited, "a", "Apply").toString()).isEqualTo("[.metadata.labels.app]");
    assertThat(owned(edited, "kubectl-edit", "Update").toString()).isEqualTo("[.spec.replicas]");
  }

  @Test
  void entriesAreSortedAsServed() {
    ManagedFields.Applied a = ManagedFields.NONE.apply(KIND, null, deployment(2, "{app: web}"), "z", V, T1, false);
    ManagedFields m = a.managedFields().update(KIND, a.object(), deployment(2, "{app: web, b: c}"), "a", V, "", T0);
    assertThat(m.entries()).extracting(ManagedFields.Entry::manager).containsExactly("z", "a");
  }
}
