package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.HostResolvConf;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.resolver.ResolvConf;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The resolv.conf the kubelet gives pods of a running cluster (seed 1). */
class PodResolvConfTest {
  private static SimCluster cluster(HostResolvConf host) {
    return (SimCluster) KubeSim.cluster().seed(1).hostResolvConf(host).build();
  }

  private static PodWorker worker(SimCluster cluster, String name) {
    Pod pod = (Pod) cluster.api().get(Pod.KIND, "default", name).orElseThrow();
    return cluster.kubelet(PodStates.nodeName(pod)).orElseThrow().worker(new ObjectKey("default", name)).orElseThrow();
  }

  @Test
  void containerFileIsTheClusterFirstFileWithTheNodesSearchEntries() {
    try (SimCluster cluster = cluster(new HostResolvConf(List.of("192.168.49.1"), List.of("lab.example.com"), List.of("edns0")))) {
      cluster.apply("{apiVersion: v1, kind: Pod, metadata: {name: client}, spec: {containers: [{name: main, image: example/client}]}}");

      PodWorker w = worker(cluster, "client");
      assertThat(w.resolvConf()).contains(new ResolvConf(List.of("10.96.0.10"),
          List.of("default.svc.cluster.local", "svc.cluster.local", "cluster.local", "lab.example.com"), List.of("ndots:5")));
      assertThat(w.container("main").orElseThrow().exec(List.of("cat", "/etc/resolv.conf")).stdout())
          .isEqualTo("search default.svc.cluster.local svc.cluster.local cluster.local lab.example.com\n"
              + "nameserver 10.96.0.10\noptions ndots:5\n");
    }
  }

  @Test
  void emptySettingsGiveACopyOfTheNodeFile() {
    try (SimCluster cluster = cluster(new HostResolvConf(List.of(), List.of(), List.of()))) {
      cluster.apply("{apiVersion: v1, kind: Pod, metadata: {name: node-default}, spec: {dnsPolicy: Default, "
          + "containers: [{name: main, image: example/client}]}}");

      assertThat(worker(cluster, "node-default").resolvConf()).contains(ResolvConf.empty());
    }
  }

  @Test
  void tooManyNameserversAreCutWithAWarningEventOnThePod() {
    try (SimCluster cluster = cluster(new HostResolvConf(
        List.of("192.168.1.1", "192.168.1.2", "192.168.1.3", "192.168.1.4"), List.of(), List.of()))) {
      cluster.apply("{apiVersion: v1, kind: Pod, metadata: {name: node-default}, spec: {dnsPolicy: Default, "
          + "containers: [{name: main, image: example/client}]}}");

      assertThat(worker(cluster, "node-default").resolvConf().map(ResolvConf::nameservers))
          .contains(List.of("192.168.1.1", "192.168.1.2", "192.168.1.3"));
      Optional<KubeObject> event = cluster.api().list("Event", Optional.of("default")).stream()
          .filter(e -> e.metadata().nameOrEmpty().startsWith("node-default.")).findFirst();
      assertThat(event).isPresent();
    }
  }
}
