package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What source address a pod sees ({@code /clientip} of the default program) for a request from
 * outside through a NodePort: the node's for {@code externalTrafficPolicy: Cluster}, which
 * masquerades, the client's own for {@code Local}.
 */
class ClientAddressTest {
  private final Cluster cluster = KubeSim.cluster().nodes(3).seed(2).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private void apply() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web, labels: {app: web}}
        spec:
          nodeName: node-2
          containers: [{name: web, image: example/anything, ports: [{containerPort: 8080}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {type: NodePort, selector: {app: web}, ports: [{port: 80, targetPort: 8080, nodePort: 30200}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-local}
        spec:
          type: NodePort
          externalTrafficPolicy: Local
          selector: {app: web}
          ports: [{port: 80, targetPort: 8080, nodePort: 30201}]
        """);
  }

  @Test
  void clusterPolicyMasqueradesToTheAddressOfTheNodeTheClientReached() {
    apply();

    String seen = cluster.external().exec("curl", "-s", "http://192.168.49.2:30200/clientip").stdout();

    assertThat(seen).startsWith("192.168.49.2:");
  }

  @Test
  void localPolicyKeepsTheClientsOwnAddress() {
    apply();

    String seen = cluster.external("198.51.100.7").exec("curl", "-s", "http://192.168.49.3:30201/clientip").stdout();

    assertThat(seen).startsWith("198.51.100.7:");
  }

  @Test
  void otherPathsStillAnswerTheHostname() {
    apply();

    assertThat(cluster.external().exec("curl", "-s", "http://192.168.49.3:30200/").stdout()).isEqualTo("web");
  }
}
