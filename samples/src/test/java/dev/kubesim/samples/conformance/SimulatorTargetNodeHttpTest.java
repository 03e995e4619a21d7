package dev.kubesim.samples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.samples.conformance.ScenarioTarget.HttpRequest;
import dev.kubesim.samples.conformance.ScenarioTarget.HttpResult;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code http} verb from a node's host ({@code from: node:NAME}): the node's own client, read from its trace. */
class SimulatorTargetNodeHttpTest {
  private static final long SEED = 3;

  private Cluster cluster;
  private ScenarioTarget target;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().seed(SEED).nodes(2).build();
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kubia, labels: {app: kubia}}
        spec: {containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: kubia}
        spec:
          type: NodePort
          clusterIP: 10.96.10.10
          selector: {app: kubia}
          ports: [{name: http, port: 80, targetPort: 8080, nodePort: 30123}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: empty}
        spec: {clusterIP: 10.96.10.11, selector: {app: none}, ports: [{port: 80}]}
        """);
    cluster.awaitReady(Duration.ofMinutes(2));
    target = SimulatorTarget.FACTORY.create(cluster);
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  @Test
  void aRequestFromANodeNamesTheServicePortAndThePodThatAnswered() {
    HttpResult viaClusterIp = target.http(new HttpRequest("node:node-1", "http://10.96.10.10/", Map.of()));
    HttpResult viaNodePort = target.http(new HttpRequest("node:node-2",
        "http://" + cluster.node("node-1").ip() + ":30123/", Map.of()));

    for (HttpResult r : new HttpResult[] {viaClusterIp, viaNodePort}) {
      assertThat(r.error()).as("seed %d", SEED).isEmpty();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.backend()).contains("default/kubia:80");
      assertThat(r.servedBy()).contains("default/kubia");
      assertThat(r.body()).startsWith("You've hit kubia");
    }
  }

  @Test
  void aServiceWithoutEndpointsRefusesAndAnUnknownNameDoesNotResolve() {
    assertThat(target.http(new HttpRequest("node:node-1", "http://10.96.10.11/", Map.of())).error())
        .as("seed %d", SEED).contains("connection refused");
    // the node's resolver asks the upstream of its own resolv.conf, which knows no cluster names
    assertThat(target.http(new HttpRequest("node:node-1", "http://kubia.default.svc.cluster.local/", Map.of())).error())
        .isEqualTo(Optional.of("could not resolve"));
  }
}
