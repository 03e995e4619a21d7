package dev.kubesim.impl.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.Pod;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProxySubresourcesTest {
  private static final String RC = """
      {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"kubia"},
       "spec":{"replicas":3,"selector":{"app":"kubia"},
        "template":{"metadata":{"labels":{"app":"kubia"}},
         "spec":{"containers":[{"name":"kubia","image":"luksa/kubia","ports":[{"containerPort":8080}]}]}}}}""";

  private static final String SVC = """
      {"apiVersion":"v1","kind":"Service","metadata":{"name":"kubia"},
       "spec":{"selector":{"app":"kubia"},"ports":[{"name":"http","port":80,"targetPort":8080}]}}""";

  private final ServedApiFixture f = new ServedApiFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aServicesProxyReachesOneOfItsReadyEndpointsByPortNameOrNumber() {
    f.post("/api/v1/namespaces/default/replicationcontrollers", RC);
    f.post("/api/v1/namespaces/default/services", SVC);
    Set<String> answered = new HashSet<>();
    for (int i = 0; i < 12; i++) {
      ServedApiFixture.Reply r = f.get("/api/v1/namespaces/default/services/kubia:http/proxy/");
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.text()).startsWith("You've hit kubia-");
      answered.add(r.text());
    }
    assertThat(answered).as("endpoints picked at random").hasSizeGreaterThan(1);
    assertThat(f.get("/api/v1/namespaces/default/services/kubia:80/proxy/x").text()).startsWith("You've hit kubia-");
  }

  @Test
  void aPodsProxyReachesItsFirstContainerPortOrTheOneNamed() {
    f.post("/api/v1/namespaces/default/replicationcontrollers", RC);
    String pod = f.cluster.list(Pod.class, "default").get(0).metadata().nameOrEmpty();
    assertThat(f.get("/api/v1/namespaces/default/pods/" + pod + "/proxy/").text()).isEqualTo("You've hit " + pod + "\n");
    assertThat(f.get("/api/v1/namespaces/default/pods/" + pod + ":8080/proxy/a/b?c=d").text())
        .isEqualTo("You've hit " + pod + "\n");
  }

  @Test
  void whatTheProxyCannotReachIsTheApiServersError() {
    f.post("/api/v1/namespaces/default/replicationcontrollers", RC);
    Pod pod = f.cluster.list(Pod.class, "default").get(0);
    String ip = pod.status().flatMap(s -> s.podIP()).orElseThrow();
    ServedApiFixture.Reply refused = f.get("/api/v1/namespaces/default/pods/" + pod.metadata().nameOrEmpty() + ":9999/proxy/");
    assertThat(refused.code()).isEqualTo(500);
    assertThat(refused.json().path("message").asText())
        .isEqualTo("error trying to reach service: dial tcp " + ip + ":9999: connect: connection refused");

    f.post("/api/v1/namespaces/default/services", SVC.replace("\"app\":\"kubia\"", "\"app\":\"nobody\""));
    ServedApiFixture.Reply none = f.get("/api/v1/namespaces/default/services/kubia:http/proxy/");
    assertThat(none.code()).isEqualTo(503);
    assertThat(none.json().path("message").asText()).isEqualTo("no endpoints available for service \"kubia\"");
    assertThat(f.get("/api/v1/namespaces/default/services/nope/proxy/").code()).isEqualTo(404);
  }
}
