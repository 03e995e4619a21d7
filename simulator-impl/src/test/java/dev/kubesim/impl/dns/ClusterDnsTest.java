package dev.kubesim.impl.dns;

import static dev.kubesim.impl.dns.DnsTestClusters.SEED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.dnswire.DnsQuestion;
import dev.kubesim.impl.dnswire.DnsRecord;
import dev.kubesim.impl.dnswire.Rcode;
import dev.kubesim.impl.net.UdpExchange;
import dev.kubesim.impl.resolver.PacketDnsTransport;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Queries as packets reaching CoreDNS through the kube-dns Service, a CoreDNS pod or the upstream. */
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
  void queriesAreRefusedOnceNoCoreDnsPodServes() {
    try (SimCluster cluster = DnsTestClusters.cluster()) {
      cluster.apply(KUBIA);
      assertThat(DnsTestClusters.query(cluster, "default/client", "kubia.default.svc.cluster.local.", "A").response())
          .isPresent();

      cluster.kubectl("scale deployment coredns -n kube-system --replicas=0");
      cluster.advance(Duration.ofSeconds(60)); // past the pods' grace period: no endpoint serves any more

      PacketDnsTransport.Exchange e = DnsTestClusters.query(cluster, "default/client", "kubia.default.svc.cluster.local.", "A");
      // kube-proxy's REJECT rule for a Service without endpoints: ICMP port unreachable, at once.
      assertThat(e.status()).as("seed %d", SEED).isEqualTo(UdpExchange.Status.REFUSED);
      assertThat(e.response()).isEmpty();
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
          String server = DnsTestClusters.query(cluster, "default/client", "kubia.default.svc.cluster.local.", "A").server()
              .map(Object::toString).orElse("-");
          servers.add(server);
          run.append(server).append('\n');
        }
      }
    }
    assertThat(servers).as("seed %d", SEED).hasSize(2).allMatch(s -> s.startsWith("pod/kube-system/coredns-"));
    assertThat(first.toString()).isEqualTo(second.toString());
  }

  @Test
  void aCoreDnsPodAnswersAtItsOwnAddressAndTheNodesNameserverIsTheUpstream() {
    try (SimCluster cluster = DnsTestClusters.cluster()) {
      cluster.apply(KUBIA);
      Pod coreDns = cluster.listAll(Pod.class).stream()
          .filter(p -> p.metadata().nameOrEmpty().startsWith("coredns-")).findFirst().orElseThrow();
      String podIp = coreDns.status().orElseThrow().podIP().orElseThrow();
      DnsQuestion kubia = DnsQuestion.of("kubia.default.svc.cluster.local", "A");

      PacketDnsTransport.Exchange direct = DnsTestClusters.send(cluster, "default/client", podIp, kubia);
      assertThat(direct.response().orElseThrow().answer()).extracting(DnsRecord::data).containsExactly("10.96.10.10");
      assertThat(direct.server().map(Object::toString)).contains("pod/kube-system/" + coreDns.metadata().nameOrEmpty());
      assertThat(cluster.dns().serverAt(podIp)).isPresent();

      String hostNameserver = cluster.options().hostResolvConf().nameservers().get(0);
      PacketDnsTransport.Exchange upstream = DnsTestClusters.send(cluster, "default/client", hostNameserver, kubia);
      assertThat(upstream.response().orElseThrow().rcode()).as("seed %d", SEED).isEqualTo(Rcode.NXDOMAIN);
      assertThat(upstream.server().map(Object::toString)).contains("host/" + hostNameserver);

      assertThat(DnsTestClusters.send(cluster, "default/client", "10.1.2.3", kubia).response()).isEmpty();
    }
  }
}
