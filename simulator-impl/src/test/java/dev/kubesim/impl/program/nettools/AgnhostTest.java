package dev.kubesim.impl.program.nettools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.ContainerStatus;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.DataPayload;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Payload;
import dev.kubesim.impl.net.TcpConnection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * agnhost's {@code connect} and {@code serve-hostname} over the packet network, as
 * test/images/agnhost/connect/connect.go and serve-hostname/serve_hostname.go behave.
 */
class AgnhostTest {
  private static final long SEED = 1;
  private static final String AGNHOST = "registry.k8s.io/e2e-test-images/agnhost:2.52";
  private static final String TCP_SERVER = "10.244.1.20";
  private static final String UDP_SERVER = "10.244.2.20";
  /** In node-2's pod CIDR, but no pod has it: packets to it are lost. */
  private static final String NOBODY = "10.244.2.99";

  private static SimCluster cluster() {
    SimCluster c = (SimCluster) KubeSim.cluster().nodes(2).seed(SEED).build();
    c.apply("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: client
          annotations: {kubesim.dev/pod-ip: "10.244.1.10"}
        spec:
          nodeName: node-1
          containers: [{name: agnhost, image: %1$s, args: [pause]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: tcp
          labels: {app: tcp}
          annotations: {kubesim.dev/pod-ip: "10.244.1.20"}
        spec:
          nodeName: node-1
          containers:
          - name: agnhost
            image: %1$s
            command: [/agnhost, serve-hostname, --tcp, --http=false, --port, '80']
            ports: [{containerPort: 80}]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: udp
          annotations: {kubesim.dev/pod-ip: "10.244.2.20"}
        spec:
          nodeName: node-2
          containers:
          - name: agnhost
            image: %1$s
            command: [/agnhost, serve-hostname, --udp, --http=false, --port, '80']
            ports: [{containerPort: 80, protocol: UDP}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: tcp}
        spec:
          clusterIP: 10.96.1.20
          selector: {app: tcp}
          ports: [{port: 8000, targetPort: 80}]
        """.formatted(AGNHOST));
    c.advance(Duration.ofSeconds(30));
    return c;
  }

  private static ExecResult connect(SimCluster c, String... args) {
    List<String> argv = new java.util.ArrayList<>(List.of("/agnhost", "connect"));
    argv.addAll(List.of(args));
    return c.exec("default/client", "", argv);
  }

  @Test
  void tcpConnectsToAListenerAndExitsZeroSilently() {
    try (SimCluster c = cluster()) {
      ExecResult r = connect(c, TCP_SERVER + ":80", "--timeout=1s", "--protocol=tcp");
      assertThat(r.exitCode()).isZero();
      assertThat(r.stdout()).isEmpty();
      assertThat(r.stderr()).isEmpty();
      assertThat(r.trace()).isPresent();
      // through the Service: kube-proxy DNATs 10.96.1.20:8000 to the pod's port 80
      assertThat(connect(c, "10.96.1.20:8000", "--timeout=1s").exitCode()).isZero();
    }
  }

  @Test
  void tcpIsRefusedWhereNothingListens() {
    try (SimCluster c = cluster()) {
      ExecResult r = connect(c, TCP_SERVER + ":81", "--timeout=1s");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.stderr()).isEqualTo("REFUSED\n");
    }
  }

  @Test
  void tcpTimesOutAtTheTimeoutWhenNobodyHasTheAddress() {
    try (SimCluster c = cluster()) {
      ExecResult r = connect(c, NOBODY + ":80", "--timeout=1s");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.stderr()).isEqualTo("TIMEOUT\n");
      assertThat(r.elapsed()).isEqualTo(Duration.ofSeconds(1));
      ExecResult half = connect(c, NOBODY + ":80", "--timeout", "500ms");
      assertThat(half.stderr()).isEqualTo("TIMEOUT\n");
      assertThat(half.elapsed()).isEqualTo(Duration.ofMillis(500));
    }
  }

  @Test
  void udpIsAnsweredByServeHostnameWhichLogsTheRequest() {
    try (SimCluster c = cluster()) {
      ExecResult r = connect(c, UDP_SERVER + ":80", "--timeout=1s", "--protocol=udp");
      assertThat(r.exitCode()).isZero();
      assertThat(r.stderr()).isEmpty();
      assertThat(c.kubectl("logs udp").stdout())
          .matches("(?s)\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d Serving on port 80\\.\n"
              + "\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d UDP request from 10\\.244\\.1\\.10:\\d+\n");
    }
  }

  @Test
  void udpIsRefusedByAPortUnreachableAndTimesOutInSilenceInGosWords() {
    try (SimCluster c = cluster()) {
      ExecResult refused = connect(c, UDP_SERVER + ":81", "--timeout=1s", "--protocol=udp");
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.stderr())
          .matches("REFUSED: read udp 10\\.244\\.1\\.10:\\d+->10\\.244\\.2\\.20:81: read: connection refused\n");
      ExecResult silent = connect(c, NOBODY + ":80", "--timeout=1s", "--protocol=udp");
      assertThat(silent.exitCode()).isEqualTo(1);
      assertThat(silent.stderr()).matches("TIMEOUT: read udp 10\\.244\\.1\\.10:\\d+->10\\.244\\.2\\.99:80: i/o timeout\n");
      assertThat(silent.elapsed()).isEqualTo(Duration.ofSeconds(1));
      // without --timeout the read never returns
      assertThat(connect(c, NOBODY + ":80", "--protocol=udp").elapsed()).isEqualTo(ExecResult.FOREVER);
    }
  }

  @Test
  void argumentErrorsUseConnectsFixedWords() {
    try (SimCluster c = cluster()) {
      assertThat(connect(c, TCP_SERVER).stderr()).isEqualTo("UNKNOWN: address 10.244.1.20: missing port in address\n");
      assertThat(connect(c, TCP_SERVER, "--protocol=udp").stderr())
          .isEqualTo("DNS: address 10.244.1.20: missing port in address\n");
      assertThat(connect(c, "nope:80", "--timeout=1s").stderr())
          .isEqualTo("DNS: lookup nope on 10.96.0.10:53: no such host\n");
      ExecResult tcpUpper = connect(c, TCP_SERVER + ":80", "--protocol=TCP");
      assertThat(tcpUpper.exitCode()).isEqualTo(1);
      assertThat(tcpUpper.stderr()).isEqualTo("Unsupported protocol\nTCP");
      // cobra prints the flag error and the usage; agnhost ignores Execute's error and exits 0
      ExecResult bogus = connect(c, TCP_SERVER + ":80", "--bogus");
      assertThat(bogus.exitCode()).isZero();
      assertThat(bogus.stderr()).startsWith("Error: unknown flag: --bogus\nUsage:\n  app connect [host:port] [flags]\n");
      assertThat(connect(c, TCP_SERVER + ":80", "--timeout=1").stderr())
          .startsWith("Error: invalid argument \"1\" for \"--timeout\" flag: time: missing unit in duration \"1\"\n");
      assertThat(connect(c).stderr()).startsWith("Error: accepts 1 arg(s), received 0\n");
    }
  }

  @Test
  void serveHostnameOverTcpWritesTheHostnameOnTheConnectionAndLogsIt() {
    try (SimCluster c = cluster()) {
      Network net = c.network();
      TcpConnection.Attempt a = TcpConnection.open(net, net.untracedSession(), net.at("10.244.1.10").orElseThrow(),
          Ip4.parse(TCP_SERVER), 80, Long.MAX_VALUE);
      assertThat(a.connected()).isTrue();
      Optional<Payload> answer = a.connection().send(new DataPayload("hello\n")).answer();
      a.connection().close();
      assertThat(answer).contains(new DataPayload("tcp"));
      assertThat(c.kubectl("logs tcp").stdout()).contains(" TCP request from 10.244.1.10:");
    }
  }

  @Test
  void serveHostnameWithTcpAndHttpTogetherExitsAtOnce() {
    try (SimCluster c = cluster()) {
      c.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: both}
          spec:
            nodeName: node-1
            restartPolicy: Never
            containers:
            - name: agnhost
              image: %s
              command: [/agnhost, serve-hostname, --tcp, --port, '80']
          """.formatted(AGNHOST));
      c.advance(Duration.ofSeconds(30));
      Pod pod = c.get(Pod.class, "default", "both").orElseThrow();
      assertThat(pod.status().flatMap(PodStatus::phase)).contains("Failed");
      ContainerStatus status = pod.status().orElseThrow().containerStatuses().get(0);
      assertThat(status.state().orElseThrow().terminated().orElseThrow().exitCode()).contains(1);
      assertThat(c.kubectl("logs both").stdout())
          .matches("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d Can't server TCP/UDP mode and HTTP mode at the same time\n");
    }
  }
}
