package dev.kubesim.impl.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.api.trace.DnsAnswer;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.trace.TraceHop;
import dev.kubesim.api.trace.TraceHop.Action;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.NetTestClusters;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The typed parts of real traces: the disposition's cause and object, each hop's action, object, rule and DNS answer. */
class TypedTraceTest {
  private static final long SEED = 7;

  private static Trace curl(SimCluster c, String from, String url) {
    ExecResult r = c.exec(from, "curl", "-s", "-m", "3", url);
    return r.trace().orElseThrow();
  }

  private static List<TraceHop> hops(Trace t, Action action) {
    return t.hops().stream().filter(h -> h.action() == action).toList();
  }

  @Test
  void aServiceWithEndpointsIsDnatedToThePodThatAnswers() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      Trace t = curl(c, "default/client", "http://kubia");

      Disposition d = t.disposition();
      assertThat(d.kind()).as("seed %d", SEED).isEqualTo(Disposition.Kind.DELIVERED);
      assertThat(d.cause()).isEqualTo(Cause.ANSWERED);
      assertThat(t.answeredBy()).isEqualTo(d.object());
      assertThat(t.answeredBy().orElseThrow().name()).startsWith("kubia-");
      assertThat(t.servicesTraversed()).as("the DNS query's Service, then the request's")
          .containsExactly(ObjectRef.service("kube-system", "kube-dns"), ObjectRef.service("default", "kubia"));
      assertThat(t.resolvedNames()).containsExactly("kubia");
      assertThat(t.dnsAnswers()).containsExactly(
          new DnsAnswer("kubia", "kubia.default.svc.cluster.local.", List.of(NetTestClusters.KUBIA_IP)));
      TraceHop dnat = hops(t, Action.DNAT).stream()
          .filter(h -> h.object().equals(Optional.of(ObjectRef.service("default", "kubia")))).findFirst().orElseThrow();
      assertThat(dnat.rule().orElseThrow()).startsWith("KUBE-SVC-").contains(" / KUBE-SEP-");
      assertThat(hops(t, Action.DELIVER)).anySatisfy(h -> assertThat(h.object()).isEqualTo(t.answeredBy()));
      assertThat(t.nodesCrossed()).startsWith("node-1");
    }
  }

  @Test
  void theClusterDnsQueryIsDnatedByTheKubeDnsService() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      Trace t = curl(c, "default/client", "http://kubia");

      assertThat(hops(t, Action.DNAT)).extracting(h -> h.object().orElseThrow())
          .contains(ObjectRef.service("kube-system", "kube-dns"));
      assertThat(hops(t, Action.RESOLVE)).filteredOn(h -> h.dns().isPresent()).hasSize(1);
    }
  }

  @Test
  void aServiceWithoutEndpointsIsRefusedByTheServiceForNoEndpoints() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      Trace t = curl(c, "default/client", "http://" + NetTestClusters.EMPTY_IP);

      Disposition d = t.disposition();
      assertThat(d.kind()).isEqualTo(Disposition.Kind.REFUSED);
      assertThat(d.cause()).isEqualTo(Cause.NO_ENDPOINTS);
      assertThat(d.object()).contains(ObjectRef.service("default", "empty"));
      assertThat(hops(t, Action.REJECT)).singleElement().satisfies(h -> {
        assertThat(h.object()).contains(ObjectRef.service("default", "empty"));
        assertThat(h.rule()).isPresent();
      });
      assertThat(t.answeredBy()).isEmpty();
      assertThat(t.servicesTraversed()).isEmpty();
    }
  }

  @Test
  void aPortNothingListensOnIsRefusedByThePodForNothingListening() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      Trace t = curl(c, "default/client", "http://10.244.2.20:9999");

      assertThat(t.disposition().kind()).isEqualTo(Disposition.Kind.REFUSED);
      assertThat(t.disposition().cause()).isEqualTo(Cause.NOTHING_LISTENING);
      assertThat(t.disposition().object()).contains(ObjectRef.pod("default", "kubia-b"));
      assertThat(t.nodesCrossed()).containsExactly("node-1", "node-2");
    }
  }

  @Test
  void anUnknownNameIsNxdomain() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      Trace t = curl(c, "default/client", "http://nonexistent");

      assertThat(t.disposition().kind()).isEqualTo(Disposition.Kind.NXDOMAIN);
      assertThat(t.disposition().cause()).isEqualTo(Cause.NXDOMAIN);
      assertThat(t.disposition().object().orElseThrow().name()).startsWith("coredns-");
      assertThat(t.dnsAnswers()).isEmpty();
    }
  }

  @Test
  void aNetworkPolicyDropNamesThePolicyOnTheHopAndTheDisposition() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      c.apply("""
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: deny-kubia}
          spec:
            podSelector: {matchLabels: {app: kubia}}
            policyTypes: [Ingress]
          """);
      Trace t = curl(c, "default/client", "http://10.244.2.20:8080");

      ObjectRef policy = ObjectRef.of("networkpolicy", "default", "deny-kubia");
      assertThat(t.disposition().kind()).isEqualTo(Disposition.Kind.TIMED_OUT);
      assertThat(t.disposition().cause()).isEqualTo(Cause.POLICY_DENIED);
      assertThat(t.disposition().object()).contains(policy);
      assertThat(hops(t, Action.DROP)).allSatisfy(h -> {
        assertThat(h.object()).contains(policy);
        assertThat(h.rule()).as("an isolating policy has no admitting rule").isEmpty();
      });
    }
  }

  @Test
  void anAdmittingNetworkPolicyRuleIsNamedOnTheAcceptHop() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      c.apply("""
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: allow-client}
          spec:
            podSelector: {matchLabels: {app: kubia}}
            policyTypes: [Ingress]
            ingress:
            - from:
              - podSelector: {matchLabels: {app: nobody}}
              - podSelector: {}
          """);
      Trace t = curl(c, "default/client", "http://10.244.2.20:8080");

      assertThat(t.disposition().kind()).as("seed %d", SEED).isEqualTo(Disposition.Kind.DELIVERED);
      assertThat(hops(t, Action.ACCEPT)).anySatisfy(h -> {
        assertThat(h.object()).contains(ObjectRef.of("networkpolicy", "default", "allow-client"));
        assertThat(h.rule()).contains("ingress[0].from[1]");
      });
    }
  }

  @Test
  void aNodeThatIsDownIsNamedWithCauseNodeDown() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      c.kubelet("node-2").orElseThrow().stop();
      Trace t = curl(c, "default/client", "http://10.244.2.20:8080");

      assertThat(t.disposition().kind()).isEqualTo(Disposition.Kind.TIMED_OUT);
      assertThat(t.disposition().cause()).isEqualTo(Cause.NODE_DOWN);
      assertThat(t.disposition().object()).contains(ObjectRef.node("node-2"));
      assertThat(hops(t, Action.LOST)).allSatisfy(h -> assertThat(h.object()).contains(ObjectRef.node("node-2")));
    }
  }

  @Test
  void toStringsLeaveAbsentPartsOut() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      Trace t = curl(c, "default/client", "http://" + NetTestClusters.EMPTY_IP);

      assertThat(t.disposition().toString()).startsWith("REFUSED (NO_ENDPOINTS) by service/default/empty: ");
      assertThat(t.hops()).allSatisfy(h -> assertThat(h.toString()).doesNotContain("Optional"));
      assertThat(hops(t, Action.REJECT).get(0).toString()).contains(" REJECT ", "[service/default/empty ");
    }
  }
}
