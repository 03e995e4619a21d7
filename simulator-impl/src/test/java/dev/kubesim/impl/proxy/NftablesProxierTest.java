package dev.kubesim.impl.proxy;

import static dev.kubesim.impl.proxy.ProxyFixture.EXTERNAL_CLIENT;
import static dev.kubesim.impl.proxy.ProxyFixture.NODE;
import static dev.kubesim.impl.proxy.ProxyFixture.NODE_IP;
import static dev.kubesim.impl.proxy.ProxyFixture.POD;
import static dev.kubesim.impl.proxy.ProxyFixture.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeProxyOptions;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.PacketDecision;
import dev.kubesim.impl.net.Verdict;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NftablesProxierTest {
  private final ProxyFixture f = new ProxyFixture(KubeProxyOptions.defaults().withMode("nftables"));

  @Test
  void clusterIpToTwoEndpointsDnatsToEitherThroughTheServiceChain() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "", "10.180.0.1@" + NODE, "10.180.2.1@node2"));

    Set<String> chosen = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      PacketDecision d = f.decide(POD, "172.30.0.41", 80);
      assertThat(d.verdict()).as("seed %d", ProxyFixture.SEED).isEqualTo(Verdict.DNAT);
      assertThat(d.backends()).containsExactly("10.180.0.1:80", "10.180.2.1:80");
      assertThat(d.masquerade()).isFalse();
      assertThat(d.chains()).startsWith("services", "service-ULMVA6XW-ns1/svc1/tcp/p80");
      assertThat(d.rule()).startsWith("service-ULMVA6XW-ns1/svc1/tcp/p80 / endpoint-");
      chosen.add(d.backend().orElseThrow());
    }
    assertThat(chosen).as("seed %d", ProxyFixture.SEED).containsExactlyInAnyOrder("10.180.0.1:80", "10.180.2.1:80");
  }

  @Test
  void clusterIpFromOutsideThePodNetworkIsMasqueraded() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "", "10.180.0.1@" + NODE));

    PacketDecision d = f.decide(EXTERNAL_CLIENT, "172.30.0.41", 80);

    assertThat(d.verdict()).isEqualTo(Verdict.DNAT);
    assertThat(d.masquerade()).isTrue();
    assertThat(d.rules()).contains("ip daddr 172.30.0.41 ip saddr != 10.0.0.0/8 jump mark-for-masquerade",
        "masquerade fully-random");
    assertThat(d.masqueradeText()).isEqualTo("masquerade by masquerading: the packet was marked by mark-for-masquerade");
  }

  @Test
  void serviceWithoutEndpointsIsRejectedThroughTheRejectChain() {
    f.apply(service("ns1", "svc1", "172.30.0.41", ""));

    PacketDecision d = f.decide(POD, "172.30.0.41", 80);

    assertThat(d.verdict()).isEqualTo(Verdict.REJECT);
    assertThat(d.reason()).isEqualTo("REJECT: service ns1/svc1:p80 has no endpoints");
    assertThat(d.cause()).isEqualTo(Cause.NO_ENDPOINTS);
    assertThat(d.chains()).contains("service-endpoints-check", "reject-chain");
  }

  @Test
  void portThatNoServiceHasOnALiveClusterIpIsRejected() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "", "10.180.0.1@" + NODE));

    PacketDecision otherPort = f.decide(POD, "172.30.0.41", 81);
    PacketDecision otherProtocol = f.decide(POD, "172.30.0.41", IpProtocol.UDP, 80);

    assertThat(otherPort.verdict()).isEqualTo(Verdict.REJECT);
    assertThat(otherPort.reason()).isEqualTo("REJECT: Reject traffic to invalid ports of ClusterIPs");
    assertThat(otherPort.servicePort()).isEmpty();
    assertThat(otherPort.cause()).isEqualTo(Cause.FILTERED);
    assertThat(otherProtocol.verdict()).isEqualTo(Verdict.REJECT);
  }

  @Test
  void unallocatedAddressInTheServiceCidrIsDroppedAndOneOutsideIsLeftAlone() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "", "10.180.0.1@" + NODE));

    PacketDecision unallocated = f.decide(POD, "172.30.0.99", 80);
    PacketDecision outside = f.decide(POD, "8.8.8.8", 80);

    assertThat(unallocated.verdict()).isEqualTo(Verdict.DROP);
    assertThat(unallocated.reason()).isEqualTo("DROP: Drop traffic to unallocated ClusterIPs");
    assertThat(outside.verdict()).isEqualTo(Verdict.NO_MATCH);
  }

  @Test
  void deletedServiceLeavesItsClusterIpToTheUnallocatedRule() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "", "10.180.0.1@" + NODE));
    f.cluster.delete("Service", "ns1", "svc1");
    f.cluster.settle();

    assertThat(f.decide(POD, "172.30.0.41", 80).verdict()).isEqualTo(Verdict.DROP);
    assertThat(f.proxy().nftListRuleset()).doesNotContain("172.30.0.41").doesNotContain("ns1/svc1");
  }

  @Test
  void nodePortsAnswerOnThePrimaryNodeIpOnlyByDefaultAndNeverOnLocalhost() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "type: NodePort, ports: "
        + "[{name: p80, protocol: TCP, port: 80, targetPort: 80, nodePort: 3001}]", "10.180.0.1@" + NODE));

    PacketDecision primary = f.decide(EXTERNAL_CLIENT, NODE_IP, 3001);
    PacketDecision secondary = f.decide(EXTERNAL_CLIENT, "192.168.1.2", 3001);
    PacketDecision localhost = f.decide("127.0.0.1", "127.0.0.1", 3001);

    assertThat(primary.verdict()).isEqualTo(Verdict.DNAT);
    assertThat(primary.masquerade()).isTrue();
    assertThat(primary.reason()).startsWith("DNAT: ns1/svc1:p80 node port 3001 -> 10.180.0.1:80");
    assertThat(secondary.verdict()).isEqualTo(Verdict.NO_MATCH);
    assertThat(localhost.verdict()).isEqualTo(Verdict.NO_MATCH);
  }

  @Test
  void nodePortsOnEveryAddressWhenTheOptionCoversThemButStillNotLocalhost() {
    ProxyFixture all = new ProxyFixture(new KubeProxyOptions("nftables", false, "ClusterCIDR", true, java.util.List.of("0.0.0.0/0")));
    all.apply(service("ns1", "svc1", "172.30.0.41", "type: NodePort, ports: "
        + "[{name: p80, protocol: TCP, port: 80, targetPort: 80, nodePort: 3001}]", "10.180.0.1@" + NODE));

    assertThat(all.decide(EXTERNAL_CLIENT, "192.168.1.2", 3001).verdict()).isEqualTo(Verdict.DNAT);
    assertThat(all.decide("127.0.0.1", "127.0.0.1", 3001).verdict()).isEqualTo(Verdict.NO_MATCH);
    assertThat(all.proxy().nftListRuleset()).doesNotContain("set nodeport-ips")
        .contains("fib daddr type local ip daddr != 127.0.0.0/8 meta l4proto . th dport vmap @service-nodeports");
  }

  @Test
  void localPolicyWithoutLocalEndpointDropsExternalTrafficButNotPodTraffic() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "type: NodePort, externalTrafficPolicy: Local, ports: "
        + "[{name: p80, protocol: TCP, port: 80, targetPort: 80, nodePort: 3001}]", "10.180.2.1@node2"));

    PacketDecision external = f.decide(EXTERNAL_CLIENT, NODE_IP, 3001);
    PacketDecision pod = f.decide(POD, NODE_IP, 3001);

    assertThat(external.verdict()).isEqualTo(Verdict.DROP);
    assertThat(external.reason()).isEqualTo("DROP: service ns1/svc1:p80 has no local endpoints");
    assertThat(pod.verdict()).as("pod traffic short-circuits to the cluster-wide endpoints").isEqualTo(Verdict.DNAT);
    assertThat(pod.masquerade()).isFalse();
  }

  @Test
  void healthCheckNodePortGetsNoRuleOfItsOwn() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "type: LoadBalancer, externalTrafficPolicy: Local, healthCheckNodePort: 30000, "
        + "ports: [{name: p80, protocol: TCP, port: 80, targetPort: 80, nodePort: 3001}]", "10.180.0.1@" + NODE));

    assertThat(f.decide(EXTERNAL_CLIENT, NODE_IP, 30000).verdict()).isEqualTo(Verdict.NO_MATCH);
  }

  @Test
  void loadBalancerSourceRangesDropOtherSourcesBeforeDnat() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "type: LoadBalancer, loadBalancerIP: 1.2.3.4, "
        + "loadBalancerSourceRanges: [203.0.113.0/25], "
        + "ports: [{name: p80, protocol: TCP, port: 80, targetPort: 80, nodePort: 3001}]", "10.180.0.1@" + NODE));
    String lb = "1.2.3.4";

    PacketDecision inside = f.decide("203.0.113.2", lb, 80);
    PacketDecision outside = f.decide("203.0.113.200", lb, 80);

    assertThat(inside.verdict()).isEqualTo(Verdict.DNAT);
    assertThat(outside.verdict()).isEqualTo(Verdict.DROP);
    assertThat(outside.reason()).startsWith("DROP: service ns1/svc1:p80 traffic not accepted by firewall-");
    assertThat(outside.chains()).startsWith("firewall-check");
  }

  @Test
  void clientIpAffinityKeepsTheClientOnOneEndpointUntilTheTimeout() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "sessionAffinity: ClientIP, "
        + "sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}", "10.180.0.1@" + NODE, "10.180.2.1@node2"));

    String first = f.decide(POD, "172.30.0.41", 80).backend().orElseThrow();
    for (int i = 0; i < 20; i++) {
      PacketDecision d = f.decide(POD, "172.30.0.41", 80);
      assertThat(d.backend()).hasValue(first);
      assertThat(d.reason()).contains("ClientIP affinity");
    }
    assertThat(f.proxy().nftListRuleset()).contains("flags dynamic,timeout", "timeout 1m", "update @affinity-");

    Set<String> later = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      f.cluster.advance(Duration.ofSeconds(61));
      later.add(f.decide(POD, "172.30.0.41", 80).backend().orElseThrow());
    }
    assertThat(later).as("seed %d: the set's entries expire", ProxyFixture.SEED).hasSize(2);
  }

  @Test
  void rulesetListsTheTableAndIptablesSaveIsEmpty() {
    f.apply(service("ns1", "svc1", "172.30.0.41", "", "10.180.0.1@" + NODE));

    String ruleset = f.proxy().nftListRuleset();

    assertThat(ruleset).startsWith("table ip kube-proxy {\n\tcomment \"rules for kube-proxy\"\n\tset cluster-ips {\n")
        .contains("\t\telements = { 172.30.0.1,\n\t\t\t     172.30.0.41 }\n")
        .contains("\t\t\t     172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80 }\n")
        .contains("\tchain nat-prerouting {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n\t\tjump services\n\t}\n")
        .contains("\tchain filter-prerouting-pre-dnat {\n\t\ttype filter hook prerouting priority dstnat - 10; policy accept;\n")
        .contains("\tchain endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 {\n"
            + "\t\tip saddr 10.180.0.1 jump mark-for-masquerade\n"
            + "\t\tmeta l4proto tcp dnat to 10.180.0.1:80\n\t}\n")
        .contains("\t\tip daddr { 172.30.0.0/16 } drop comment \"Drop traffic to unallocated ClusterIPs\"\n")
        .endsWith("}\n");
    assertThat(f.proxy().iptablesSave()).isEmpty();
  }
}
