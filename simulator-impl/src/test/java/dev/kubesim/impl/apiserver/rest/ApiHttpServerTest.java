package dev.kubesim.impl.apiserver.rest;

import dev.kubesim.impl.apiserver.Patches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ServeOptions;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.printers.TablePrinters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiHttpServerTest {
  private static final String RC = """
      {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"kubia"},
       "spec":{"replicas":3,"selector":{"app":"kubia"},
        "template":{"metadata":{"labels":{"app":"kubia"}},
         "spec":{"containers":[{"name":"kubia","image":"luksa/kubia","ports":[{"containerPort":8080}]}]}}}}""";

  private static final String SVC = """
      {"apiVersion":"v1","kind":"Service","metadata":{"name":"kubia"},
       "spec":{"selector":{"app":"kubia"},"ports":[{"port":80,"targetPort":8080}]}}""";

  private final ServedApiFixture f = new ServedApiFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aBodyOverTheApiServersLimitIsRefusedAsItsLimitedReadRefusesIt() throws Exception {
    String big = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"big\"},"
        + "\"data\":{\"a\":\"" + "a".repeat(4 << 20) + "\"}}";
    for (String path : List.of("/api/v1/namespaces/default/configmaps", "/api/v1/namespaces/default/configmaps/big")) {
      ServedApiFixture.Reply refused = path.endsWith("big") ? f.put(path, big) : f.post(path, big);
      assertThat(refused.code()).isEqualTo(413);
      JsonNode status = ObjectCodecJson.read(refused.text());
      assertThat(status.path("reason").asText()).isEqualTo("RequestEntityTooLarge");
      assertThat(status.path("message").asText()).isEqualTo("Request entity too large: limit is 3145728");
    }
  }

  @Test
  void warningsOfTheApiServerComeAsWarningHeadersWithCode299() {
    ServedApiFixture.Reply created = f.post("/api/v1/namespaces/default/pods", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
        + "\"metadata\":{\"name\":\"w\"},\"spec\":{\"nodeSelector\":{\"beta.kubernetes.io/os\":\"linux\"},"
        + "\"containers\":[{\"name\":\"a\",\"image\":\"nginx\"}]}}");
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.raw().headers().allValues("Warning")).containsExactly(
        "299 - \"spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use \\\"kubernetes.io/os\\\" instead\"");
  }

  @Test
  void answersVersionHealthAndLegacyDiscovery() {
    assertThat(f.get("/version").json().path("gitVersion").asText()).isEqualTo("v1.34.0");
    assertThat(f.get("/healthz").text()).isEqualTo("ok");
    assertThat(f.get("/readyz").text()).isEqualTo("ok");
    assertThat(f.get("/livez").code()).isEqualTo(200);
    JsonNode api = f.get("/api").json();
    assertThat(api.path("kind").asText()).isEqualTo("APIVersions");
    assertThat(api.path("versions").get(0).asText()).isEqualTo("v1");
    JsonNode groups = f.get("/apis").json();
    assertThat(groups.path("kind").asText()).isEqualTo("APIGroupList");
    assertThat(groups.findValuesAsText("name")).contains("apps", "networking.k8s.io", "discovery.k8s.io");

    JsonNode core = f.get("/api/v1").json();
    JsonNode pods = resource(core, "pods");
    assertThat(pods.path("kind").asText()).isEqualTo("Pod");
    assertThat(pods.path("namespaced").asBoolean()).isTrue();
    assertThat(pods.path("singularName").asText()).isEqualTo("pod");
    assertThat(pods.path("shortNames").get(0).asText()).isEqualTo("po");
    assertThat(pods.path("categories").get(0).asText()).isEqualTo("all");
    assertThat(texts(pods.path("verbs"))).contains("create", "delete", "get", "list", "patch", "update", "watch");
    assertThat(resource(core, "pods/status").path("verbs").size()).isEqualTo(3);
    JsonNode scale = resource(f.get("/apis/apps/v1").json(), "deployments/scale");
    assertThat(scale.path("group").asText() + "/" + scale.path("kind").asText()).isEqualTo("autoscaling/Scale");
    assertThat(resource(core, "nodes").path("namespaced").asBoolean()).isFalse();
    assertThat(f.get("/apis/nope").code()).isEqualTo(404);
  }

  @Test
  void answersAggregatedDiscoveryWhenAskedForIt() {
    String accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
        + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
    ServedApiFixture.Reply core = f.get("/api", accept);
    assertThat(core.contentType()).isEqualTo(Discovery.AGGREGATED_V2);
    JsonNode item = core.json().path("items").get(0);
    assertThat(item.path("metadata").path("name").asText()).isEmpty();
    JsonNode v1 = item.path("versions").get(0);
    assertThat(v1.path("version").asText()).isEqualTo("v1");
    JsonNode rc = null;
    for (JsonNode r : v1.path("resources")) {
      if (r.path("resource").asText().equals("replicationcontrollers")) {
        rc = r;
      }
    }
    assertThat(rc).isNotNull();
    assertThat(rc.path("responseKind").path("kind").asText()).isEqualTo("ReplicationController");
    assertThat(rc.path("scope").asText()).isEqualTo("Namespaced");
    assertThat(rc.path("singularResource").asText()).isEqualTo("replicationcontroller");
    assertThat(rc.path("shortNames").get(0).asText()).isEqualTo("rc");
    assertThat(rc.path("subresources").findValuesAsText("subresource")).containsExactly("scale", "status");
    JsonNode groups = f.get("/apis", accept).json();
    assertThat(groups.path("kind").asText()).isEqualTo("APIGroupDiscoveryList");
    assertThat(groups.path("items").findValuesAsText("name")).contains("apps", "networking.k8s.io");
  }

  @Test
  void servesOpenApiV3DocumentsThatDeclareServerSideFieldValidation() {
    JsonNode root = f.get("/openapi/v3").json();
    String url = root.path("paths").path("apis/apps/v1").path("serverRelativeURL").asText();
    assertThat(url).startsWith("/openapi/v3/apis/apps/v1?hash=");
    JsonNode doc = f.get(url).json();
    JsonNode patch = doc.path("paths").path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").path("patch");
    assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asText()).isEqualTo("Deployment");
    assertThat(patch.path("parameters").findValuesAsText("name")).contains("fieldValidation");
    // no request body named: kubectl's apply keeps computing its patches from its compiled-in types
    assertThat(patch.has("requestBody")).isFalse();
    JsonNode deployment = doc.path("components").path("schemas").path("io.k8s.api.apps.v1.Deployment");
    assertThat(deployment.path("x-kubernetes-group-version-kind").get(0).path("kind").asText()).isEqualTo("Deployment");
    assertThat(deployment.path("properties").path("spec").path("allOf").get(0).path("$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec");
    assertThat(f.get("/openapi/v2").code()).isEqualTo(404);
  }

  @Test
  void createsGetsAndListsWithSelectorsAndPages() {
    ServedApiFixture.Reply created = f.post("/api/v1/namespaces/default/replicationcontrollers", RC);
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.json().path("metadata").path("uid").asText()).isNotEmpty();
    // the write settled: the controller has made the pods before the answer came
    JsonNode pods = f.get("/api/v1/namespaces/default/pods?labelSelector=app%3Dkubia").json();
    assertThat(pods.path("kind").asText()).isEqualTo("PodList");
    assertThat(pods.path("items")).hasSize(3);
    String name = pods.path("items").get(1).path("metadata").path("name").asText();
    JsonNode byName = f.get("/api/v1/pods?fieldSelector=metadata.name%3D" + name).json();
    assertThat(byName.path("items")).hasSize(1);
    assertThat(f.get("/api/v1/namespaces/default/pods/" + name).json().path("metadata").path("name").asText()).isEqualTo(name);
    assertThat(f.get("/api/v1/namespaces/default/pods?labelSelector=app%3Dother").json().path("items")).isEmpty();
    assertThat(f.get("/api/v1/pods?fieldSelector=spec.nope%3Dx").json().path("message").asText())
        .isEqualTo("field label not supported: spec.nope");

    List<String> all = names(f.get("/api/v1/pods").json());
    List<String> paged = new ArrayList<>();
    String next = "";
    int pages = 0;
    do {
      JsonNode page = f.get("/api/v1/pods?limit=2" + (next.isEmpty() ? "" : "&continue=" + next)).json();
      paged.addAll(names(page));
      next = page.path("metadata").path("continue").asText("");
      pages++;
    } while (!next.isEmpty());
    assertThat(paged).isEqualTo(all);
    assertThat(pages).isEqualTo((all.size() + 1) / 2);
  }

  @Test
  void errorsAreStatusObjectsWithTheApiServersMessages() {
    ServedApiFixture.Reply missing = f.get("/api/v1/namespaces/default/services/nope");
    assertThat(missing.code()).isEqualTo(404);
    JsonNode status = missing.json();
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("status").asText()).isEqualTo("Failure");
    assertThat(status.path("reason").asText()).isEqualTo("NotFound");
    assertThat(status.path("message").asText()).isEqualTo("services \"nope\" not found");
    assertThat(status.path("details").path("name").asText()).isEqualTo("nope");
    assertThat(status.path("details").path("kind").asText()).isEqualTo("services");
    assertThat(status.path("code").asInt()).isEqualTo(404);

    f.post("/api/v1/namespaces/default/services", SVC);
    ServedApiFixture.Reply again = f.post("/api/v1/namespaces/default/services", SVC);
    assertThat(again.code()).isEqualTo(409);
    assertThat(again.json().path("reason").asText()).isEqualTo("AlreadyExists");
    assertThat(again.json().path("message").asText()).isEqualTo("services \"kubia\" already exists");

    String bad = SVC.replace("\"name\":\"kubia\"", "\"name\":\"bad\"").replace("\"port\":80", "\"port\":0");
    ServedApiFixture.Reply invalid = f.post("/api/v1/namespaces/default/services", bad);
    assertThat(invalid.code()).isEqualTo(422);
    JsonNode s = invalid.json();
    assertThat(s.path("reason").asText()).isEqualTo("Invalid");
    assertThat(s.path("details").path("kind").asText()).isEqualTo("Service");
    JsonNode cause = s.path("details").path("causes").get(0);
    assertThat(cause.path("reason").asText()).isEqualTo("FieldValueInvalid");
    assertThat(cause.path("field").asText()).isEqualTo("spec.ports[0].port");
    // the same words as the cluster's own API (and so kubesim's kubectl) gives
    try (SimCluster twin = (SimCluster) KubeSim.cluster().seed(ServedApiFixture.SEED).build()) {
      assertThatThrownBy(() -> twin.create(ObjectCodec.decode(ManifestReader.read("x", bad).get(0))))
          .isInstanceOf(InvalidObjectException.class)
          .hasMessage(s.path("message").asText());
    }

    ServedApiFixture.Reply unknown = f.post("/api/v1/namespaces/default/services",
        SVC.replace("\"selector\"", "\"selectr\""));
    assertThat(unknown.code()).isEqualTo(400);
    assertThat(unknown.json().path("message").asText())
        .isEqualTo("Service in version \"v1\" cannot be handled as a Service: strict decoding error: unknown field \"spec.selectr\"");
    assertThat(f.post("/api/v1/namespaces/other/services", SVC).json().path("message").asText())
        .isEqualTo("namespaces \"other\" not found");
  }

  @Test
  void updateWithAStaleResourceVersionConflicts() {
    JsonNode svc = f.post("/api/v1/namespaces/default/services", SVC).json();
    ((com.fasterxml.jackson.databind.node.ObjectNode) svc.path("metadata")).putObject("labels").put("tier", "web");
    ServedApiFixture.Reply updated = f.put("/api/v1/namespaces/default/services/kubia", svc.toString());
    assertThat(updated.code()).isEqualTo(200);
    assertThat(updated.json().path("metadata").path("labels").path("tier").asText()).isEqualTo("web");
    ServedApiFixture.Reply stale = f.put("/api/v1/namespaces/default/services/kubia", svc.toString());
    assertThat(stale.code()).isEqualTo(409);
    assertThat(stale.json().path("message").asText()).isEqualTo("Operation cannot be fulfilled on services \"kubia\": "
        + "the object has been modified; please apply your changes to the latest version and try again");
    assertThat(f.put("/api/v1/namespaces/default/services/other", svc.toString()).json().path("message").asText())
        .isEqualTo("the name of the object (kubia) does not match the name on the URL (other)");
  }

  @Test
  void patchesAsKubectlSendsThem() {
    f.post("/api/v1/namespaces/default/replicationcontrollers", RC);
    String path = "/api/v1/namespaces/default/replicationcontrollers/kubia";
    // kubectl label: a JSON merge patch
    JsonNode labeled = f.patch(path, Patches.MERGE, "{\"metadata\":{\"labels\":{\"env\":\"debug\"}}}").json();
    assertThat(labeled.path("metadata").path("labels").path("env").asText()).isEqualTo("debug");
    // kubectl apply: a strategic merge patch that merges containers by name and their ports by containerPort
    String smp = """
        {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"kubia"}],
          "containers":[{"name":"kubia","image":"luksa/kubia:v2","ports":[{"containerPort":9090}]}]}}}}""";
    JsonNode applied = f.patch(path, Patches.STRATEGIC, smp).json();
    JsonNode container = applied.path("spec").path("template").path("spec").path("containers").get(0);
    assertThat(container.path("image").asText()).isEqualTo("luksa/kubia:v2");
    assertThat(container.path("ports").findValuesAsText("containerPort")).containsExactly("8080", "9090");
    // kubectl patch --type=json
    JsonNode jp = f.patch(path, Patches.JSON_PATCH, "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":1}]").json();
    assertThat(jp.path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(f.cluster.list(Pod.class, "default")).filteredOn(p -> p.metadata().deletionTimestamp().isEmpty()).hasSize(1);
    ServedApiFixture.Reply removeMissing = f.patch(path, Patches.JSON_PATCH, "[{\"op\":\"remove\",\"path\":\"/spec/nope\"}]");
    assertThat(removeMissing.code()).isEqualTo(400);
    assertThat(f.patch(path, "application/apply-patch+yaml", "{}").code()).as("an apply names its field manager").isEqualTo(422);
  }

  @Test
  void strategicMergePatchDirectives() {
    JsonNode target = ServedApiFixture.json("""
        {"metadata":{"finalizers":["a"]},"spec":{"ports":[{"port":80,"nodePort":30001},{"port":81}],
         "selector":{"app":"x","tier":"y"}}}""");
    JsonNode patched = Patches.strategicMergePatch("Service", target, ServedApiFixture.json("""
        {"metadata":{"finalizers":["b"]},"spec":{"$setElementOrder/ports":[{"port":81},{"port":80}],
         "ports":[{"port":80,"targetPort":8080}],"selector":{"$patch":"replace","app":"z"}}}"""));
    assertThat(patched.path("metadata").path("finalizers").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(patched.path("spec").path("ports").toString())
        .isEqualTo("[{\"port\":81},{\"port\":80,\"nodePort\":30001,\"targetPort\":8080}]");
    assertThat(patched.path("spec").path("selector").toString()).isEqualTo("{\"app\":\"z\"}");
    JsonNode deleted = Patches.strategicMergePatch("Service", target,
        ServedApiFixture.json("{\"spec\":{\"ports\":[{\"port\":81,\"$patch\":\"delete\"}]},"
            + "\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"a\"]}}"));
    assertThat(deleted.path("spec").path("ports").findValuesAsText("port")).containsExactly("80");
    assertThat(deleted.path("metadata").path("finalizers")).isEmpty();
  }

  @Test
  void scaleAndStatusSubresources() {
    f.post("/api/v1/namespaces/default/replicationcontrollers", RC);
    String scalePath = "/api/v1/namespaces/default/replicationcontrollers/kubia/scale";
    JsonNode scale = f.get(scalePath).json();
    assertThat(scale.path("kind").asText()).isEqualTo("Scale");
    assertThat(scale.path("apiVersion").asText()).isEqualTo("autoscaling/v1");
    assertThat(scale.path("spec").path("replicas").asInt()).isEqualTo(3);
    assertThat(scale.path("status").path("selector").asText()).isEqualTo("app=kubia");
    // kubectl scale: a merge patch of the Scale
    JsonNode scaled = f.patch(scalePath, Patches.MERGE, "{\"spec\":{\"replicas\":5}}").json();
    assertThat(scaled.path("spec").path("replicas").asInt()).isEqualTo(5);
    assertThat(f.cluster.listAll(Pod.class)).filteredOn(p -> p.metadata().nameOrEmpty().startsWith("kubia")).hasSize(5);
    assertThat(f.patch(scalePath, Patches.MERGE, "{\"spec\":{\"replicas\":-1}}").code()).isEqualTo(422);

    f.post("/api/v1/namespaces/default/services", SVC);
    JsonNode svc = f.get("/api/v1/namespaces/default/services/kubia").json();
    ((com.fasterxml.jackson.databind.node.ObjectNode) svc).putObject("status").putObject("loadBalancer")
        .putArray("ingress").addObject().put("ip", "203.0.113.9");
    ((com.fasterxml.jackson.databind.node.ObjectNode) svc.path("spec")).put("type", "NodePort"); // ignored by /status
    JsonNode written = f.put("/api/v1/namespaces/default/services/kubia/status", svc.toString()).json();
    assertThat(written.path("status").path("loadBalancer").path("ingress").get(0).path("ip").asText()).isEqualTo("203.0.113.9");
    assertThat(written.path("spec").path("type").asText()).isEqualTo("ClusterIP");
    assertThat(f.get("/api/v1/namespaces/default/services/kubia/scale").code()).isEqualTo(404);
  }

  @Test
  void deleteWithPreconditionsPropagationAndDryRun() {
    f.post("/api/v1/namespaces/default/replicationcontrollers", RC);
    String rc = "/api/v1/namespaces/default/replicationcontrollers/kubia";
    ServedApiFixture.Reply wrongUid = f.delete(rc, "{\"preconditions\":{\"uid\":\"x\"}}");
    assertThat(wrongUid.code()).isEqualTo(409);
    assertThat(wrongUid.json().path("message").asText()).startsWith(
        "Operation cannot be fulfilled on replicationcontrollers \"kubia\": Precondition failed: UID in precondition: x, UID in object meta: ");
    assertThat(f.delete(rc + "?dryRun=All", "").code()).isEqualTo(200);
    assertThat(f.get(rc).code()).isEqualTo(200);
    ServedApiFixture.Reply gone = f.delete(rc, "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Orphan\"}");
    assertThat(gone.code()).isEqualTo(200);
    assertThat(f.get(rc).code()).isEqualTo(404);
    // orphaned: the pods stay, without their owner
    JsonNode pods = f.get("/api/v1/namespaces/default/pods").json().path("items");
    assertThat(pods).hasSize(3);
    assertThat(pods.get(0).path("metadata").has("ownerReferences")).isFalse();

    ServedApiFixture.Reply dry = f.post("/api/v1/namespaces/default/services?dryRun=All", SVC);
    assertThat(dry.code()).isEqualTo(201);
    assertThat(dry.json().path("spec").path("clusterIP").asText()).isNotEmpty();
    assertThat(f.get("/api/v1/namespaces/default/services/kubia").code()).isEqualTo(404);
    assertThat(f.cluster.listAll(Service.class)).extracting(s -> s.metadata().nameOrEmpty()).doesNotContain("kubia");
  }

  @Test
  void tablesHaveTheColumnsAndCellsOfKubesimsPrinters() {
    f.post("/api/v1/namespaces/default/replicationcontrollers", RC);
    JsonNode table = f.get("/api/v1/namespaces/default/pods",
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json").json();
    assertThat(table.path("kind").asText()).isEqualTo("Table");
    List<String> columns = new ArrayList<>();
    List<Integer> priorities = new ArrayList<>();
    table.path("columnDefinitions").forEach(c -> {
      columns.add(c.path("name").asText());
      priorities.add(c.path("priority").asInt());
    });
    assertThat(columns).containsExactly("Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node",
        "Readiness Gates");
    assertThat(priorities).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1);
    List<Pod> pods = f.cluster.list(Pod.class, "default");
    assertThat(table.path("rows")).hasSize(pods.size());
    JsonNode row = table.path("rows").get(0);
    assertThat(texts(row.path("cells"))).isEqualTo(
        TablePrinters.forKind("Pod").row(pods.get(0), f.cluster.loop().clock().instant(), true));
    assertThat(row.path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(row.path("object").path("metadata").path("labels").path("app").asText()).isEqualTo("kubia");
    ServedApiFixture.Reply one = f.get("/api/v1/namespaces/default/replicationcontrollers/kubia",
        "application/json;as=Table;v=v1;g=meta.k8s.io");
    assertThat(one.contentType()).isEqualTo("application/json;as=Table;v=v1;g=meta.k8s.io");
    assertThat(one.json().path("rows")).hasSize(1);
  }

  @Test
  void watchStreamsChangesFromAListsResourceVersion() {
    JsonNode list = f.get("/api/v1/namespaces/default/services").json();
    String rv = list.path("metadata").path("resourceVersion").asText();
    f.post("/api/v1/namespaces/default/services", SVC);
    f.patch("/api/v1/namespaces/default/services/kubia", Patches.MERGE, "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
    f.delete("/api/v1/namespaces/default/services/kubia", "");
    try (Stream<String> lines = f.stream("/api/v1/namespaces/default/services?watch=true&resourceVersion=" + rv)) {
      Iterator<String> it = lines.iterator();
      List<String> seen = new ArrayList<>();
      long last = Long.parseLong(rv);
      while (seen.size() < 3) {
        JsonNode e = ServedApiFixture.json(it.next());
        seen.add(e.path("type").asText() + " " + e.path("object").path("metadata").path("name").asText());
        long v = Long.parseLong(e.path("object").path("metadata").path("resourceVersion").asText());
        assertThat(v).isGreaterThan(last);
        last = v;
      }
      assertThat(seen).containsExactly("ADDED kubia", "MODIFIED kubia", "DELETED kubia");
    }
  }

  @Test
  void watchWithoutAVersionStartsWithTheObjectsAndSeesLaterChanges() {
    try (Stream<String> lines = f.stream("/api/v1/namespaces/default/services?watch=1&labelSelector=app%3Dkubia")) {
      Iterator<String> it = lines.iterator();
      f.post("/api/v1/namespaces/default/services", SVC.replace("\"name\":\"kubia\"}",
          "\"name\":\"kubia\",\"labels\":{\"app\":\"kubia\"}}"));
      JsonNode added = ServedApiFixture.json(it.next());
      assertThat(added.path("type").asText()).isEqualTo("ADDED");
      // the label is taken away: for this watch the object is gone
      f.patch("/api/v1/namespaces/default/services/kubia", Patches.MERGE, "{\"metadata\":{\"labels\":null}}");
      JsonNode removed = ServedApiFixture.json(it.next());
      assertThat(removed.path("type").asText()).isEqualTo("DELETED");
    }
  }

  @Test
  void watchFromAVersionOlderThanTheHistoryIsGone() {
    try (ServedApiFixture small = new ServedApiFixture(ServeOptions.defaults().withWatchHistory(2))) {
      String rv = small.get("/api/v1/namespaces/default/services").json().path("metadata").path("resourceVersion").asText();
      small.post("/api/v1/namespaces/default/replicationcontrollers", RC); // many changes: pods, endpoints, ...
      try (Stream<String> lines = small.stream("/api/v1/namespaces/default/services?watch=true&resourceVersion=" + rv)) {
        JsonNode e = ServedApiFixture.json(lines.iterator().next());
        assertThat(e.path("type").asText()).isEqualTo("ERROR");
        assertThat(e.path("object").path("code").asInt()).isEqualTo(410);
        assertThat(e.path("object").path("reason").asText()).isEqualTo("Expired");
        assertThat(e.path("object").path("message").asText()).startsWith("too old resource version: " + rv + " (");
      }
    }
  }

  @Test
  void aWatchOfOneNamedObjectLetsVirtualTimePassUntilItIsDeleted() {
    f.post("/api/v1/namespaces/default/replicationcontrollers", RC);
    JsonNode pod = f.get("/api/v1/namespaces/default/pods").json().path("items").get(0);
    String name = pod.path("metadata").path("name").asText();
    JsonNode marked = f.delete("/api/v1/namespaces/default/pods/" + name, "{\"propagationPolicy\":\"Background\"}").json();
    assertThat(marked.path("metadata").has("deletionTimestamp")).isTrue(); // graceful: still there
    java.time.Duration before = f.cluster.now();
    String rv = f.get("/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3D" + name).json()
        .path("metadata").path("resourceVersion").asText();
    try (Stream<String> lines = f.stream("/api/v1/namespaces/default/pods?watch=true&allowWatchBookmarks=true"
        + "&fieldSelector=metadata.name%3D" + name + "&resourceVersion=" + rv)) {
      Iterator<String> it = lines.iterator();
      String type = "";
      while (!type.equals("DELETED")) {
        type = ServedApiFixture.json(it.next()).path("type").asText();
      }
    }
    java.time.Duration waited = f.cluster.now().minus(before);
    // the grace period (30 s from a deletionTimestamp in whole seconds), in steps of 100 ms
    assertThat(waited).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(29)).isLessThanOrEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(f.get("/api/v1/namespaces/default/pods/" + name).code()).isEqualTo(404);
  }

  @Test
  void anEventTableDefinesEveryCellsColumnInRowOrderWithTheWideOnesAtPriorityOne() {
    f.post("/api/v1/namespaces/default/replicationcontrollers", RC);
    JsonNode table = f.get("/api/v1/namespaces/default/events", "application/json;as=Table;v=v1;g=meta.k8s.io").json();
    List<String> columns = new ArrayList<>();
    List<Integer> priorities = new ArrayList<>();
    table.path("columnDefinitions").forEach(c -> {
      columns.add(c.path("name").asText());
      priorities.add(c.path("priority").asInt());
    });
    assertThat(columns).containsExactly("Last Seen", "Type", "Reason", "Object", "Subobject", "Source", "Message",
        "First Seen", "Count", "Name");
    assertThat(priorities).containsExactly(0, 0, 0, 0, 1, 1, 0, 1, 1, 1);
    JsonNode row = table.path("rows").get(0);
    assertThat(row.path("cells")).hasSize(columns.size());
    assertThat(row.path("cells").get(6).asText()).isNotEmpty();
  }

  @Test
  void aWatchAskedForTablesSendsOneRowTablesAsKubectlGetWatchReads() {
    f.post("/api/v1/namespaces/default/services", SVC);
    {
      java.net.http.HttpRequest r = java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(f.api.url() + "/api/v1/namespaces/default/services?watch=true&fieldSelector=metadata.name%3Dkubia"))
          .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io").build();
      try (Stream<String> lines = java.net.http.HttpClient.newHttpClient()
          .send(r, java.net.http.HttpResponse.BodyHandlers.ofLines()).body()) {
        JsonNode e = ServedApiFixture.json(lines.iterator().next());
        assertThat(e.path("type").asText()).isEqualTo("ADDED");
        JsonNode table = e.path("object");
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("columnDefinitions").get(1).path("name").asText()).isEqualTo("Type");
        assertThat(table.path("rows").get(0).path("cells").get(0).asText()).isEqualTo("kubia");
      } catch (java.io.IOException | InterruptedException ex) {
        throw new AssertionError(ex);
      }

    }
  }

  @Test
  void aBodyInAnotherFormatThanJsonYamlOrProtobufIsRefused() {
    ServedApiFixture.Reply r = f.send("POST", "/api/v1/namespaces/default/services", "<service/>",
        "application/xml", "application/json");
    assertThat(r.code()).isEqualTo(415);
    assertThat(r.json().path("reason").asText()).isEqualTo("UnsupportedMediaType");
    ServedApiFixture.Reply broken = f.send("POST", "/api/v1/namespaces/default/services", "k8s\u0000\n\u00ff",
        "application/vnd.kubernetes.protobuf", "application/json");
    assertThat(broken.code()).isEqualTo(400);
    String yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: y\nspec:\n  ports:\n  - port: 80\n";
    assertThat(f.send("POST", "/api/v1/namespaces/default/services", yaml, "application/yaml", "application/json").code())
        .isEqualTo(201);
  }

  @Test
  void aWatchAskedOverWebSocketStreamsEachEventAsATextMessage() throws Exception {
    java.util.concurrent.LinkedBlockingQueue<String> messages = new java.util.concurrent.LinkedBlockingQueue<>();
    java.net.URI url = java.net.URI.create(f.api.url().toString().replace("http://", "ws://")
        + "/api/v1/namespaces/default/services?watch=true");
    java.net.http.WebSocket socket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(url, new java.net.http.WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              messages.add(text.toString());
              text.setLength(0);
            }
            ws.request(1);
            return null;
          }
        }).get(30, java.util.concurrent.TimeUnit.SECONDS);
    try {
      String first = messages.poll(30, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(first).as("the kubernetes Service, listed first").isNotNull();
      assertThat(ObjectCodecJson.read(first).path("type").asText()).isEqualTo("ADDED");
      f.post("/api/v1/namespaces/default/services", SVC);
      String added = messages.poll(30, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(added).as("the Service created after the watch began").isNotNull();
      JsonNode event = ObjectCodecJson.read(added);
      assertThat(event.path("type").asText()).isEqualTo("ADDED");
      assertThat(event.path("object").path("metadata").path("name").asText()).isEqualTo("kubia");
    } finally {
      socket.abort();
    }
  }

  /** Reads one event. */
  private static final class ObjectCodecJson {
    static JsonNode read(String text) throws java.io.IOException {
      return dev.kubesim.impl.codec.ObjectCodec.mapper().readTree(text);
    }
  }

  @Test
  void aDeletedServiceIsAnsweredWithItselfAndADeletedReplicationControllerWithAStatus() {
    String uid = f.post("/api/v1/namespaces/default/services", SVC).json().path("metadata").path("uid").asText();
    JsonNode service = f.delete("/api/v1/namespaces/default/services/kubia", "").json();
    assertThat(service.path("kind").asText()).isEqualTo("Service");
    assertThat(service.path("metadata").path("uid").asText()).isEqualTo(uid);

    f.post("/api/v1/namespaces/default/replicationcontrollers", RC);
    JsonNode rc = f.delete("/api/v1/namespaces/default/replicationcontrollers/kubia", "").json();
    assertThat(rc.path("kind").asText()).isEqualTo("Status");
    assertThat(rc.path("status").asText()).isEqualTo("Success");
    assertThat(rc.path("details").path("kind").asText()).isEqualTo("replicationcontrollers");
  }

  @Test
  void theServerClosesWithItsCluster() {
    SimCluster c = (SimCluster) KubeSim.cluster().seed(1).build();
    var served = c.serve();
    java.net.URI url = served.url();
    c.close();
    assertThatThrownBy(() -> new java.net.Socket(url.getHost(), url.getPort()).close()).isInstanceOf(java.io.IOException.class);
  }

  private static JsonNode resource(JsonNode list, String name) {
    for (JsonNode r : list.path("resources")) {
      if (r.path("name").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no resource " + name + " in " + list);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.path("items").forEach(i -> out.add(i.path("metadata").path("namespace").asText() + "/"
        + i.path("metadata").path("name").asText()));
    return out;
  }
}
