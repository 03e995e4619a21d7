package dev.kubesim.impl.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ConditionTimeoutException;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The StatefulSet controller, driven as the "StatefulSet Basics" tutorial drives it (seed 1). */
class StatefulSetControllerTest {
  /** The tutorial's web.yaml: a headless Service nginx and the StatefulSet web with a claim template. */
  static final String WEB = """
      apiVersion: v1
      kind: Service
      metadata: {name: nginx, labels: {app: nginx}}
      spec:
        ports: [{port: 80, name: web}]
        clusterIP: None
        selector: {app: nginx}
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: web}
      spec:
        serviceName: nginx
        replicas: 2
        selector: {matchLabels: {app: nginx}}
        template:
          metadata: {labels: {app: nginx}}
          spec:
            containers:
            - name: nginx
              image: registry.k8s.io/nginx-slim:0.21
              ports: [{containerPort: 80, name: web}]
              volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]
        volumeClaimTemplates:
        - metadata: {name: www}
          spec:
            accessModes: [ReadWriteOnce]
            resources: {requests: {storage: 1Gi}}
      """;

  /** Pods that stay not ready until /tmp/ready exists. */
  static final String GATED = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db}
      spec:
        serviceName: db
        replicas: 3
        selector: {matchLabels: {app: db}}
        template:
          metadata: {labels: {app: db}}
          spec:
            containers:
            - name: db
              image: busybox
              command: [sleep, "3600"]
              readinessProbe: {exec: {command: [ls, /tmp/ready]}, periodSeconds: 1}
      """;

  private Cluster cluster;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().seed(1).build();
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private String kubectl(String line) {
    var r = cluster.kubectl(line);
    return r.stdout() + r.stderr();
  }

  private List<String> podNames() {
    return cluster.list(Pod.class, "default").stream().map(p -> p.metadata().nameOrEmpty()).toList();
  }

  private Pod pod(String name) {
    return cluster.get(Pod.class, "default", name).orElseThrow();
  }

  @Test
  void podsHaveStableNamesHostnamesLabelsAndTheirOwnClaims() {
    cluster.apply(WEB);
    assertThat(podNames()).containsExactly("web-0", "web-1");
    Pod web1 = pod("web-1");
    assertThat(web1.metadata().labels()).containsEntry("app", "nginx")
        .containsEntry("statefulset.kubernetes.io/pod-name", "web-1")
        .containsEntry("apps.kubernetes.io/pod-index", "1")
        .hasEntrySatisfying("controller-revision-hash", v -> assertThat(v).matches("web-[bcdfghjklmnpqrstvwxz2456789]+"));
    assertThat(web1.metadata().controllerRef().orElseThrow().kind()).isEqualTo("StatefulSet");
    assertThat(web1.spec().orElseThrow().hostname()).contains("web-1");
    assertThat(web1.spec().orElseThrow().subdomain()).contains("nginx");
    assertThat(kubectl("get pod web-1 -o jsonpath={.spec.volumes[0].persistentVolumeClaim.claimName}")).isEqualTo("www-web-1");
    assertThat(kubectl("get pvc -l app=nginx")).containsPattern("www-web-0 +Bound").containsPattern("www-web-1 +Bound");
    assertThat(kubectl("get events --field-selector involvedObject.kind=StatefulSet"))
        .contains("create Claim www-web-0 Pod web-0 in StatefulSet web success")
        .contains("create Pod web-0 in StatefulSet web successful")
        .contains("create Pod web-1 in StatefulSet web successful");
    for (String i : List.of("0", "1")) {
      assertThat(cluster.exec("web-" + i, "sh", "-c", "hostname").stdout()).isEqualTo("web-" + i + "\n");
    }
  }

  @Test
  void statusCountsReplicasAndNamesTheRevision() {
    cluster.apply(WEB);
    String revision = pod("web-0").metadata().labels().get("controller-revision-hash");
    assertThat(kubectl("get sts web -o jsonpath={.status}"))
        .isEqualTo("{\"availableReplicas\":2,\"collisionCount\":0,\"currentReplicas\":2,\"currentRevision\":\"" + revision
            + "\",\"observedGeneration\":1,\"readyReplicas\":2,\"replicas\":2,\"updateRevision\":\"" + revision
            + "\",\"updatedReplicas\":2}");
  }

  @Test
  void headlessServiceNamesEachPod() {
    cluster.apply(WEB);
    cluster.apply("{apiVersion: v1, kind: Pod, metadata: {name: dns-test}, spec: {containers: [{name: c, image: busybox:1.28, command: [sleep, '3600']}]}}");
    String ip = pod("web-0").status().orElseThrow().podIP().orElseThrow();
    assertThat(cluster.exec("dns-test", "nslookup", "web-0.nginx").stdout())
        .contains("Name:      web-0.nginx\nAddress 1: " + ip + " web-0.nginx.default.svc.cluster.local\n");
  }

  @Test
  void orderedReadyCreatesTheNextPodOnlyWhenThePreviousIsReady() {
    cluster.apply(GATED);
    cluster.advance(Duration.ofSeconds(30));
    assertThat(podNames()).containsExactly("db-0");
    assertThat(kubectl("get sts db")).containsPattern("db +0/3");
    cluster.exec("db-0", "touch", "/tmp/ready");
    cluster.advance(Duration.ofSeconds(5));
    assertThat(podNames()).containsExactly("db-0", "db-1");
    cluster.exec("db-1", "touch", "/tmp/ready");
    cluster.advance(Duration.ofSeconds(5));
    assertThat(podNames()).containsExactly("db-0", "db-1", "db-2");
  }

  @Test
  void parallelCreatesAndDeletesAllAtOnce() {
    cluster.apply(GATED.replace("  serviceName: db\n", "  serviceName: db\n  podManagementPolicy: Parallel\n"));
    assertThat(podNames()).containsExactly("db-0", "db-1", "db-2");
    kubectl("scale sts db --replicas=1");
    assertThat(kubectl("get pods")).containsPattern("db-1 +0/1 +Terminating").containsPattern("db-2 +0/1 +Terminating");
    cluster.advance(Duration.ofSeconds(31)); // sleep ignores SIGTERM: the grace period runs out
    assertThat(podNames()).containsExactly("db-0");
  }

  @Test
  void aDeletedPodComesBackWithTheSameNameAndData() {
    cluster.apply(WEB);
    cluster.exec("web-0", "sh", "-c", "echo \"$(hostname)\" > /usr/share/nginx/html/index.html");
    String uid = pod("web-0").metadata().uid().orElseThrow();
    assertThat(kubectl("delete pod web-0")).isEqualTo("pod \"web-0\" deleted\n");
    cluster.advance(Duration.ofSeconds(5));
    assertThat(pod("web-0").metadata().uid()).isPresent().isNotEqualTo(java.util.Optional.of(uid));
    assertThat(cluster.exec("web-0", "curl", "-s", "http://localhost/").stdout()).isEqualTo("web-0\n");
  }

  @Test
  void scalingDownRemovesTheHighestOrdinalsFirstAndKeepsTheirClaims() {
    cluster.apply(WEB);
    assertThat(kubectl("scale sts web --replicas=5")).isEqualTo("statefulset.apps/web scaled\n");
    cluster.advance(Duration.ofSeconds(10));
    assertThat(podNames()).containsExactly("web-0", "web-1", "web-2", "web-3", "web-4");
    kubectl("patch sts web -p '{\"spec\":{\"replicas\":3}}'");
    cluster.advance(Duration.ofSeconds(10));
    assertThat(podNames()).containsExactly("web-0", "web-1", "web-2");
    String events = kubectl("get events --field-selector reason=SuccessfulDelete");
    assertThat(events.indexOf("delete Pod web-4 in StatefulSet web successful"))
        .isPositive().isLessThan(events.indexOf("delete Pod web-3 in StatefulSet web successful"));
    assertThat(kubectl("get pvc -l app=nginx -o name")).isEqualTo(
        "persistentvolumeclaim/www-web-0\npersistentvolumeclaim/www-web-1\npersistentvolumeclaim/www-web-2\n"
            + "persistentvolumeclaim/www-web-3\npersistentvolumeclaim/www-web-4\n");
  }

  private String images() {
    return kubectl("get pod -l app=nginx -o jsonpath='{range.items[*]}{.metadata.name}{\"\\t\"}{.spec.containers[0].image}{\"\\n\"}{end}'");
  }

  @Test
  void rollingUpdateReplacesPodsInReverseOrdinalOrder() {
    cluster.apply(WEB.replace("replicas: 2", "replicas: 3"));
    kubectl("patch statefulset web --type='json' -p='[{\"op\": \"replace\", \"path\": \"/spec/template/spec/containers/0/image\", "
        + "\"value\":\"registry.k8s.io/nginx-slim:0.24\"}]'");
    assertThat(kubectl("rollout status sts/web")).endsWith("partitioned roll out complete: 3 new pods have been updated...\n");
    assertThat(images()).isEqualTo("web-0\tregistry.k8s.io/nginx-slim:0.24\nweb-1\tregistry.k8s.io/nginx-slim:0.24\n"
        + "web-2\tregistry.k8s.io/nginx-slim:0.24\n");
    String events = kubectl("get events --field-selector reason=SuccessfulDelete");
    assertThat(events.indexOf("delete Pod web-2")).isLessThan(events.indexOf("delete Pod web-1"));
    assertThat(events.indexOf("delete Pod web-1")).isLessThan(events.indexOf("delete Pod web-0"));
  }

  @Test
  void aPartitionStagesTheUpdateAndRestoresPodsBelowItAtTheCurrentRevision() {
    cluster.apply(WEB.replace("replicas: 2", "replicas: 3"));
    kubectl("patch statefulset web -p '{\"spec\":{\"updateStrategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"partition\":3}}}}'");
    kubectl("patch statefulset web --type='json' -p='[{\"op\": \"replace\", \"path\": \"/spec/template/spec/containers/0/image\", "
        + "\"value\":\"registry.k8s.io/nginx-slim:0.24\"}]'");
    kubectl("delete pod web-2");
    cluster.advance(Duration.ofSeconds(5));
    assertThat(images()).endsWith("web-2\tregistry.k8s.io/nginx-slim:0.21\n");
    kubectl("patch statefulset web -p '{\"spec\":{\"updateStrategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"partition\":2}}}}'");
    assertThat(kubectl("rollout status sts/web")).endsWith("partitioned roll out complete: 1 new pods have been updated...\n");
    assertThat(images()).isEqualTo("web-0\tregistry.k8s.io/nginx-slim:0.21\nweb-1\tregistry.k8s.io/nginx-slim:0.21\n"
        + "web-2\tregistry.k8s.io/nginx-slim:0.24\n");
    kubectl("delete pod web-1");
    cluster.advance(Duration.ofSeconds(5));
    assertThat(images()).contains("web-1\tregistry.k8s.io/nginx-slim:0.21\n");
    kubectl("patch statefulset web -p '{\"spec\":{\"updateStrategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"partition\":0}}}}'");
    kubectl("rollout status sts/web");
    assertThat(images()).isEqualTo("web-0\tregistry.k8s.io/nginx-slim:0.24\nweb-1\tregistry.k8s.io/nginx-slim:0.24\n"
        + "web-2\tregistry.k8s.io/nginx-slim:0.24\n");
    assertThat(kubectl("get sts web -o jsonpath={.status.currentRevision}"))
        .isEqualTo(kubectl("get sts web -o jsonpath={.status.updateRevision}"));
  }

  @Test
  void onDeleteUpdatesAPodOnlyWhenItIsDeleted() {
    cluster.apply(WEB);
    kubectl("patch statefulset web -p '{\"spec\":{\"updateStrategy\":{\"type\":\"OnDelete\", \"rollingUpdate\": null}}}'");
    kubectl("set image sts/web nginx=registry.k8s.io/nginx-slim:0.24");
    cluster.advance(Duration.ofSeconds(30));
    assertThat(images()).isEqualTo("web-0\tregistry.k8s.io/nginx-slim:0.21\nweb-1\tregistry.k8s.io/nginx-slim:0.21\n");
    kubectl("delete pod web-1");
    cluster.advance(Duration.ofSeconds(5));
    assertThat(images()).isEqualTo("web-0\tregistry.k8s.io/nginx-slim:0.21\nweb-1\tregistry.k8s.io/nginx-slim:0.24\n");
    assertThat(kubectl("rollout status sts/web")).isEqualTo("error: rollout status is only available for RollingUpdate strategy type\n");
  }

  @Test
  void aRecreatedSetAdoptsOrphansAndRemovesThoseAboveItsReplicas() {
    cluster.apply(WEB.replace("replicas: 2", "replicas: 3"));
    assertThat(kubectl("delete statefulset web --cascade=orphan")).isEqualTo("statefulset.apps \"web\" deleted\n");
    assertThat(podNames()).containsExactly("web-0", "web-1", "web-2");
    kubectl("delete pod web-0");
    cluster.apply(WEB);
    cluster.advance(Duration.ofSeconds(10));
    assertThat(podNames()).containsExactly("web-0", "web-1");
    assertThat(pod("web-1").metadata().controllerRef().orElseThrow().name()).isEqualTo("web");
  }

  @Test
  void deletingTheSetDeletesItsPodsButNotTheirClaims() {
    cluster.apply(WEB);
    kubectl("delete sts web");
    cluster.advance(Duration.ofSeconds(35));
    assertThat(podNames()).isEmpty();
    assertThat(kubectl("get pvc -o name")).isEqualTo("persistentvolumeclaim/www-web-0\npersistentvolumeclaim/www-web-1\n");
  }

  @Test
  void whenDeletedDeleteTakesTheClaimsWithTheSet() {
    cluster.apply(WEB.replace("  serviceName: nginx\n", "  serviceName: nginx\n  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete}\n"));
    kubectl("delete sts web");
    cluster.advance(Duration.ofSeconds(35));
    assertThat(kubectl("get pvc")).isEqualTo("No resources found in default namespace.\n");
  }

  @Test
  void getAndDescribePrintTheSetAsKubectlDoes() {
    cluster.apply(WEB);
    assertThat(kubectl("get sts")).matches("NAME +READY +AGE\nweb +2/2 +\\d+s\n");
    assertThat(kubectl("get statefulset web -o wide"))
        .matches("NAME +READY +AGE +CONTAINERS +IMAGES\nweb +2/2 +\\d+s +nginx +registry.k8s.io/nginx-slim:0.21\n");
    assertThat(kubectl("describe sts web"))
        .contains("Replicas:           2 desired | 2 total\n")
        .contains("Update Strategy:    RollingUpdate\n  Partition:        0\n")
        .contains("Pods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed\n")
        .contains("Volume Claims:\n  Name:          www\n")
        .contains("  Access Modes:  [ReadWriteOnce]\n")
        .contains("create Pod web-1 in StatefulSet web successful");
  }

  @Test
  void awaitReadyWaitsForTheSetsPods() {
    cluster.apply(GATED);
    assertThatThrownBy(() -> cluster.awaitReady("StatefulSet", "default", "db", Duration.ofSeconds(20)))
        .isInstanceOf(ConditionTimeoutException.class).hasMessageContaining("statefulset default/db: 0/3 ready");
    cluster.apply(WEB);
    assertThat(cluster.awaitReady("statefulset", "default", "web", Duration.ofSeconds(60))).isLessThan(Duration.ofSeconds(60));
  }

  private static String transcript() {
    try (Cluster c = KubeSim.cluster().seed(7).build()) {
      c.apply(WEB);
      StringBuilder out = new StringBuilder();
      for (String line : List.of("scale sts web --replicas=4", "set image sts/web nginx=registry.k8s.io/nginx-slim:0.24",
          "rollout status sts/web", "scale sts web --replicas=1", "get sts web -o yaml", "get pods -o yaml", "get pvc -o yaml",
          "get events -o yaml")) {
        var r = c.kubectl(line);
        out.append(r.stdout()).append(r.stderr());
        c.advance(Duration.ofSeconds(7));
      }
      return out.toString();
    }
  }

  @Test
  void theSameSeedAndCallsGiveTheSameTranscript() {
    assertThat(transcript()).isEqualTo(transcript());
  }

  @Test
  void theApiServerDefaultsTheSpec() {
    cluster.apply(WEB);
    assertThat(kubectl("get sts web -o jsonpath={.spec.podManagementPolicy}/{.spec.updateStrategy}/{.spec.revisionHistoryLimit}/"
        + "{.spec.persistentVolumeClaimRetentionPolicy}/{.spec.volumeClaimTemplates[0].spec.volumeMode}"))
        .isEqualTo("OrderedReady/{\"rollingUpdate\":{\"partition\":0},\"type\":\"RollingUpdate\"}/10/"
            + "{\"whenDeleted\":\"Retain\",\"whenScaled\":\"Retain\"}/Filesystem");
  }

  @Test
  void aRollingUpdateWithoutItsParametersReportsTheRevision() {
    cluster.apply(WEB.replace("  serviceName: nginx\n", "  serviceName: nginx\n  updateStrategy: {type: RollingUpdate}\n"));
    kubectl("set image sts/web nginx=registry.k8s.io/nginx-slim:0.24");
    String revision = pod("web-0").metadata().labels().get("controller-revision-hash");
    assertThat(kubectl("get sts web -o jsonpath={.spec.updateStrategy}")).isEqualTo("{\"type\":\"RollingUpdate\"}");
    assertThat(kubectl("rollout status statefulset/web"))
        .endsWith("statefulset rolling update complete 2 pods at revision " + revision + "...\n");
  }

  @Test
  void rolloutRestartReplacesEveryPod() {
    cluster.apply(WEB);
    String before = pod("web-0").metadata().uid().orElseThrow() + pod("web-1").metadata().uid().orElseThrow();
    assertThat(kubectl("rollout restart statefulset web")).isEqualTo("statefulset.apps/web restarted\n");
    kubectl("rollout status sts/web");
    assertThat(before).doesNotContain(pod("web-0").metadata().uid().orElseThrow());
    assertThat(before).doesNotContain(pod("web-1").metadata().uid().orElseThrow());
    assertThat(kubectl("get sts web -o jsonpath={.spec.template.metadata.annotations}")).contains("kubectl.kubernetes.io/restartedAt");
  }

  @Test
  void onlyReplicasTemplateAndStrategiesMayChange() {
    cluster.apply(WEB);
    assertThat(kubectl("patch sts web -p '{\"spec\":{\"serviceName\":\"other\"}}'"))
        .contains("spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', "
            + "'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
    assertThat(kubectl("get sts web -o jsonpath={.metadata.generation}")).isEqualTo("1");
    kubectl("scale sts web --replicas=3");
    assertThat(kubectl("get sts web -o jsonpath={.metadata.generation}/{.status.observedGeneration}")).isEqualTo("2/2");
  }
}
