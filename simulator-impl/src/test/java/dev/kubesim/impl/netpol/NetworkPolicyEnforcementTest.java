package dev.kubesim.impl.netpol;

import dev.kubesim.api.ObjectRef;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.trace.TraceHop;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.NetTestClusters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NetworkPolicy in the packet path: isolation per direction, after DNAT, replies by conntrack, the deciding rule named. */
class NetworkPolicyEnforcementTest {
  private static final long SEED = 7;
  private static final String DENY_KUBIA_INGRESS = """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: deny-kubia}
      spec:
        podSelector: {matchLabels: {app: kubia}}
        policyTypes: [Ingress]
      """;

  private static ExecResult curl(SimCluster c, String url) {
    return c.exec("default/client", "curl", "-s", "--max-time", "2", url);
  }

  private static List<TraceHop> hops(ExecResult r, String action) {
    return r.trace().orElseThrow().hops().stream().filter(h -> h.action().name().equals(action)).toList();
  }

  @Test
  void podWithoutPoliciesIsOpen() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = curl(c, "http://10.244.2.20:8080");

      assertThat(r.exitCode()).as("seed %d", SEED).isZero();
      assertThat(r.stdout()).isEqualTo("You've hit kubia-b\n");
    }
  }

  @Test
  void ingressIsolatedPodDropsNewConnectionsAndTheTraceNamesThePolicy() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      c.apply(DENY_KUBIA_INGRESS);

      ExecResult r = curl(c, "http://10.244.2.20:8080");

      assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(28);
      assertThat(hops(r, "DROP")).first().satisfies(h -> {
        assertThat(h.node()).as("ingress is judged on the server's node").isEqualTo("node-2");
        assertThat(h.where()).isEqualTo("filter FORWARD");
        assertThat(h.reason()).isEqualTo("NetworkPolicy default/deny-kubia isolates default/kubia-b for ingress and no rule"
            + " admits TCP 10.244.1.10 -> default/kubia-b:8080");
      });
      Trace t = r.trace().orElseThrow();
      assertThat(t.disposition().kind()).isEqualTo(Disposition.Kind.TIMED_OUT);
      assertThat(t.disposition().object()).contains(ObjectRef.of("networkpolicy", "default", "deny-kubia"));
      assertThat(t.disposition().cause()).isEqualTo(Disposition.Cause.POLICY_DENIED);
    }
  }

  @Test
  void policyOnAServicesPodsGovernsTrafficThroughTheServiceAfterDnat() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      c.apply(DENY_KUBIA_INGRESS);

      ExecResult r = curl(c, "http://" + NetTestClusters.SOLO_IP);

      assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(28);
      assertThat(hops(r, "DNAT")).isNotEmpty();
      assertThat(hops(r, "DROP")).first().satisfies(h -> assertThat(h.packet().orElseThrow().destination())
          .as("judged on the endpoint's pod IP").isEqualTo("10.244.1.20"));
    }
  }

  @Test
  void anAdmittingRuleIsNamedInTheTraceAndTheConnectionWorks() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      c.apply(DENY_KUBIA_INGRESS + """
          ---
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: allow-client}
          spec:
            podSelector: {matchLabels: {app: kubia}}
            ingress:
            - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.244.3.0/24]}}]
              ports: [{port: 9999}]
            - from: [{ipBlock: {cidr: 10.244.1.0/24}}]
              ports: [{protocol: TCP, port: 8000, endPort: 8080}]
          """);

      ExecResult r = curl(c, "http://10.244.2.20:8080");

      assertThat(r.exitCode()).as("seed %d", SEED).isZero();
      assertThat(hops(r, "ACCEPT")).extracting(TraceHop::reason).containsExactly(
          "NetworkPolicy default/allow-client ingress[1].from[0] admits TCP 10.244.1.10 -> default/kubia-b:8080");
    }
  }

  @Test
  void repliesOfAnAdmittedConnectionPassAnEgressIsolatedServer() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      c.apply("""
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: no-egress}
          spec:
            podSelector: {matchLabels: {app: kubia}}
            policyTypes: [Egress]
          """);

      ExecResult r = curl(c, "http://10.244.2.20:8080");

      assertThat(r.exitCode()).as("seed %d: conntrack lets the reply out", SEED).isZero();
      assertThat(hops(r, "DROP")).isEmpty();
    }
  }

  @Test
  void egressIsolationStopsTheClientsDnsQueries() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      c.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: shy, labels: {role: shy}}
          spec:
            nodeName: node-1
            containers: [{name: main, image: tutum/dnsutils, command: [sleep, infinity]}]
          ---
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: no-egress}
          spec:
            podSelector: {matchLabels: {role: shy}}
            policyTypes: [Egress]
          """);
      c.advance(java.time.Duration.ofSeconds(30));

      ExecResult r = c.exec("default/shy", "dig", "+short", "+time=1", "+tries=1", "kubia.default.svc.cluster.local");

      assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(9);
      assertThat(hops(r, "DROP")).first().satisfies(h -> {
        assertThat(h.node()).as("egress is judged on the client's node").isEqualTo("node-1");
        assertThat(h.reason()).startsWith("NetworkPolicy default/no-egress isolates default/shy for egress");
      });
    }
  }

  @Test
  void deletingThePolicyStopsEnforcement() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      c.apply(DENY_KUBIA_INGRESS);
      assertThat(curl(c, "http://10.244.2.20:8080").exitCode()).isEqualTo(28);

      c.kubectl("delete networkpolicy deny-kubia");

      assertThat(curl(c, "http://10.244.2.20:8080").exitCode()).as("seed %d", SEED).isZero();
    }
  }

  @Test
  void trafficFromThePodsOwnNodeIsAlwaysAllowed() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      c.apply(DENY_KUBIA_INGRESS + """
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: on-node-2}
          spec:
            nodeName: node-2
            hostNetwork: true
            containers: [{name: main, image: curlimages/curl, command: [sleep, "999999"]}]
          """);
      c.advance(java.time.Duration.ofSeconds(30));

      ExecResult r = c.exec("default/on-node-2", "curl", "-s", "--max-time", "2", "http://10.244.2.20:8080");

      assertThat(r.exitCode()).as("seed %d", SEED).isZero();
    }
  }
}
