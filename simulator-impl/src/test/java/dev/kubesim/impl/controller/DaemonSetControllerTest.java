package dev.kubesim.impl.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DaemonSetControllerTest {
  /** The fluentd-elasticsearch example of the kubernetes.io DaemonSet concept page. */
  static final String FLUENTD = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: fluentd-elasticsearch
        namespace: kube-system
        labels:
          k8s-app: fluentd-logging
      spec:
        selector:
          matchLabels:
            name: fluentd-elasticsearch
        template:
          metadata:
            labels:
              name: fluentd-elasticsearch
          spec:
            tolerations:
            - key: node-role.kubernetes.io/control-plane
              operator: Exists
              effect: NoSchedule
            - key: node-role.kubernetes.io/master
              operator: Exists
              effect: NoSchedule
            containers:
            - name: fluentd-elasticsearch
              image: quay.io/fluentd_elasticsearch/fluentd:v2.5.2
              resources:
                limits:
                  memory: 200Mi
                requests:
                  cpu: 100m
                  memory: 200Mi
              volumeMounts:
              - name: varlog
                mountPath: /var/log
            terminationGracePeriodSeconds: 30
            volumes:
            - name: varlog
              hostPath:
                path: /var/log
      """;

  private final Cluster cluster = KubeSim.cluster().nodes(3).seed(1).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private List<Pod> daemonPods() {
    return cluster.pods("kube-system", "name=fluentd-elasticsearch");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> status() {
    GenericObject ds = (GenericObject) cluster.get("DaemonSet", "kube-system", "fluentd-elasticsearch").orElseThrow();
    return (Map<String, Object>) ds.content().get("status");
  }

  private static final String AGENT = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent}
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec:
            nodeSelector: {disk: ssd}
            containers: [{name: agent, image: 'busybox:1.36', command: [sleep, '3600']}]
      """;

  private List<Pod> agents() {
    return cluster.pods("default", "app=agent");
  }

  /** The nodes of the pods that are not terminating, sorted. */
  private static List<String> nodesOf(List<Pod> pods) {
    return pods.stream().filter(p -> p.metadata().deletionTimestamp().isEmpty()).map(p -> p.specOrEmpty().nodeName().orElse("")).sorted().toList();
  }

  private String run(String command) {
    var result = cluster.kubectl(command);
    assertThat(result.exitCode()).as(command + ": " + result.stderr()).isZero();
    return result.stdout();
  }

  @Test
  void onePodRunsOnEveryNodeThatTheTemplateAdmits() {
    cluster.apply(FLUENTD);
    assertThat(cluster.awaitReady("daemonset", "kube-system", "fluentd-elasticsearch", Duration.ofMinutes(2)))
        .isLessThan(Duration.ofSeconds(5));
    List<Pod> pods = daemonPods();
    assertThat(nodesOf(pods)).containsExactly("node-1", "node-2", "node-3");
    assertThat(pods).allSatisfy(p -> {
      assertThat(p.metadata().nameOrEmpty()).matches("fluentd-elasticsearch-[bcdfghjklmnpqrstvwxz2456789]{5}");
      assertThat(p.metadata().labels()).containsKeys("controller-revision-hash").containsEntry("pod-template-generation", "1");
      assertThat(p.metadata().controllerRef()).hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo("DaemonSet"));
      assertThat(p.specOrEmpty().tolerations()).hasSize(8);
    });
    assertThat(status()).containsEntry("desiredNumberScheduled", 3).containsEntry("currentNumberScheduled", 3)
        .containsEntry("numberReady", 3).containsEntry("numberAvailable", 3).containsEntry("updatedNumberScheduled", 3)
        .containsEntry("numberMisscheduled", 0).containsEntry("observedGeneration", 1L).doesNotContainKey("numberUnavailable");
    assertThat(run("get ds -n kube-system")).isEqualTo("""
        NAME                    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
        fluentd-elasticsearch   3         3         3       3            3           <none>          1s
        """);
    assertThat(run("get ds -n kube-system -o wide")).startsWith(
        "NAME                    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE   CONTAINERS              "
        + "IMAGES                                         SELECTOR\n");
    assertThat(run("describe ds -n kube-system fluentd-elasticsearch")).contains("""
        Desired Number of Nodes Scheduled: 3
        Current Number of Nodes Scheduled: 3
        Number of Nodes Scheduled with Up-to-date Pods: 3
        Number of Nodes Scheduled with Available Pods: 3
        Number of Nodes Misscheduled: 0
        Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed
        """).contains("Node-Selector:  <none>").contains("SuccessfulCreate  ");
    assertThat(run("get events -n kube-system --field-selector involvedObject.kind=DaemonSet"))
        .contains("Created pod: " + pods.get(0).metadata().nameOrEmpty());
  }

  @Test
  void nodeLabelsDecideWhereThePodsRun() {
    cluster.apply(AGENT);
    cluster.settle();
    assertThat(agents()).isEmpty();
    run("label node node-2 disk=ssd");
    cluster.settle();
    assertThat(nodesOf(agents())).containsExactly("node-2");
    run("label node node-3 disk=ssd");
    run("label node node-2 disk-");
    cluster.awaitReady(Duration.ofMinutes(1));
    assertThat(nodesOf(agents())).containsExactly("node-3");
    assertThat(run("get ds agent")).contains("   disk=ssd        ");
  }

  @Test
  void aNoScheduleTaintKeepsThePodAndNoExecuteRemovesIt() {
    cluster.apply(FLUENTD);
    cluster.awaitReady(Duration.ofMinutes(1));
    run("taint node node-1 dedicated=db:NoSchedule");
    cluster.settle();
    assertThat(nodesOf(daemonPods())).containsExactly("node-1", "node-2", "node-3");
    assertThat(status()).containsEntry("desiredNumberScheduled", 2).containsEntry("numberMisscheduled", 1);
    run("taint node node-2 dedicated=db:NoExecute");
    cluster.advance(Duration.ofMinutes(1));
    assertThat(nodesOf(daemonPods())).containsExactly("node-1", "node-3");
    run("taint node node-1 dedicated:NoSchedule-");
    run("taint node node-2 dedicated:NoExecute-");
    cluster.awaitReady(Duration.ofMinutes(1));
    assertThat(nodesOf(daemonPods())).containsExactly("node-1", "node-2", "node-3");
    assertThat(status()).containsEntry("desiredNumberScheduled", 3).containsEntry("numberMisscheduled", 0);
  }

  @Test
  void aDeletedPodComesBackOnItsNodeEvenWhenTheNodeIsCordoned() {
    cluster.apply(FLUENTD);
    cluster.awaitReady(Duration.ofMinutes(1));
    Pod onNode1 = daemonPods().stream().filter(p -> p.specOrEmpty().nodeName().orElse("").equals("node-1")).findFirst().orElseThrow();
    run("cordon node-1");
    run("delete pod -n kube-system " + onNode1.metadata().nameOrEmpty());
    cluster.awaitReady(Duration.ofMinutes(1));
    assertThat(nodesOf(daemonPods())).containsExactly("node-1", "node-2", "node-3");
    assertThat(daemonPods()).noneMatch(p -> p.metadata().nameOrEmpty().equals(onNode1.metadata().nameOrEmpty()));
  }

  @Test
  void aDaemonPodOutlivesItsNodeGoingUnreachable() {
    cluster.apply(FLUENTD);
    cluster.awaitReady(Duration.ofMinutes(1));
    cluster.node("node-3").stop();
    cluster.advance(Duration.ofMinutes(10));
    // the unreachable taints: NoSchedule takes node-3 out of the desired count, NoExecute is tolerated for ever
    assertThat(nodesOf(daemonPods())).containsExactly("node-1", "node-2", "node-3");
    assertThat(status()).containsEntry("desiredNumberScheduled", 2).containsEntry("numberMisscheduled", 1);
    cluster.node("node-3").start();
    cluster.awaitReady(Duration.ofMinutes(2));
    assertThat(status()).containsEntry("desiredNumberScheduled", 3).containsEntry("numberMisscheduled", 0);
  }

  @Test
  void drainIgnoringDaemonSetsLeavesTheDaemonPod() {
    cluster.apply(FLUENTD);
    cluster.awaitReady(Duration.ofMinutes(1));
    assertThat(cluster.kubectl("drain node-1").exitCode()).isNotZero();
    var drained = cluster.kubectl("drain node-1 --ignore-daemonsets");
    assertThat(drained.exitCode()).as(drained.stderr()).isZero();
    assertThat(drained.output()).contains("ignoring DaemonSet-managed Pods: kube-system/fluentd-elasticsearch-");
    cluster.settle();
    assertThat(nodesOf(daemonPods())).containsExactly("node-1", "node-2", "node-3");
  }

  @Test
  void aRollingUpdateReplacesOnePodAtATime() {
    cluster.apply(FLUENTD);
    cluster.awaitReady(Duration.ofMinutes(1));
    String oldHash = daemonPods().get(0).metadata().labels().get("controller-revision-hash");
    run("set image ds/fluentd-elasticsearch -n kube-system fluentd-elasticsearch=quay.io/fluentd_elasticsearch/fluentd:v2.6.0");
    String out = run("rollout status ds/fluentd-elasticsearch -n kube-system");
    assertThat(out).contains("Waiting for daemon set \"fluentd-elasticsearch\" rollout to finish: 0 out of 3 new pods have been updated...\n")
        .endsWith("daemon set \"fluentd-elasticsearch\" successfully rolled out\n");
    List<Pod> pods = daemonPods();
    assertThat(nodesOf(pods)).containsExactly("node-1", "node-2", "node-3");
    assertThat(pods).allSatisfy(p -> {
      assertThat(p.metadata().labels().get("controller-revision-hash")).isNotEqualTo(oldHash);
      assertThat(p.metadata().labels()).containsEntry("pod-template-generation", "2");
      assertThat(p.specOrEmpty().containers().get(0).image()).hasValue("quay.io/fluentd_elasticsearch/fluentd:v2.6.0");
    });
    assertThat(status()).containsEntry("observedGeneration", 2L).containsEntry("updatedNumberScheduled", 3);
    // never more than maxUnavailable (1) pod missing or unready at once: each deletion waits for the last new pod
    String events = run("get events -n kube-system --field-selector involvedObject.kind=DaemonSet");
    assertThat(events.lines().filter(l -> l.contains("SuccessfulDelete")).count()).isEqualTo(3);
    assertThat(run("rollout restart ds/fluentd-elasticsearch -n kube-system")).isEqualTo("daemonset.apps/fluentd-elasticsearch restarted\n");
    assertThat(run("rollout status ds/fluentd-elasticsearch -n kube-system")).endsWith("successfully rolled out\n");
    assertThat(daemonPods()).allSatisfy(p -> assertThat(p.metadata().labels()).containsEntry("pod-template-generation", "3"));
  }

  @Test
  void onDeleteWaitsForThePodsToBeDeleted() {
    cluster.apply(AGENT.replace("spec:\n  selector", "spec:\n  updateStrategy: {type: OnDelete}\n  selector"));
    run("label node node-1 disk=ssd");
    cluster.awaitReady(Duration.ofMinutes(1));
    Pod old = agents().get(0);
    run("set image ds/agent agent=busybox:1.37");
    cluster.settle();
    assertThat(agents()).extracting(p -> p.metadata().nameOrEmpty()).containsExactly(old.metadata().nameOrEmpty());
    assertThat(run("get ds agent")).contains("agent   1         1         1       0            1           disk=ssd");
    var rollout = cluster.kubectl("rollout status ds/agent");
    assertThat(rollout.stderr()).contains("rollout status is only available for RollingUpdate strategy type");
    run("delete pod " + old.metadata().nameOrEmpty());
    cluster.awaitReady(Duration.ofMinutes(1));
    assertThat(agents().stream().filter(p -> p.metadata().deletionTimestamp().isEmpty())).singleElement().satisfies(p ->
        assertThat(p.specOrEmpty().containers().get(0).image()).hasValue("busybox:1.37"));
  }

  @Test
  void theApiServerDefaultsAndValidatesDaemonSets() {
    assertThatThrownBy(() -> cluster.apply("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: bad}
        spec:
          selector: {matchLabels: {app: x}}
          template:
            metadata: {labels: {app: y}}
            spec: {containers: [{name: c, image: busybox}]}
        """)).hasMessageContaining("spec.template.metadata.labels: Invalid value")
        .hasMessageContaining("`selector` does not match template `labels`");
    cluster.apply(AGENT);
    assertThat(run("get ds agent -o jsonpath={.spec.updateStrategy}")).isEqualTo(
        "{\"rollingUpdate\":{\"maxSurge\":0,\"maxUnavailable\":1},\"type\":\"RollingUpdate\"}");
    assertThat(run("get ds agent -o jsonpath={.metadata.annotations}"))
        .isEqualTo("{\"deprecated.daemonset.template.generation\":\"1\"}");
  }

  @Test
  void sameSeedSameTranscript() {
    String first = transcript();
    String second = transcript();
    assertThat(second).isEqualTo(first);
  }

  private static String transcript() {
    try (Cluster c = KubeSim.cluster().nodes(3).seed(7).build()) {
      c.apply(FLUENTD);
      c.awaitReady(Duration.ofMinutes(1));
      c.kubectl("set image ds/fluentd-elasticsearch -n kube-system fluentd-elasticsearch=quay.io/fluentd_elasticsearch/fluentd:v2.6.0");
      String rollout = c.kubectl("rollout status ds/fluentd-elasticsearch -n kube-system").stdout();
      return rollout + c.kubectl("get pods -A -o wide").stdout() + c.kubectl("get events -A").stdout();
    }
  }
}
