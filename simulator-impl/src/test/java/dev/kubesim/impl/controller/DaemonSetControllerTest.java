package dev.kubesim.impl.controller;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  void onePodRunsOnEveryNode() {
    cluster.apply(FLUENTD);
    cluster.awaitReady(Duration.ofMinutes(2));
    List<Pod> pods = daemonPods();
    assertThat(pods).hasSize(3);
    assertThat(pods).extracting(p -> p.specOrEmpty().nodeName().orElse("")).containsExactlyInAnyOrder("node-1", "node-2", "node-3");
    assertThat(pods).allSatisfy(p -> {
      assertThat(p.metadata().nameOrEmpty()).matches("fluentd-elasticsearch-[bcdfghjklmnpqrstvwxz2456789]{5}");
      assertThat(p.metadata().labels()).containsKeys("controller-revision-hash").containsEntry("pod-template-generation", "1");
    });
    System.out.println(cluster.kubectl("get ds -A -o wide").stdout());
    System.out.println(cluster.kubectl("get pods -n kube-system -o wide").stdout());
    System.out.println(cluster.kubectl("get ds -n kube-system fluentd-elasticsearch -o yaml").stdout());
    System.out.println(cluster.kubectl("get pod -n kube-system -o yaml " + pods.get(0).metadata().nameOrEmpty()).stdout());
    System.out.println(cluster.kubectl("describe ds -n kube-system").stdout());
    System.out.println(cluster.kubectl("get events -n kube-system").stdout());
    assertThat(status()).containsEntry("desiredNumberScheduled", 3).containsEntry("numberReady", 3);
  }
}
