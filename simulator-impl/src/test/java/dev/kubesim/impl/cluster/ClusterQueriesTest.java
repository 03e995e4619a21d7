package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.Cluster;
import dev.kubesim.api.DeploymentView;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.ServiceView;
import dev.kubesim.api.model.Pod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pods by selector, exec by selector, and the Service and Deployment views. */
class ClusterQueriesTest {
  static final String SHOP = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: orders}
      spec:
        replicas: 2
        selector: {matchLabels: {app: orders}}
        template:
          metadata: {labels: {app: orders, tier: web, env: prod}}
          spec: {containers: [{name: app, image: nginx, ports: [{containerPort: 80}]}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: orders}
      spec:
        type: NodePort
        selector: {app: orders, tier: web}
        ports: [{name: http, port: 80, targetPort: 80, nodePort: 30080}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: db, labels: {app: orders, tier: db, env: test}}
      spec: {containers: [{name: main, image: tutum/dnsutils, command: [sleep, infinity]}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: client, labels: {role: client}}
      spec: {containers: [{name: main, image: tutum/dnsutils, command: [sleep, infinity]}]}
      """;

  private static Cluster shop() {
    Cluster cluster = KubeSim.cluster().nodes(2).seed(7).build();
    cluster.apply(SHOP);
    cluster.awaitReady(Duration.ofMinutes(2));
    return cluster;
  }

  private static List<String> names(List<Pod> pods) {
    return pods.stream().map(p -> p.metadata().nameOrEmpty()).toList();
  }

  @Test
  void podsMatchEqualityAndSetBasedSelectorsInNameOrder() {
    try (Cluster cluster = shop()) {
      assertThat(names(cluster.pods("default", "app=orders"))).hasSize(3).contains("db").isSorted();
      assertThat(names(cluster.pods("default", "app=orders,tier!=db"))).hasSize(2).doesNotContain("db");
      assertThat(names(cluster.pods("default", "env in (test,staging)"))).containsExactly("db");
      assertThat(names(cluster.pods("default", "!app"))).containsExactly("client");
      assertThat(names(cluster.pods("default", ""))).hasSize(4);
      assertThat(cluster.pods("kube-system", "app=orders")).isEmpty();
    }
  }

  @Test
  void aSelectorThatDoesNotParseIsRefusedWithKubectlsMessage() {
    try (Cluster cluster = shop()) {
      assertThatThrownBy(() -> cluster.pods("default", "app orders"))
          .isInstanceOf(BadRequestException.class)
          .hasMessage("unable to parse requirement: found 'orders', expected: in, notin, =, ==, !=, gt, lt");
    }
  }

  @Test
  void podPrefersTheFirstReadyPodByName() {
    try (Cluster cluster = shop()) {
      List<String> web = names(cluster.pods("default", "app=orders,tier=web"));
      assertThat(cluster.pod("default", "app=orders").metadata().nameOrEmpty()).isEqualTo("db");
      assertThat(cluster.pod("default", "tier=web").metadata().nameOrEmpty()).isEqualTo(web.get(0));
      assertThatThrownBy(() -> cluster.pod("default", "app=payments"))
          .isInstanceOf(NotFoundException.class)
          .hasMessage("no pod in namespace \"default\" matches the label selector \"app=payments\"");
    }
  }

  @Test
  void execInRunsInThePodTheSelectorPicks() {
    try (Cluster cluster = shop()) {
      String picked = cluster.pod("default", "tier=web").metadata().nameOrEmpty();
      ExecResult r = cluster.execIn("default", "tier=web", "hostname");
      assertThat(r.stdout()).isEqualTo(picked + "\n");
    }
  }

  @Test
  void serviceViewShowsPortsNodePortsAndReadyEndpoints() {
    try (Cluster cluster = shop()) {
      ServiceView svc = cluster.service("default", "orders");
      assertThat(svc.type()).isEqualTo("NodePort");
      assertThat(svc.hasClusterIP()).isTrue();
      assertThat(svc.port("http")).hasValueSatisfying(p -> assertThat(p.port()).isEqualTo(80));
      assertThat(svc.nodePort("http")).hasValue(30080);
      assertThat(svc.nodePort(80)).hasValue(30080);
      assertThat(svc.port(81)).isEmpty();
      assertThat(svc.loadBalancerIP()).isEmpty();
      List<ObjectRef> web = cluster.pods("default", "tier=web").stream()
          .map(p -> ObjectRef.pod("default", p.metadata().nameOrEmpty())).toList();
      assertThat(svc.readyPods()).containsExactlyElementsOf(web);
      assertThat(svc.readyAddresses()).hasSize(2);
      assertThat(svc.toString()).doesNotContain("Optional");
    }
  }

  @Test
  void deploymentViewCountsReplicasAndListsItsPods() {
    try (Cluster cluster = shop()) {
      DeploymentView d = cluster.deployment("default", "orders");
      assertThat(d.replicas()).isEqualTo(2);
      assertThat(d.readyReplicas()).isEqualTo(2);
      assertThat(d.rolledOut()).isTrue();
      assertThat(d.pods()).extracting(ObjectRef::name).hasSize(2).allMatch(n -> n.startsWith("orders-"));
      cluster.kubectl("scale deployment orders --replicas=3");
      assertThat(cluster.deployment("default", "orders").pods()).hasSize(3);
    }
  }

  @Test
  void viewsOfMissingObjectsAreNotFound() {
    try (Cluster cluster = shop()) {
      assertThatThrownBy(() -> cluster.service("default", "nope"))
          .isInstanceOf(NotFoundException.class).hasMessage("services \"nope\" not found");
      assertThatThrownBy(() -> cluster.deployment("default", "nope"))
          .isInstanceOf(NotFoundException.class).hasMessage("deployments.apps \"nope\" not found");
    }
  }
}
