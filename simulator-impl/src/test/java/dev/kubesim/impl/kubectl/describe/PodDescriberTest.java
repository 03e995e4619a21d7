package dev.kubesim.impl.kubectl.describe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.ContainerState;
import dev.kubesim.api.model.ContainerStateRunning;
import dev.kubesim.api.model.ContainerStatus;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodCondition;
import dev.kubesim.api.model.PodIP;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.cluster.SimCluster;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodDescriberTest {
  @Test
  void runningPodShowsNodeStartTimeControllerStateAndConditions() {
    SimCluster cluster = (SimCluster) KubeSim.cluster().seed(1).build();
    ObjectMeta meta = ObjectMeta.builder().name("kubia-x7k2p").namespace("default").labels(java.util.Map.of("app", "kubia"))
        .creationTimestamp("2025-01-01T00:00:00Z")
        .ownerReferences(List.of(new OwnerReference("v1", "ReplicationController", "kubia", "uid-1", Optional.of(true), Optional.of(true))))
        .build();
    Container c = Container.builder().name("kubia").image("luksa/kubia")
        .ports(List.of(new ContainerPort(null, null, Optional.of(8080), Optional.of("TCP"), null))).build();
    ContainerStatus cs = new ContainerStatus(Optional.of("kubia"),
        Optional.of(new ContainerState(null, Optional.of(new ContainerStateRunning(Optional.of("2025-01-01T00:00:05Z"))), null)),
        null, Optional.of(true), Optional.of(0), Optional.of("docker.io/luksa/kubia:latest"), Optional.of("docker.io/luksa/kubia@sha256:abc"),
        Optional.of("containerd://0123"), Optional.of(true), null, null, null, null, null, null);
    PodCondition ready = new PodCondition(Optional.of("Ready"), null, Optional.of("True"), null, null, null, null);
    PodStatus status = new PodStatus(null, Optional.of("Running"), List.of(ready), null, null, null, Optional.of("192.168.49.3"), null,
        Optional.of("10.244.2.4"), List.of(new PodIP(Optional.of("10.244.2.4"))), Optional.of("2025-01-01T00:00:01Z"), null,
        List.of(cs), Optional.of("BestEffort"), null, null, null, null, null, null);
    Pod pod = Pod.of(meta, PodSpec.builder().nodeName("node-2").containers(List.of(c)).build()).withStatus(status);

    String out = Describers.forKind("Pod").orElseThrow()
        .describe(pod, new DescribeContext(cluster.api(), Instant.parse("2025-01-01T00:03:00Z")));

    assertThat(out).startsWith("Name:         kubia-x7k2p\nNamespace:    default\nNode:         node-2/192.168.49.3\n"
        + "Start Time:   Wed, 01 Jan 2025 00:00:01 +0000\nLabels:       app=kubia\nAnnotations:  <none>\n"
        + "Status:       Running\nIP:           10.244.2.4\nIPs:\n  IP:           10.244.2.4\n"
        + "Controlled By:  ReplicationController/kubia\nContainers:\n  kubia:\n");
    assertThat(out).contains("    Container ID:   containerd://0123\n", "    State:          Running\n",
        "      Started:      Wed, 01 Jan 2025 00:00:05 +0000\n", "    Ready:          True\n", "    Restart Count:  0\n");
    assertThat(out).contains("Conditions:\n  Type           Status\n  Ready          True \n");
    assertThat(out).endsWith("Volumes:         <none>\nQoS Class:       BestEffort\nNode-Selectors:  <none>\nTolerations:     <none>\nEvents:          <none>\n");
  }
}
