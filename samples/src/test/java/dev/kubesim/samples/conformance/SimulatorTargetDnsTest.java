package dev.kubesim.samples.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.samples.conformance.ScenarioTarget.DnsQuery;
import dev.kubesim.samples.conformance.ScenarioTarget.DnsRecord;
import dev.kubesim.samples.conformance.ScenarioTarget.DnsResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code dns} verb: a query as UDP packets to the kube-dns Service from a pod or the first node. */
class SimulatorTargetDnsTest {
  private static final long SEED = 5;
  private static final String KUBIA = "kubia.default.svc.cluster.local.";

  private SimCluster cluster;
  private ScenarioTarget target;

  @BeforeEach
  void setUp() {
    cluster = (SimCluster) KubeSim.cluster().seed(SEED).build();
    cluster.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: kubia}
        spec: {clusterIP: 10.96.10.10, selector: {app: kubia}, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client}
        spec: {containers: [{name: main, image: example/client}]}
        """);
    target = SimulatorTarget.FACTORY.create(cluster);
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  @Test
  void aQueryFromAPodOrFromTheFirstNodeIsAnsweredByCoreDns() {
    DnsResult fromPod = target.dns(new DnsQuery(KUBIA, "A", Optional.of("default/client")));
    DnsResult fromNode = target.dns(new DnsQuery(KUBIA, "A", Optional.empty()));

    DnsResult expected = new DnsResult("NOERROR", List.of(new DnsRecord(KUBIA, "A", 30, "10.96.10.10")));
    assertThat(fromPod).as("seed %d", SEED).isEqualTo(expected);
    assertThat(fromNode).as("seed %d", SEED).isEqualTo(expected);
    assertThat(target.dns(new DnsQuery("nope.default.svc.cluster.local.", "A", Optional.empty())).rcode())
        .isEqualTo("NXDOMAIN");
  }

  @Test
  void withoutACoreDnsPodThatServesNoAnswerComesBack() {
    cluster.kubectl("scale deployment coredns -n kube-system --replicas=0");
    // Terminating CoreDNS pods still serve (kube-proxy falls back to serving-terminating endpoints).
    assertThat(target.dns(new DnsQuery(KUBIA, "A", Optional.of("default/client"))).rcode()).isEqualTo("NOERROR");

    cluster.advance(Duration.ofSeconds(60));

    assertThat(target.dns(new DnsQuery(KUBIA, "A", Optional.of("default/client"))))
        .as("seed %d", SEED).isEqualTo(new DnsResult("TIMEOUT", List.of()));
    assertThat(target.dns(new DnsQuery(KUBIA, "A", Optional.empty())).rcode()).isEqualTo("TIMEOUT");
  }

  @Test
  void aPodThatDoesNotExistFailsTheStep() {
    assertThatThrownBy(() -> target.dns(new DnsQuery(KUBIA, "A", Optional.of("default/ghost"))))
        .isInstanceOf(NotFoundException.class);
  }
}
