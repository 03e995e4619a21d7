package dev.kubesim.impl.proxy;

import static dev.kubesim.impl.proxy.ProxyFixture.EXTERNAL_CLIENT;
import static dev.kubesim.impl.proxy.ProxyFixture.NODE;
import static dev.kubesim.impl.proxy.ProxyFixture.NODE_IP;
import static dev.kubesim.impl.proxy.ProxyFixture.POD;
import static dev.kubesim.impl.proxy.ProxyFixture.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.impl.net.PacketDecision;
import dev.kubesim.impl.net.Verdict;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KubeProxyTest {
  private final ProxyFixture f = new ProxyFixture();

  @Test
  void clusterIpToTwoEndpointsDnatsToEither() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "", "10.180.0.1@" + NODE, "10.180.2.1@node2"));

    Set<String> chosen = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      PacketDecision d = f.decide(POD, "172.30.0.41", 80);
      assertThat(d.verdict()).as("seed %d", ProxyFixture.SEED).isEqualTo(Verdict.DNAT);
      assertThat(d.backends()).containsExactly("10.180.0.1:80", "10.180.2.1:80");
      assertThat(d.masquerade()).isFalse();
      assertThat(d.chains()).startsWith("KUBE-SERVICES", "KUBE-SVC-XPGD46QRK7WJZT7O");
      assertThat(d.chains().get(2)).startsWith("KUBE-SEP-");
      chosen.add(d.backend().orElseThrow());
    }
    assertThat(chosen).as("seed %d", ProxyFixture.SEED).containsExactlyInAnyOrder("10.180.0.1:80", "10.180.2.1:80");
  }

  @Test
  void serviceWithoutEndpointsRejects() {
    f.apply(service("ns1", "svc1", "172.30.0.41", ""));

    PacketDecision d = f.decide(POD, "172.30.0.41", 80);

    assertThat(d.verdict()).isEqualTo(Verdict.REJECT);
    assertThat(d.reason()).isEqualTo("REJECT: service ns1/svc1:p80 has no endpoints");
    assertThat(d.rules()).contains(
        "-t filter -A KUBE-SERVICES -m comment --comment \"ns1/svc1:p80 has no endpoints\" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j REJECT");
    assertThat(d.backends()).isEmpty();
  }

  @Test
  void localPolicyWithoutLocalEndpointDrops() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "type: NodePort, externalTrafficPolicy: Local, ports: "
        + "[{name: p80, protocol: TCP, port: 80, targetPort: 80, nodePort: 3001}]", "10.180.2.1@node2"));

    PacketDecision external = f.decide(EXTERNAL_CLIENT, NODE_IP, 3001);
    PacketDecision pod = f.decide(POD, NODE_IP, 3001);

    assertThat(external.verdict()).isEqualTo(Verdict.DROP);
    assertThat(external.reason()).isEqualTo("DROP: service ns1/svc1:p80 has no local endpoints");
    assertThat(pod.verdict()).as("pod traffic short-circuits to the cluster-wide endpoints").isEqualTo(Verdict.DNAT);
    assertThat(pod.backends()).containsExactly("10.180.2.1:80");
    assertThat(pod.masquerade()).isFalse();
  }

  @Test
  void externalTrafficToNodePortIsMasqueraded() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "type: NodePort, ports: "
        + "[{name: p80, protocol: TCP, port: 80, targetPort: 80, nodePort: 3001}]", "10.180.0.1@" + NODE, "10.180.2.1@node2"));

    PacketDecision d = f.decide(EXTERNAL_CLIENT, "192.168.1.2", 3001);

    assertThat(d.verdict()).isEqualTo(Verdict.DNAT);
    assertThat(d.masquerade()).isTrue();
    assertThat(d.backends()).containsExactly("10.180.0.1:80", "10.180.2.1:80");
    assertThat(d.chains()).startsWith("KUBE-SERVICES", "KUBE-NODEPORTS", "KUBE-EXT-XPGD46QRK7WJZT7O", "KUBE-MARK-MASQ",
        "KUBE-SVC-XPGD46QRK7WJZT7O");
    assertThat(d.reason()).startsWith("DNAT: ns1/svc1:p80 node port 3001 -> ").endsWith(", masqueraded");
  }

  @Test
  void clientIpAffinityKeepsTheEndpointUntilTimeout() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "sessionAffinity: ClientIP, sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}",
        "10.180.0.1@" + NODE, "10.180.0.2@" + NODE, "10.180.0.3@" + NODE, "10.180.0.4@" + NODE));

    PacketDecision first = f.decide(POD, "172.30.0.41", 80);
    String sticky = first.backend().orElseThrow();
    for (int i = 0; i < 10; i++) {
      f.cluster.advance(Duration.ofSeconds(59));
      PacketDecision again = f.decide(POD, "172.30.0.41", 80);
      assertThat(again.backend()).as("seed %d, after %d s", ProxyFixture.SEED, 59 * (i + 1)).contains(sticky);
      assertThat(again.reason()).contains("ClientIP affinity");
    }
    PacketDecision other = f.decide("10.0.0.99", "172.30.0.41", 80);
    assertThat(other.reason()).as("another client has no entry yet").doesNotContain("ClientIP affinity");

    f.cluster.advance(Duration.ofSeconds(60));
    PacketDecision expired = f.decide(POD, "172.30.0.41", 80);
    assertThat(expired.reason()).doesNotContain("ClientIP affinity");
    assertThat(expired.rules()).noneMatch(r -> r.contains("--rcheck"));
  }

  @Test
  void decisionCostDoesNotScanServices() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "", "10.180.0.1@" + NODE));
    PacketDecision alone = f.decide(POD, "172.30.0.41", 80);
    PacketDecision missAlone = f.decide(POD, "10.0.0.3", 80);

    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      many.append(service("bulk" + i, "svc", "172.30.1." + (i + 1), "", "10.180.1." + (i + 1))).append("---\n");
    }
    f.apply(many.toString());
    PacketDecision crowded = f.decide(POD, "172.30.0.41", 80);
    PacketDecision missCrowded = f.decide(POD, "10.0.0.3", 80);

    IptablesRules rules = ((IptablesProxier) f.proxy().mode()).rules();
    assertThat(rules.natServiceKeys()).as("one hashed key per (VIP, protocol, port)").isGreaterThanOrEqualTo(61);
    assertThat(crowded.rulesExamined()).isEqualTo(alone.rulesExamined());
    assertThat(missCrowded.rulesExamined()).isEqualTo(missAlone.rulesExamined());
    assertThat(crowded.backends()).containsExactly("10.180.0.1:80");
  }

  @Test
  void rulesFollowEndpointSliceChangesOfOneService() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "", "10.180.0.1@" + NODE));
    assertThat(f.decide(POD, "172.30.0.41", 80).verdict()).isEqualTo(Verdict.DNAT);

    f.cluster.delete("EndpointSlice", "ns1", "svc1-1");
    assertThat(f.decide(POD, "172.30.0.41", 80).verdict()).isEqualTo(Verdict.REJECT);

    f.cluster.delete("Service", "ns1", "svc1");
    assertThat(f.decide(POD, "172.30.0.41", 80).verdict()).isEqualTo(Verdict.NO_MATCH);
    assertThat(f.proxy().iptablesSave()).doesNotContain("ns1/svc1");
  }
}
