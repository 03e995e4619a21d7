package dev.kubesim.impl.program.nettools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.NetTestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * nc over the simulated network, in BusyBox's words (networking/nc_bloaty.c, BusyBox 1.36) and in
 * OpenBSD netcat's as Debian ships it (netcat.c: connection_info and remote_connect's warnings).
 */
class NetcatTest {
  private static final String AGNHOST = "registry.k8s.io/e2e-test-images/agnhost:2.52";
  private static SimCluster cluster;

  @BeforeAll
  static void start() {
    cluster = NetTestClusters.build(5);
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: tcp
          annotations: {kubesim.dev/pod-ip: "10.244.1.30"}
        spec:
          nodeName: node-1
          containers:
          - name: agnhost
            image: %1$s
            command: [/agnhost, serve-hostname, --tcp, --http=false, --port, '9376']
            ports: [{containerPort: 9376}]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: udp
          annotations: {kubesim.dev/pod-ip: "10.244.2.30"}
        spec:
          nodeName: node-2
          containers:
          - name: agnhost
            image: %1$s
            command: [/agnhost, serve-hostname, --udp, --http=false, --port, '9376']
            ports: [{containerPort: 9376, protocol: UDP}]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: debian
          annotations: {kubesim.dev/pod-ip: "10.244.3.30"}
        spec:
          nodeName: node-3
          containers: [{name: main, image: debian:12, command: [sleep, infinity]}]
        """.formatted(AGNHOST));
    // netcat-openbsd installed in the Debian pod, as apt-get install would leave it
    cluster.exec("default/debian", "sh", "-c", "touch /usr/bin/nc && chmod 755 /usr/bin/nc");
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static ExecResult busybox(String script) {
    return cluster.exec("default/busybox", "sh", "-c", script);
  }

  private static ExecResult openbsd(String script) {
    return cluster.exec("default/debian", "sh", "-c", script);
  }

  @Test
  void busyboxZeroIoScanSaysOpenWithV() {
    ExecResult r = busybox("nc -z -v kubia 80");
    assertThat(r.stderr()).isEqualTo("kubia (10.96.1.5:80) open\n");
    assertThat(r.exitCode()).isZero();
    assertThat(busybox("nc -z kubia 80").stderr()).isEmpty();
  }

  @Test
  void aConnectionLeavesItsTraceOnTheExec() {
    dev.kubesim.api.trace.Trace open = busybox("nc -z kubia 80").trace().orElseThrow();
    assertThat(open.title()).isEqualTo("nc -z kubia 80 in pod default/busybox");
    assertThat(open.disposition().kind()).isEqualTo(dev.kubesim.api.trace.Disposition.Kind.DELIVERED);
    assertThat(open.dnsAnswers()).isNotEmpty();
    dev.kubesim.api.trace.Trace refused = busybox("nc -z empty 80").trace().orElseThrow();
    assertThat(refused.disposition().kind()).isEqualTo(dev.kubesim.api.trace.Disposition.Kind.REFUSED);
  }

  @Test
  void busyboxWordsARefusalOnlyAtTwoVs() {
    ExecResult once = busybox("nc -zv empty 80");
    assertThat(once.stderr()).isEmpty();
    assertThat(once.exitCode()).isEqualTo(1);
    ExecResult twice = busybox("nc -z -vv empty 80");
    assertThat(twice.stderr()).isEqualTo("nc: empty (10.96.1.6:80): Connection refused\nsent 0, rcvd 0\n");
    assertThat(twice.exitCode()).isEqualTo(1);
  }

  @Test
  void busyboxTimesOutAfterW() {
    ExecResult r = busybox("nc -z -v -w 2 10.244.2.99 80");
    assertThat(r.stderr()).isEqualTo("nc: 10.244.2.99 (10.244.2.99:80): Connection timed out\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void busyboxDiesOnANameThatDoesNotResolve() {
    ExecResult r = busybox("nc nothing-here 80");
    assertThat(r.stderr()).isEqualTo("nc: bad address 'nothing-here'\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void standardInputGoesOutAndTheReplyIsPrinted() {
    assertThat(busybox("echo hi | nc 10.244.1.30 9376").stdout()).isEqualTo("tcp");
    ExecResult http = busybox("printf 'GET / HTTP/1.1\\r\\nHost: kubia\\r\\n\\r\\n' | nc kubia 80");
    // kubia (Node's http) answers in chunks, and nc prints the bytes as they came
    assertThat(http.stdout()).startsWith("HTTP/1.1 200 OK\r\n").contains("Transfer-Encoding: chunked\r\n")
        .containsPattern("\r\n\r\n13\r\nYou've hit kubia-[abc]\n\r\n0\r\n\r\n$");
    assertThat(http.exitCode()).isZero();
  }

  @Test
  void udpSendsADatagramAndPrintsTheAnswer() {
    ExecResult r = busybox("echo hi | nc -u -w 1 10.244.2.30 9376");
    assertThat(r.stdout()).isEqualTo("udp");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void openbsdSaysSucceededWithTheServiceName() {
    ExecResult r = openbsd("nc -zv kubia 80");
    assertThat(r.stderr()).isEqualTo("Connection to kubia (10.96.1.5) 80 port [tcp/http] succeeded!\n");
    assertThat(r.exitCode()).isZero();
    assertThat(openbsd("nc -zv 10.244.1.30 9376").stderr())
        .isEqualTo("Connection to 10.244.1.30 9376 port [tcp/*] succeeded!\n");
    // without -v, -z says nothing either way
    assertThat(openbsd("nc -z kubia 80").stderr()).isEmpty();
  }

  @Test
  void openbsdWordsFailuresAsRemoteConnectWarns() {
    ExecResult refused = openbsd("nc -zv empty 80");
    assertThat(refused.stderr()).isEqualTo("nc: connect to empty (10.96.1.6) port 80 (tcp) failed: Connection refused\n");
    assertThat(refused.exitCode()).isEqualTo(1);
    ExecResult timeout = openbsd("nc -zv -w 1 10.244.2.99 80");
    assertThat(timeout.stderr()).isEqualTo("nc: connect to 10.244.2.99 port 80 (tcp) timed out: Operation now in progress\n");
    ExecResult range = openbsd("nc -z 10.244.1.30 9375-9377");
    assertThat(range.exitCode()).as("one port of the range is open").isZero();
    assertThat(openbsd("nc -z empty 80").exitCode()).isEqualTo(1);
    ExecResult unknown = openbsd("nc -zv nothing-here 80");
    assertThat(unknown.stderr()).isEqualTo("nc: getaddrinfo for host \"nothing-here\" port 80: Name or service not known\n");
  }
}
