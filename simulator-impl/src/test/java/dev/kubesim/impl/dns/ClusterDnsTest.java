package dev.kubesim.impl.dns;

import static dev.kubesim.impl.dns.DnsTestClusters.SEED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.cluster.SimCluster;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Queries reaching CoreDNS through the kube-dns Service, a CoreDNS pod or the upstream. */
class ClusterDnsTest {
  private static final String KUBIA = """
      apiVersion: v1
      kind: Service
      metadata: {name: kubia}
      spec: {clusterIP: 10.96.10.10, selector: {app: kubia}, ports: [{port: 80}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: client, annotations: {kubesim.dev/pod-ip: "10.244.1.99"}}
      spec: {nodeName: node-1, containers: [{name: main, image: example/client}]}
      """;

  @Test
  void coreDnsPodsBecomeReadyBehindKubeDns() {
    try (SimCluster cluster = DnsTestClusters.cluster()) {
      assertThat(cluster.kubectl("get endpoints -n kube-system kube-dns").stdout())
          .as("seed %d", SEED).containsPattern("kube-dns\\s+10\\.244\\.\\d+\\.\\d+:53,");
      assertThat(cluster.dns().serviceIps()).containsExactly("10.96.0.10");
    }
  }

  @Test
  void queriesTimeOutWithoutReadyCoreDnsPods() {
    try (SimCluster cluster = DnsTestClusters.cluster()) {
      cluster.apply(KUBIA);
      assertThat(cluster.dns().query("default/client", "kubia.default.svc.cluster.local.", "A").isTimedOut()).isFalse();

      cluster.kubectl("scale deployment coredns -n kube-system --replicas=0");
      cluster.settle();

      DnsResult r = cluster.dns().query("default/client", "kubia.default.svc.cluster.local.", "A");
      assertThat(r.isTimedOut()).as("seed %d", SEED).isTrue();
    }
  }

  @Test
  void theServiceSpreadsQueriesOverTheCoreDnsPodsDeterministically() {
    Set<String> servers = new HashSet<>();
    StringBuilder first = new StringBuilder();
    StringBuilder second = new StringBuilder();
    for (StringBuilder run : new StringBuilder[] {first, second}) {
      try (SimCluster cluster = DnsTestClusters.cluster()) {
        cluster.apply(KUBIA);
        for (int i = 0; i < 20; i++) {
          String server = cluster.dns().query("default/client", "kubia.default.svc.cluster.local.", "A").server().orElseThrow();
          servers.add(server);
          run.append(server).append('\n');
        }
      }
    }
    assertThat(servers).hasSize(2).allMatch(s -> s.startsWith("kube-system/coredns-"));
    assertThat(first.toString()).isEqualTo(second.toString());
  }

  @Test
  void aCoreDnsPodAnswersAtItsOwnAddressAndTheNodesNameserverIsTheUpstream() {
    try (SimCluster cluster = DnsTestClusters.cluster()) {
      cluster.apply(KUBIA);
      Pod coreDns = cluster.listAll(Pod.class).stream()
          .filter(p -> p.metadata().nameOrEmpty().startsWith("coredns-")).findFirst().orElseThrow();
      String podIp = coreDns.status().orElseThrow().podIP().orElseThrow();

      DnsResult direct = cluster.dns().send("10.244.1.99", podIp, DnsQuestion.of("kubia.default.svc.cluster.local", "A"));
      assertThat(direct.orThrow().answer()).extracting(DnsRecord::data).containsExactly("10.96.10.10");
      assertThat(cluster.dns().serverAt(podIp)).isPresent();

      String hostNameserver = cluster.options().hostResolvConf().nameservers().get(0);
      DnsResult upstream = cluster.dns().send("10.244.1.99", hostNameserver, DnsQuestion.of("kubia.default.svc.cluster.local", "A"));
      assertThat(upstream.orThrow().rcode()).isEqualTo(Rcode.NXDOMAIN);

      assertThat(cluster.dns().send("10.244.1.99", "10.1.2.3", DnsQuestion.of("kubia", "A")).isTimedOut()).isTrue();
    }
  }
}
