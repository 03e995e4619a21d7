package dev.kubesim.impl.cni;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.impl.cluster.SimCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A container's hostPort is reachable at its node's addresses, as the CNI portmap plugin makes it. */
class HostPortsTest {
  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(3).seed(3).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private String nodeAddress(String node) {
    return cluster.kubectl("get node " + node + " -o jsonpath={.status.addresses[0].address}").stdout();
  }

  private String nodeOf(String pod) {
    return cluster.get(Pod.class, "default", pod).flatMap(Pod::spec).flatMap(PodSpec::nodeName).orElseThrow();
  }

  @Test
  void aHostPortOfAPodReachesItFromOutsideThroughItsNodeOnly() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers: [{name: web, image: nginx, ports: [{containerPort: 80, hostPort: 8081}]}]
        """);
    cluster.advance(Duration.ofSeconds(10));
    String node = nodeOf("web");
    String other = node.equals("node-1") ? "node-2" : "node-1";

    ExecResult reached = cluster.external().exec("curl", "-s", "http://" + nodeAddress(node) + ":8081/");
    assertThat(reached.stdout()).contains("Welcome to nginx!");
    assertThat(reached.trace().orElseThrow().toString()).contains("CNI-HOSTPORT-DNAT");

    assertThat(cluster.external().exec("curl", "-sS", "http://" + nodeAddress(other) + ":8081/").exitCode()).isEqualTo(7);
  }

  @Test
  void aHostPortIsNoLongerMappedOnceItsPodIsGone() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          terminationGracePeriodSeconds: 0
          containers: [{name: web, image: nginx, ports: [{containerPort: 80, hostPort: 8081}]}]
        """);
    cluster.advance(Duration.ofSeconds(10));
    String address = nodeAddress(nodeOf("web"));
    cluster.kubectl("delete pod web");
    cluster.advance(Duration.ofSeconds(10));

    assertThat(cluster.external().exec("curl", "-sS", "http://" + address + ":8081/").exitCode()).isEqualTo(7);
  }

  @Test
  void aServicesNodePortIsDecidedByKubeProxyBeforeTheHostPorts() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web, labels: {app: web}}
        spec:
          containers: [{name: web, image: nginx, ports: [{containerPort: 80, hostPort: 30080}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          type: NodePort
          selector: {app: web}
          ports: [{port: 80, nodePort: 30080}]
        """);
    cluster.advance(Duration.ofSeconds(10));

    ExecResult r = cluster.external().exec("curl", "-s", "http://" + nodeAddress(nodeOf("web")) + ":30080/");
    assertThat(r.stdout()).contains("Welcome to nginx!");
    assertThat(r.trace().orElseThrow().toString()).contains("by KUBE-EXT-").doesNotContain("CNI-HOSTPORT-DNAT");
  }
}
