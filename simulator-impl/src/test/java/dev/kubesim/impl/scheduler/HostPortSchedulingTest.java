package dev.kubesim.impl.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The NodePorts filter: a host port one pod holds on a node keeps a second one off that node. */
class HostPortSchedulingTest {
  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(1).seed(8).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private static String pod(String name, String hostIp) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s}
        spec:
          terminationGracePeriodSeconds: 0
          containers: [{name: web, image: nginx, ports: [{containerPort: 80, hostPort: 8080%s}]}]
        """.formatted(name, hostIp);
  }

  @Test
  void aSecondPodAskingForTheSameHostPortWaitsUntilTheFirstIsGone() {
    cluster.apply(pod("first", ""));
    cluster.apply(pod("second", ""));
    cluster.advance(Duration.ofSeconds(5));

    assertThat(cluster.kubectl("get pod second -o jsonpath={.status.conditions[0].message}").stdout())
        .isEqualTo("0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. "
            + "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.");

    cluster.kubectl("delete pod first");
    cluster.advance(Duration.ofSeconds(5));
    assertThat(cluster.kubectl("get pod second -o jsonpath={.spec.nodeName}").stdout()).isEqualTo("node-1");
  }

  @Test
  void hostPortsOnDifferentHostAddressesDoNotConflict() {
    cluster.apply(pod("first", ", hostIP: 192.168.49.2"));
    cluster.apply(pod("second", ", hostIP: 127.0.0.1"));
    cluster.advance(Duration.ofSeconds(5));
    assertThat(cluster.kubectl("get pod second -o jsonpath={.spec.nodeName}").stdout()).isEqualTo("node-1");
  }
}
