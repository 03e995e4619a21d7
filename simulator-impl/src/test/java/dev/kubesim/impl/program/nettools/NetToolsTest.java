package dev.kubesim.impl.program.nettools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.NetTestClusters;
import org.junit.jupiter.api.Test;

/** wget, nslookup, dig and ping as the images' own tools print them. */
class NetToolsTest {
  private static final long SEED = 1;

  @Test
  void busyboxWgetPrintsTheBody() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/busybox", "wget", "-q", "-O", "-", "http://kubia.default.svc.cluster.local");
      assertThat(r.exitCode()).isZero();
      assertThat(r.stdout()).matches("You've hit kubia-[abc]\n");
    }
  }

  @Test
  void busyboxWgetReportsARefusalInItsOwnWords() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/busybox", "wget", "-q", "-O", "-", "http://" + NetTestClusters.EMPTY_IP);
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.stderr()).isEqualTo("wget: can't connect to remote host (10.96.1.6): Connection refused\n");
      ExecResult unknown = c.exec("default/busybox", "wget", "-q", "-O", "-", "http://nonexistent.default.svc.cluster.local");
      assertThat(unknown.stderr()).isEqualTo("wget: bad address 'nonexistent.default.svc.cluster.local'\n");
    }
  }

  @Test
  void bindNslookupWalksTheSearchList() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/dnsutils", "nslookup", "kubia");
      assertThat(r.exitCode()).isZero();
      assertThat(r.stdout()).isEqualTo("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n"
          + "Name:\tkubia.default.svc.cluster.local\nAddress: 10.96.1.5\n\n");
      ExecResult missing = c.exec("default/dnsutils", "nslookup", "nonexistent");
      assertThat(missing.exitCode()).isEqualTo(1);
      assertThat(missing.stdout()).isEqualTo("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n"
          + "** server can't find nonexistent: NXDOMAIN\n\n");
    }
  }

  @Test
  void digShowsTheSectionsAndShortTheData() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      assertThat(c.exec("default/dnsutils", "dig", "+short", "kubia.default.svc.cluster.local").stdout()).isEqualTo("10.96.1.5\n");
      String full = c.exec("default/dnsutils", "dig", "kubia.default.svc.cluster.local").stdout();
      assertThat(full).startsWith("\n; <<>> DiG 9.9.5-3ubuntu0.19-Ubuntu <<>> kubia.default.svc.cluster.local\n;; global options: +cmd\n;; Got answer:\n")
          .contains(";; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0\n;; WARNING: recursion requested but not available\n")
          .contains(";; QUESTION SECTION:\n;kubia.default.svc.cluster.local. IN\tA\n")
          .contains(";; ANSWER SECTION:\nkubia.default.svc.cluster.local. 30 IN\tA\t10.96.1.5\n")
          .contains(";; SERVER: 10.96.0.10#53(10.96.0.10)\n");
    }
  }

  @Test
  void iputilsPingOnDebianImages() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/kubia-a", "ping", "-c", "2", "10.244.3.20");
      assertThat(r.stdout()).isEqualTo("PING 10.244.3.20 (10.244.3.20) 56(84) bytes of data.\n"
          + "64 bytes from 10.244.3.20: icmp_seq=1 ttl=62 time=0.600 ms\n"
          + "64 bytes from 10.244.3.20: icmp_seq=2 ttl=62 time=0.600 ms\n\n"
          + "--- 10.244.3.20 ping statistics ---\n"
          + "2 packets transmitted, 2 received, 0% packet loss, time 1000ms\n"
          + "rtt min/avg/max/mdev = 0.600/0.600/0.600/0.000 ms\n");
      assertThat(c.exec("default/kubia-a", "ping", "-c", "1", "nonexistent").stderr())
          .isEqualTo("ping: nonexistent: Name or service not known\n");
    }
  }

  @Test
  void legacyCurlWordsARefusalAsCurl738Did() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/kubia-a", "curl", "-sS", "http://" + NetTestClusters.EMPTY_IP);
      assertThat(r.exitCode()).isEqualTo(7);
      assertThat(r.stderr()).isEqualTo("curl: (7) Failed to connect to 10.96.1.6 port 80: Connection refused\n");
    }
  }

  @Test
  void curlRefusesUnknownOptionsAndMissingUrls() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/client", "curl", "--bogus", "http://kubia");
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.stderr()).isEqualTo("curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
      assertThat(c.exec("default/client", "curl", "-s").stderr()).startsWith("curl: no URL specified!\n");
    }
  }
}
