package dev.kubesim.impl.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Server-side apply through the served API: create, then merge, with field ownership in {@code
 * metadata.managedFields}, conflicts between managers, force, and removal of fields an applier
 * stops applying.
 */
class ServerSideApplyTest {
  private static final String PATH = "/api/v1/namespaces/default/services/web?fieldManager=kubectl&fieldValidation=Strict";
  private static final String APPLY = "application/apply-patch+yaml";
  private static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector:
          app: web
        ports:
        - port: 80
          targetPort: 8080
      """;

  private final ServedApiFixture f = new ServedApiFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void anAppliedConfigurationCreatesTheObjectThenMergesIntoIt() {
    ServedApiFixture.Reply created = f.send("PATCH", PATH, SERVICE, APPLY, "application/json");
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.json().path("spec").path("clusterIP").asText()).startsWith("10.");
    String clusterIp = created.json().path("spec").path("clusterIP").asText();

    ServedApiFixture.Reply updated = f.send("PATCH", PATH, SERVICE.replace("targetPort: 8080", "targetPort: 9090")
        + "  sessionAffinity: ClientIP\n", APPLY, "application/json");
    assertThat(updated.code()).isEqualTo(200);
    assertThat(updated.json().path("spec").path("ports").get(0).path("targetPort").asInt()).isEqualTo(9090);
    assertThat(updated.json().path("spec").path("sessionAffinity").asText()).isEqualTo("ClientIP");
    assertThat(updated.json().path("spec").path("clusterIP").asText()).as("what the server set stays").isEqualTo(clusterIp);
  }

  @Test
  void anApplyNamesItsFieldManagerAndItsObject() {
    ServedApiFixture.Reply anonymous = f.send("PATCH", "/api/v1/namespaces/default/services/web", SERVICE, APPLY,
        "application/json");
    assertThat(anonymous.code()).isEqualTo(422);
    assertThat(anonymous.json().path("message").asText()).contains("fieldManager: Required value");
    ServedApiFixture.Reply otherName = f.send("PATCH", PATH.replace("/web?", "/other?"), SERVICE, APPLY, "application/json");
    assertThat(otherName.code()).isEqualTo(400);
  }

  @Test
  void aDryRunApplyChangesNothing() {
    assertThat(f.send("PATCH", PATH + "&dryRun=All", SERVICE, APPLY, "application/json").code()).isEqualTo(201);
    assertThat(f.get("/api/v1/namespaces/default/services/web").code()).isEqualTo(404);
  }

  private ServedApiFixture.Reply apply(String manager, String config, String extra) {
    return f.send("PATCH", "/api/v1/namespaces/default/services/web?fieldManager=" + manager + extra, config, APPLY,
        "application/json");
  }

  private static JsonNode entry(JsonNode object, String manager) {
    for (JsonNode e : object.path("metadata").path("managedFields")) {
      if (e.path("manager").asText().equals(manager)) {
        return e;
      }
    }
    throw new AssertionError("no managedFields entry of " + manager + " in " + object);
  }

  @Test
  void anApplyRecordsWhatItsManagerOwns() {
    JsonNode created = apply("a", SERVICE, "").json();
    JsonNode e = entry(created, "a");
    assertThat(e.path("operation").asText()).isEqualTo("Apply");
    assertThat(e.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(e.path("fieldsType").asText()).isEqualTo("FieldsV1");
    assertThat(e.path("time").asText()).isEqualTo(created.path("metadata").path("creationTimestamp").asText());
    assertThat(e.path("fieldsV1").toString()).isEqualTo("{\"f:spec\":{\"f:ports\":{\"k:{\\\"port\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":"
        + "{\".\":{},\"f:port\":{},\"f:targetPort\":{}}},\"f:selector\":{}}}");
    assertThat(f.get("/api/v1/namespaces/default/services/web").json().path("metadata").path("managedFields"))
        .isEqualTo(created.path("metadata").path("managedFields"));
  }

  @Test
  void anApplyThatChangesAnotherManagersFieldIsAConflictUnlessForced() {
    apply("a", SERVICE, "");
    String changed = SERVICE.replace("targetPort: 8080", "targetPort: 9090");
    ServedApiFixture.Reply conflict = apply("b", changed, "");
    assertThat(conflict.code()).isEqualTo(409);
    JsonNode status = conflict.json();
    assertThat(status.path("reason").asText()).isEqualTo("Conflict");
    assertThat(status.path("message").asText())
        .isEqualTo("Apply failed with 1 conflict: conflict with \"a\": .spec.ports[port=80,protocol=\"TCP\"].targetPort");
    JsonNode cause = status.path("details").path("causes").get(0);
    assertThat(cause.path("reason").asText()).isEqualTo("FieldManagerConflict");
    assertThat(cause.path("message").asText()).isEqualTo("conflict with \"a\"");
    assertThat(cause.path("field").asText()).isEqualTo(".spec.ports[port=80,protocol=\"TCP\"].targetPort");
    assertThat(status.path("details").has("name")).isFalse();

    ServedApiFixture.Reply shared = apply("b", SERVICE, "");
    assertThat(shared.code()).as("the same values are shared, not a conflict").isEqualTo(200);

    ServedApiFixture.Reply forced = apply("b", changed, "&force=true");
    assertThat(forced.code()).isEqualTo(200);
    assertThat(forced.json().path("spec").path("ports").get(0).path("targetPort").asInt()).isEqualTo(9090);
    assertThat(entry(forced.json(), "a").path("fieldsV1").toString()).doesNotContain("targetPort");
    assertThat(entry(forced.json(), "b").path("fieldsV1").toString()).contains("targetPort");
  }

  @Test
  void aFieldTheApplierStopsApplyingIsRemovedAndDefaultedAgain() {
    JsonNode sticky = apply("a", SERVICE + "  sessionAffinity: ClientIP\n", "").json();
    assertThat(sticky.path("spec").path("sessionAffinity").asText()).isEqualTo("ClientIP");
    JsonNode plain = apply("a", SERVICE, "").json();
    assertThat(plain.path("spec").path("sessionAffinity").asText()).isEqualTo("None");
    assertThat(entry(plain, "a").path("fieldsV1").toString()).doesNotContain("sessionAffinity");
  }

  @Test
  void anApplyThatChangesNothingWritesNothing() {
    JsonNode created = apply("a", SERVICE, "").json();
    String rv = created.path("metadata").path("resourceVersion").asText();
    try (Stream<String> lines = f.stream("/api/v1/namespaces/default/services?watch=true&resourceVersion=" + rv)) {
      Iterator<String> events = lines.iterator();
      ServedApiFixture.Reply again = apply("a", SERVICE, "");
      assertThat(again.code()).isEqualTo(200);
      assertThat(again.json().path("metadata").path("resourceVersion").asText()).isEqualTo(rv);
      JsonNode shared = apply("b", SERVICE, "").json();
      assertThat(shared.path("metadata").path("resourceVersion").asText())
          .as("a new co-owner changes the managed fields, which are part of the object").isNotEqualTo(rv);
      JsonNode event = ServedApiFixture.json(events.next());
      assertThat(event.path("type").asText()).isEqualTo("MODIFIED");
      assertThat(event.path("object").path("metadata").path("managedFields")).hasSize(2);
    }
  }

  @Test
  void updatesAreAttributedToTheirFieldManagerOrUserAgentAndTakeOwnership() {
    String json = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cfg\"},\"data\":{\"k\":\"v\"}}";
    ServedApiFixture.Reply created = f.send("POST", "/api/v1/namespaces/default/configmaps", json, "application/json",
        "application/json", Map.of("User-Agent", "kubectl/v1.32.4 (linux/amd64) kubernetes/59526cd"));
    JsonNode e = entry(created.json(), "kubectl");
    assertThat(e.path("operation").asText()).isEqualTo("Update");
    assertThat(e.path("fieldsV1").toString()).isEqualTo("{\"f:data\":{\".\":{},\"f:k\":{}}}");

    JsonNode current = created.json();
    ((com.fasterxml.jackson.databind.node.ObjectNode) current.path("data")).put("k", "w");
    ServedApiFixture.Reply edited = f.send("PUT", "/api/v1/namespaces/default/configmaps/cfg?fieldManager=kubectl-edit",
        current.toString(), "application/json", "application/json");
    assertThat(edited.code()).as("managedFields sent back are accepted").isEqualTo(200);
    assertThat(entry(edited.json(), "kubectl-edit").path("fieldsV1").toString()).isEqualTo("{\"f:data\":{\"f:k\":{}}}");
    assertThat(entry(edited.json(), "kubectl").path("fieldsV1").toString()).as("the map it added").isEqualTo("{\"f:data\":{}}");
  }

  @Test
  void managedFieldsAClientWritesReplaceTheServersAndAnEmptyEntryResetsThem() {
    apply("a", SERVICE, "");
    String path = "/api/v1/namespaces/default/services/web";
    ServedApiFixture.Reply moved = f.patch(path, "application/json-patch+json",
        "[{\"op\":\"replace\",\"path\":\"/metadata/managedFields/0/manager\",\"value\":\"b\"}]");
    assertThat(moved.code()).isEqualTo(200);
    assertThat(moved.json().path("metadata").path("managedFields")).hasSize(1);
    assertThat(entry(moved.json(), "b").path("operation").asText()).isEqualTo("Apply");

    ServedApiFixture.Reply reset = f.patch(path, "application/merge-patch+json", "{\"metadata\":{\"managedFields\":[{}]}}");
    assertThat(reset.code()).isEqualTo(200);
    assertThat(reset.json().path("metadata").has("managedFields")).isFalse();
  }

  @Test
  void anApplyToTheStatusOwnsTheStatusFieldsOnly() {
    String sets = "/apis/apps/v1/namespaces/default/statefulsets/db";
    String set = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: db, image: postgres}]
        """;
    assertThat(f.send("PATCH", sets + "?fieldManager=kubectl", set, APPLY, "application/json").code()).isEqualTo(201);
    String status = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nstatus:\n  replicas: 1\n";
    ServedApiFixture.Reply applied = f.send("PATCH", sets + "/status?fieldManager=operator",
        status + "  readyReplicas: 1\n", APPLY, "application/json");
    assertThat(applied.code()).isEqualTo(200);
    assertThat(applied.json().path("status").path("readyReplicas").asInt()).isEqualTo(1);
    JsonNode e = entry(applied.json(), "operator");
    assertThat(e.path("subresource").asText()).isEqualTo("status");
    assertThat(e.path("fieldsV1").toString()).isEqualTo("{\"f:status\":{\"f:readyReplicas\":{},\"f:replicas\":{}}}");

    ServedApiFixture.Reply dropped = f.send("PATCH", sets + "/status?fieldManager=operator", status, APPLY, "application/json");
    assertThat(dropped.json().path("status").has("readyReplicas")).isFalse();

    ServedApiFixture.Reply conflict = f.send("PATCH", sets + "/status?fieldManager=other",
        status.replace("replicas: 1", "replicas: 2"), APPLY, "application/json");
    assertThat(conflict.code()).isEqualTo(409);
    assertThat(conflict.json().path("message").asText())
        .isEqualTo("Apply failed with 1 conflict: conflict with \"operator\" with subresource \"status\": .status.replicas");
  }
}
