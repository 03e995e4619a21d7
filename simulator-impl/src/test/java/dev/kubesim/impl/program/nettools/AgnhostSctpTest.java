package dev.kubesim.impl.program.nettools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ReachabilityMatrix;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.impl.cluster.SimCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SCTP through the packet network: agnhost's {@code connect --protocol=sctp} against {@code porter}'s
 * {@code SERVE_SCTP_PORT_N}, through a Service, kube-proxy's REJECT and a NetworkPolicy.
 */
class AgnhostSctpTest {
  private static final String AGNHOST = "registry.k8s.io/e2e-test-images/agnhost:2.52";

  private static SimCluster cluster() {
    SimCluster c = (SimCluster) KubeSim.cluster().nodes(2).seed(1).build();
    c.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: client, labels: {app: client}}
        spec:
          nodeName: node-1
          containers: [{name: agnhost, image: %1$s, command: [/agnhost, pause]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: server, labels: {app: server}, annotations: {kubesim.dev/pod-ip: "10.244.2.20"}}
        spec:
          nodeName: node-2
          containers:
          - name: agnhost
            image: %1$s
            command: [/agnhost, porter]
            env: [{name: SERVE_SCTP_PORT_80, value: foo}]
            ports: [{containerPort: 80, protocol: SCTP}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: server}
        spec:
          selector: {app: server}
          ports: [{port: 8080, targetPort: 80, protocol: SCTP}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: nobody}
        spec:
          selector: {app: nobody}
          ports: [{port: 80, protocol: SCTP}]
        """.formatted(AGNHOST));
    c.advance(Duration.ofSeconds(30));
    return c;
  }

  private static ExecResult connect(SimCluster c, String dest, String... flags) {
    List<String> argv = new java.util.ArrayList<>(List.of("/agnhost", "connect", dest, "--protocol=sctp"));
    argv.addAll(List.of(flags));
    return c.exec("client", "agnhost", argv);
  }

  @Test
  void associationThroughAServiceIsEstablishedAndTheServerAnswers() {
    try (SimCluster c = cluster()) {
      ExecResult r = connect(c, "server:8080", "--timeout=1s");

      assertThat(r.exitCode()).isZero();
      assertThat(r.stderr()).isEmpty();
      Trace t = c.traces().get(c.traces().size() - 1);
      assertThat(t.render()).contains("[INIT]", "[INIT ACK]", "[COOKIE ECHO]", "[COOKIE ACK]", "[DATA] data: 9 bytes",
          "[DATA] data: 3 bytes", "[SHUTDOWN]", "[SHUTDOWN ACK]", "[SHUTDOWN COMPLETE]");
      assertThat(t.disposition().kind()).isEqualTo(Disposition.Kind.DELIVERED);
    }
  }

  @Test
  void portWhereNothingListensAbortsTheAssociation() {
    try (SimCluster c = cluster()) {
      ExecResult r = connect(c, "10.244.2.20:81", "--timeout=1s");

      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.stderr()).isEqualTo("OTHER: connection refused\n");
      assertThat(c.traces().get(c.traces().size() - 1).render()).contains("[ABORT]");
    }
  }

  @Test
  void serviceWithoutEndpointsIsRefusedByKubeProxysReject() {
    try (SimCluster c = cluster()) {
      ExecResult r = connect(c, "nobody:80", "--timeout=1s");

      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.stderr()).isEqualTo("OTHER: connection refused\n");
      assertThat(c.traces().get(c.traces().size() - 1).disposition().cause()).isEqualTo(Disposition.Cause.NO_ENDPOINTS);
    }
  }

  @Test
  void withoutAPositiveTimeoutTheClientGivesUpAtOnce() {
    try (SimCluster c = cluster()) {
      ExecResult r = connect(c, "server:8080");

      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.stderr()).isEqualTo("TIMEOUT\n");
    }
  }

  @Test
  void networkPolicyDenyingIngressTimesTheAssociationOut() {
    try (SimCluster c = cluster()) {
      c.apply("""
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: deny}
          spec: {podSelector: {matchLabels: {app: server}}, policyTypes: [Ingress]}
          """);
      ExecResult r = connect(c, "server:8080", "--timeout=1s");
      ReachabilityMatrix m = c.reachability(List.of("client", "server"), 80, "SCTP");

      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.stderr()).isEqualTo("TIMEOUT\n");
      assertThat(m.explain("default/client", "default/server")).contains("X CLIENT_TIMEOUT by networkpolicy/default/deny");
    }
  }

  @Test
  void policyPortsAdmitSctpOnlyWhenTheyNameSctp() {
    try (SimCluster c = cluster()) {
      c.apply("""
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: allow}
          spec:
            podSelector: {matchLabels: {app: server}}
            policyTypes: [Ingress]
            ingress: [{ports: [{port: 80}]}]
          """);
      ReachabilityMatrix tcpOnly = c.reachability(List.of("client", "server"), 80, "SCTP");
      c.apply("""
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: allow}
          spec:
            podSelector: {matchLabels: {app: server}}
            policyTypes: [Ingress]
            ingress: [{ports: [{port: 80, protocol: SCTP}]}]
          """);
      ReachabilityMatrix sctp = c.reachability(List.of("client", "server"), 80, "SCTP");

      assertThat(tcpOnly.explain("default/client", "default/server")).contains("X CLIENT_TIMEOUT by networkpolicy/default/allow");
      assertThat(sctp.explain("default/client", "default/server")).contains("associated with pod/default/server");
    }
  }

  @Test
  void reachabilityMatrixProbesSctp() {
    try (SimCluster c = cluster()) {
      ReachabilityMatrix m = c.reachability(List.of("client", "server"), 80, "SCTP");

      assertThat(m.explain("default/client", "default/server")).contains("associated with pod/default/server");
      assertThat(m.blocked()).singleElement().satisfies(cell -> assertThat(cell.from()).isEqualTo("default/server"));
    }
  }
}
