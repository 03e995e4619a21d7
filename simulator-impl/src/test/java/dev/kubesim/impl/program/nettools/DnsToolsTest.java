package dev.kubesim.impl.program.nettools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.NetTestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BusyBox's and BIND's nslookup and dig against the cluster's DNS, their output as the real tools
 * print it: BusyBox 1.36 networking/nslookup.c (its own resolver), BIND 9 dig.c and nslookup.c.
 */
class DnsToolsTest {
  private static SimCluster cluster;

  @BeforeAll
  static void start() {
    cluster = NetTestClusters.build(11);
    cluster.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          clusterIP: 10.96.1.9
          selector: {app: kubia}
          ports: [{name: http, port: 80, targetPort: 8080}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: busybox128}
        spec:
          nodeName: node-1
          containers: [{name: main, image: "busybox:1.28", command: [sleep, "3600"]}]
        """);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static ExecResult busybox(String... argv) {
    return cluster.exec("default/busybox", argv);
  }

  private static ExecResult dnsutils(String... argv) {
    return cluster.exec("default/dnsutils", argv);
  }

  @Test
  void busyboxNslookupAsksAShortNameUnderEverySearchDomainAndFailsOnAnyNxdomain() {
    // add_query_with_search: a name without a dot goes out under each search domain, A then AAAA;
    // each reply is printed with an empty line after it, and any NXDOMAIN sets the exit code
    ExecResult r = busybox("nslookup", "kubia");
    assertThat(r.stdout()).isEqualTo("""
        Server:\t\t10.96.0.10
        Address:\t10.96.0.10:53

        Name:\tkubia.default.svc.cluster.local
        Address: 10.96.1.5

        ** server can't find kubia.svc.cluster.local: NXDOMAIN

        ** server can't find kubia.cluster.local: NXDOMAIN


        ** server can't find kubia.svc.cluster.local: NXDOMAIN

        ** server can't find kubia.cluster.local: NXDOMAIN

        """);
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void busyboxNslookupAsksANameWithADotOnlyAsGiven() {
    ExecResult r = busybox("nslookup", "kubia.default.svc.cluster.local");
    assertThat(r.stdout()).isEqualTo("""
        Server:\t\t10.96.0.10
        Address:\t10.96.0.10:53

        Name:\tkubia.default.svc.cluster.local
        Address: 10.96.1.5


        """);
    assertThat(r.exitCode()).isZero();
    ExecResult missing = busybox("nslookup", "kubernetes.default");
    assertThat(missing.stdout()).contains("** server can't find kubernetes.default: NXDOMAIN\n");
    assertThat(missing.exitCode()).isEqualTo(1);
  }

  @Test
  void busyboxNslookupPrintsServiceRecords() {
    ExecResult r = busybox("nslookup", "-type=srv", "_http._tcp.web.default.svc.cluster.local");
    assertThat(r.stdout()).isEqualTo("""
        Server:\t\t10.96.0.10
        Address:\t10.96.0.10:53

        _http._tcp.web.default.svc.cluster.local\tservice = 0 100 80 web.default.svc.cluster.local

        """);
  }

  @Test
  void busybox128NslookupAsksTheCLibraryAndNamesEachAddress() {
    // BusyBox 1.28 networking/nslookup.c: print_host's "%-10s %s" and "Address %u: %s %s", as in
    // Kubernetes' "Debugging DNS Resolution" page
    ExecResult r = cluster.exec("default/busybox128", "nslookup", "kubernetes.default");
    assertThat(r.stdout()).isEqualTo("""
        Server:    10.96.0.10
        Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

        Name:      kubernetes.default
        Address 1: 10.96.0.1 kubernetes.default.svc.cluster.local
        """);
    assertThat(r.exitCode()).isZero();
    ExecResult missing = cluster.exec("default/busybox128", "nslookup", "nothing-here");
    assertThat(missing.stderr()).isEqualTo("nslookup: can't resolve 'nothing-here'\n");
    assertThat(missing.exitCode()).isEqualTo(1);
  }

  @Test
  void digTakesTheTypeBeforeOrAfterTheName() {
    String expected = "0 100 80 web.default.svc.cluster.local.\n";
    assertThat(dnsutils("dig", "SRV", "_http._tcp.web.default.svc.cluster.local", "+short").stdout()).isEqualTo(expected);
    assertThat(dnsutils("dig", "+short", "_http._tcp.web.default.svc.cluster.local", "srv").stdout()).isEqualTo(expected);
    assertThat(dnsutils("dig", "-t", "SRV", "+short", "_http._tcp.web.default.svc.cluster.local").stdout()).isEqualTo(expected);
    assertThat(dnsutils("dig", "@10.96.0.10", "+short", "web.default.svc.cluster.local").stdout()).isEqualTo("10.96.1.9\n");
  }

  @Test
  void digShowsTheServiceRecordAndItsTargetsAddress() {
    String full = dnsutils("dig", "SRV", "_http._tcp.web.default.svc.cluster.local").stdout();
    assertThat(full).contains(";; QUESTION SECTION:\n;_http._tcp.web.default.svc.cluster.local. IN SRV\n");
    assertThat(full).contains(";; ANSWER SECTION:\n_http._tcp.web.default.svc.cluster.local. 30 IN SRV 0 100 80 web.default.svc.cluster.local.\n");
    assertThat(full).contains(";; ADDITIONAL SECTION:\nweb.default.svc.cluster.local. 30 IN\tA\t10.96.1.9\n");
  }

  @Test
  void bindNslookupPrintsServiceRecordsWithTheirDots() {
    ExecResult r = dnsutils("nslookup", "-type=srv", "_http._tcp.web");
    assertThat(r.stdout()).isEqualTo("""
        Server:\t\t10.96.0.10
        Address:\t10.96.0.10#53

        _http._tcp.web.default.svc.cluster.local\tservice = 0 100 80 web.default.svc.cluster.local.

        """);
  }
}
