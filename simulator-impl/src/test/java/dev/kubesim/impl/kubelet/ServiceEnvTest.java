package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.cluster.SimCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Service variables and $(VAR) expansion in a container's environment (seed 1). */
class ServiceEnvTest {
  private SimCluster cluster;

  @BeforeEach
  void setUp() {
    cluster = (SimCluster) KubeSim.cluster().seed(1).build();
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private Map<String, String> env(String ns, String name) {
    Pod pod = (Pod) cluster.api().get(Pod.KIND, ns, name).orElseThrow();
    return cluster.kubelet(PodStates.nodeName(pod)).orElseThrow()
        .worker(new ObjectKey(ns, name)).orElseThrow()
        .container(pod.spec().orElseThrow().containers().get(0).name().orElseThrow()).orElseThrow()
        .env();
  }

  private void pod(String ns, String name, String extraSpec) {
    cluster.apply("{apiVersion: v1, kind: Pod, metadata: {name: " + name + ", namespace: " + ns + "}, spec: {"
        + extraSpec + "containers: [{name: main, image: example/client}]}}");
  }

  private void service(String ns, String name, String ip, String ports) {
    cluster.apply("{apiVersion: v1, kind: Service, metadata: {name: " + name + ", namespace: " + ns + "}, spec: {clusterIP: "
        + ip + ", ports: " + ports + "}}");
  }

  @Test
  void changedAndDeletedServicesAreWhatTheNextPodSees() {
    service("default", "web", "10.96.50.10", "[{port: 80}]");
    service("default", "gone", "10.96.50.11", "[{port: 81}]");
    pod("default", "first", "");
    cluster.apply("{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {clusterIP: 10.96.50.10, ports: [{port: 8080}]}}");
    cluster.kubectl("delete service gone");
    pod("default", "second", "");

    assertThat(env("default", "first")).containsEntry("WEB_SERVICE_PORT", "80").containsKey("GONE_SERVICE_HOST");
    assertThat(env("default", "second")).containsEntry("WEB_SERVICE_PORT", "8080").doesNotContainKey("GONE_SERVICE_HOST");
  }

  @Test
  void podCreatedBeforeServiceDoesNotSeeIt() {
    pod("default", "first", "");
    service("default", "late-svc", "10.96.50.99", "[{port: 80}]");
    pod("default", "second", "");

    assertThat(env("default", "first")).containsEntry("KUBERNETES_SERVICE_HOST", "10.96.0.1")
        .doesNotContainKeys("LATE_SVC_SERVICE_HOST", "LATE_SVC_PORT");
    assertThat(env("default", "second")).containsEntry("LATE_SVC_SERVICE_HOST", "10.96.50.99")
        .containsEntry("LATE_SVC_PORT_80_TCP", "tcp://10.96.50.99:80");
  }

  @Test
  void everyPortGetsItsLinkVariables() {
    service("default", "api-gw", "10.96.50.12",
        "[{name: http, port: 80, targetPort: 8080}, {name: dns-udp, port: 53, protocol: UDP}]");
    pod("default", "client", "");

    assertThat(env("default", "client"))
        .containsEntry("API_GW_SERVICE_PORT", "80")
        .containsEntry("API_GW_SERVICE_PORT_HTTP", "80")
        .containsEntry("API_GW_SERVICE_PORT_DNS_UDP", "53")
        .containsEntry("API_GW_PORT", "tcp://10.96.50.12:80")
        .containsEntry("API_GW_PORT_53_UDP", "udp://10.96.50.12:53")
        .containsEntry("API_GW_PORT_53_UDP_PROTO", "udp")
        .containsEntry("API_GW_PORT_53_UDP_PORT", "53")
        .containsEntry("API_GW_PORT_53_UDP_ADDR", "10.96.50.12")
        .doesNotContainKey("API_GW_PORT_8080_TCP");
  }

  @Test
  void headlessAndOtherNamespacesGiveNothing() {
    cluster.apply("{apiVersion: v1, kind: Namespace, metadata: {name: other}}");
    service("default", "db", "None", "[{port: 5432}]");
    service("other", "cache", "10.96.70.1", "[{port: 11211}]");
    pod("default", "client", "");

    assertThat(env("default", "client")).doesNotContainKeys("DB_SERVICE_HOST", "CACHE_SERVICE_HOST");
  }

  @Test
  void serviceLinksDisabledKeepOnlyKubernetes() {
    service("default", "frontend", "10.96.60.1", "[{port: 80}]");
    pod("default", "no-links", "enableServiceLinks: false, ");

    Map<String, String> env = env("default", "no-links");
    assertThat(env).containsEntry("KUBERNETES_SERVICE_HOST", "10.96.0.1")
        .containsEntry("KUBERNETES_SERVICE_PORT_HTTPS", "443")
        .containsEntry("KUBERNETES_PORT_443_TCP", "tcp://10.96.0.1:443")
        .doesNotContainKeys("FRONTEND_SERVICE_HOST", "FRONTEND_PORT");
  }

  @Test
  void kubernetesServiceOfThePodsNamespaceReplacesTheMasterOne() {
    cluster.apply("{apiVersion: v1, kind: Namespace, metadata: {name: shadow}}");
    service("shadow", "kubernetes", "10.96.80.1", "[{name: https, port: 8443}]");
    pod("shadow", "client", "");

    assertThat(env("shadow", "client")).containsEntry("KUBERNETES_SERVICE_HOST", "10.96.80.1")
        .containsEntry("KUBERNETES_PORT", "tcp://10.96.80.1:8443")
        .doesNotContainKey("KUBERNETES_PORT_443_TCP");
  }

  @Test
  void containerVariablesWin() {
    service("default", "redis-master", "10.96.50.11", "[{port: 6379}]");
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: client}
        spec:
          containers:
            - name: main
              image: example/client
              env:
                - {name: REDIS_MASTER_SERVICE_HOST, value: redis.override.local}
                - {name: REDIS_URL, value: "redis://$(REDIS_MASTER_SERVICE_HOST):$(REDIS_MASTER_SERVICE_PORT)"}
                - {name: LITERAL, value: "$$(REDIS_MASTER_SERVICE_PORT) $(UNDEFINED) $(LATER)"}
                - {name: LATER, value: x}
        """);

    Map<String, String> env = env("default", "client");
    assertThat(env).containsEntry("REDIS_MASTER_SERVICE_HOST", "redis.override.local")
        .containsEntry("REDIS_URL", "redis://redis.override.local:6379")
        .containsEntry("LITERAL", "$(REDIS_MASTER_SERVICE_PORT) $(UNDEFINED) $(LATER)")
        .containsEntry("REDIS_MASTER_PORT_6379_TCP_ADDR", "10.96.50.11");
    // The runtime puts PATH and HOSTNAME first, then the container's own variables, then the Services'.
    List<String> names = List.copyOf(env.keySet());
    assertThat(names.subList(0, 6)).containsExactly("PATH", "HOSTNAME", "REDIS_MASTER_SERVICE_HOST", "REDIS_URL", "LITERAL", "LATER");
    assertThat(names.get(6)).isEqualTo("KUBERNETES_SERVICE_HOST");
  }

  @Test
  void fieldReferencesReadThePod() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: client, labels: {app: web}}
        spec:
          containers:
            - name: main
              image: example/client
              env:
                - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
                - {name: APP, valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}}
                - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
                - {name: GREETING, value: "hello $(POD_NAME)"}
        """);

    Pod pod = (Pod) cluster.api().get(Pod.KIND, "default", "client").orElseThrow();
    assertThat(env("default", "client")).containsEntry("POD_NAME", "client").containsEntry("APP", "web")
        .containsEntry("POD_IP", pod.status().orElseThrow().podIP().orElseThrow())
        .containsEntry("GREETING", "hello client");
  }
}
