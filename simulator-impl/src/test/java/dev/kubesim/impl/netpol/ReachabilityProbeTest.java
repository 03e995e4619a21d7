package dev.kubesim.impl.netpol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.ReachabilityMatrix;
import dev.kubesim.impl.cluster.SimCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The all-pairs matrix: real connections through the packet path, printed as the conformance format writes it. */
class ReachabilityProbeTest {
  private static final long SEED = 3;

  private static String pod(String ns, String name) {
    return """
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: %s, labels: {pod: %s}}
        spec:
          containers:
          - name: c
            image: registry.k8s.io/e2e-test-images/agnhost:2.52
            command: [/agnhost, serve-hostname, --tcp, --http=false, --port, '80']
            ports: [{containerPort: 80}]
        """.formatted(name, ns, name);
  }

  private static SimCluster cluster() {
    SimCluster c = (SimCluster) KubeSim.cluster().nodes(2).seed(SEED).build();
    c.apply("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: x}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: y}
        """ + pod("x", "a") + pod("x", "b") + pod("y", "a"));
    c.advance(Duration.ofSeconds(30));
    return c;
  }

  @Test
  void everyPairConnectsWithoutPolicies() {
    try (SimCluster c = cluster()) {
      ReachabilityMatrix m = c.reachabilityOf(List.of(), 80, "TCP");

      assertThat(m.render()).isEqualTo("""
          -   x/a x/b y/a
          x/a -   .   .
          x/b .   -   .
          y/a .   .   -
          """);
      assertThat(m.blocked()).isEmpty();
    }
  }

  @Test
  void aDefaultDenyIngressPolicyClosesItsNamespaceAndTheCellSaysWhy() {
    try (SimCluster c = cluster()) {
      c.apply("""
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: deny-ingress, namespace: x}
          spec:
            podSelector: {}
            policyTypes: [Ingress]
          """);

      ReachabilityMatrix m = c.reachability(List.of("x/a", "x/b", "y/a"), 80, "TCP");

      assertThat(m.render()).as("seed %d", SEED).isEqualTo("""
          -   x/a x/b y/a
          x/a -   X   .
          x/b X   -   .
          y/a X   X   -
          """);
      assertThat(m.explain("y/a", "x/b")).startsWith("y/a -> x/b 80/TCP: X CLIENT_TIMEOUT by networkpolicy/x/deny-ingress: "
          + "NetworkPolicy x/deny-ingress isolates x/b for ingress and no rule admits TCP ");
      assertThat(m.allowed("x/a", "y/a")).isTrue();
    }
  }

  @Test
  void nothingListeningOnThePortIsBlockedToo() {
    try (SimCluster c = cluster()) {
      ReachabilityMatrix m = c.reachability(List.of("x/a", "y/a"), 81, "TCP");

      assertThat(m.blocked()).hasSize(2);
      assertThat(m.explain("x/a", "y/a")).contains("REFUSED by pod/y/a: nothing listens on TCP port 81");
    }
  }

  @Test
  void unknownPodsAndProtocolsAreRefused() {
    try (SimCluster c = cluster()) {
      assertThatThrownBy(() -> c.reachability(List.of("x/a", "x/nope"), 80, "TCP"))
          .isInstanceOf(NotFoundException.class).hasMessage("pods \"nope\" not found");
      assertThatThrownBy(() -> c.reachability(List.of("x/a"), 80, "ICMP"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the matrix probes TCP, UDP or SCTP");
    }
  }
}
