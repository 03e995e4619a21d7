package dev.kubesim.impl.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Server-side apply as far as one applier goes: create, then merge; no field ownership. */
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
}
