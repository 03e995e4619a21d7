package dev.kubesim.impl.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.trace.TraceHop;
import dev.kubesim.impl.cluster.SimCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/** curl from a pod to Services: who answers, what refuses, what times out, and the trace of each. */
class CurlThroughServiceTest {
  private static final long SEED = 1;

  @Test
  void curlToClusterIpIsAnsweredByAnEndpoint() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/client", "curl", "-s", "http://" + NetTestClusters.KUBIA_IP);
      assertThat(r.exitCode()).as("seed %d: %s", SEED, r.stderr()).isZero();
      assertThat(r.stdout()).matches("You've hit kubia-[abc]\n");
      Trace t = r.trace().orElseThrow();
      assertThat(t.disposition().kind()).isEqualTo(Disposition.Kind.DELIVERED);
      assertThat(t.disposition().objectText()).isEqualTo("pod/default/" + r.stdout().substring("You've hit ".length()).trim());
      assertThat(t.hops()).anySatisfy(h -> {
        assertThat(h.action().name()).isEqualTo("DNAT");
        assertThat(h.reason()).startsWith("DNAT 10.96.1.5:80 → 10.244.").contains(":8080 by KUBE-SVC-").contains(" / KUBE-SEP-");
      });
    }
  }

  @Test
  void curlByNameResolvesThroughTheClusterDnsOverUdp() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/client", "curl", "-s", "http://kubia");
      assertThat(r.exitCode()).as("seed %d: %s", SEED, r.stderr()).isZero();
      List<TraceHop> hops = r.trace().orElseThrow().hops();
      assertThat(hops).anySatisfy(h -> {
        assertThat(h.action().name()).isEqualTo("DNAT");
        assertThat(h.packet().orElseThrow().protocol()).isEqualTo("UDP");
        assertThat(h.packet().orElseThrow().destination()).isEqualTo("10.96.0.10");
        assertThat(h.packet().orElseThrow().payload()).contains("A? kubia.default.svc.cluster.local.");
      });
      assertThat(hops).anySatisfy(h -> assertThat(h.netns()).startsWith("kube-system/coredns-"));
    }
  }

  @Test
  void serviceWithoutEndpointsRefusesWithCurlExit7() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/client", "curl", "-sS", "http://" + NetTestClusters.EMPTY_IP);
      assertThat(r.exitCode()).isEqualTo(7);
      assertThat(r.stdout()).isEmpty();
      assertThat(r.stderr()).isEqualTo("curl: (7) Failed to connect to 10.96.1.6 port 80 after 0 ms: Couldn't connect to server\n");
      Disposition d = r.trace().orElseThrow().disposition();
      assertThat(d.kind()).isEqualTo(Disposition.Kind.REFUSED);
      assertThat(d.objectText()).isEqualTo("service/default/empty");
      assertThat(d.reason()).isEqualTo("REJECT: service default/empty has no endpoints");
      assertThat(r.trace().orElseThrow().hops()).anySatisfy(h -> {
        assertThat(h.action().name()).isEqualTo("SEND");
        assertThat(h.packet().orElseThrow().flags()).isEqualTo("port unreachable");
      });
    }
  }

  @Test
  void missingListenerOnThePodResetsTheConnection() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/client", "curl", "-sS", "http://10.244.2.20:9999");
      assertThat(r.exitCode()).isEqualTo(7);
      Disposition d = r.trace().orElseThrow().disposition();
      assertThat(d.kind()).isEqualTo(Disposition.Kind.REFUSED);
      assertThat(d.objectText()).isEqualTo("pod/default/kubia-b");
      assertThat(r.trace().orElseThrow().hops()).anySatisfy(h -> assertThat(h.packet().orElseThrow().flags()).isEqualTo("R."));
    }
  }

  @Test
  void unknownNameExitsWith6AfterTheWholeSearchList() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/client", "curl", "-s", "http://nonexistent");
      assertThat(r.exitCode()).isEqualTo(6);
      assertThat(r.stdout()).isEmpty();
      assertThat(r.stderr()).isEmpty();
      assertThat(r.trace().orElseThrow().disposition().kind()).isEqualTo(Disposition.Kind.NXDOMAIN);
      ExecResult loud = c.exec("default/client", "curl", "-sS", "http://nonexistent");
      assertThat(loud.stderr()).isEqualTo("curl: (6) Could not resolve host: nonexistent\n");
    }
  }

  @Test
  void droppedConnectionTimesOutWithExit28() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      // internalTrafficPolicy Local: the client's node (node-1) has the endpoint, busybox's too;
      // kubia-b on node-2 has none, so its node drops the SYN.
      ExecResult r = c.exec("default/kubia-b", "curl", "-sS", "--connect-timeout", "2", "http://" + NetTestClusters.LOCAL_ONLY_IP);
      assertThat(r.exitCode()).isEqualTo(28);
      assertThat(r.stderr()).isEqualTo("curl: (28) Connection timed out after 2000 milliseconds\n");
      assertThat(r.elapsed().toMillis()).isEqualTo(2000);
      Disposition d = r.trace().orElseThrow().disposition();
      assertThat(d.kind()).isEqualTo(Disposition.Kind.TIMED_OUT);
      assertThat(d.objectText()).isEqualTo("service/default/local-only");
      assertThat(r.trace().orElseThrow().hops()).filteredOn(h -> h.action().name().equals("DROP")).hasSize(2);
    }
  }

  @Test
  void theKernelGivesUpAfterSixRetransmissions() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/client", "curl", "-sS", "http://" + NetTestClusters.LOCAL_ONLY_IP.replace(".8", ".9"));
      // 10.96.1.9 is no Service: the SYN leaves by the default route and nobody has the address
      assertThat(r.exitCode()).isEqualTo(28);
      assertThat(r.stderr()).isEqualTo("curl: (28) Failed to connect to 10.96.1.9 port 80 after 127000 ms: Couldn't connect to server\n");
      assertThat(r.trace().orElseThrow().hops()).filteredOn(h -> h.action().name().equals("LOST")).hasSize(7);
    }
  }

  @Test
  void verboseShowsTheRequestAndResponseHeadersAsCurlPrintsThem() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/client", "curl", "-sv", "http://kubia");
      assertThat(r.exitCode()).isZero();
      assertThat(r.stderr()).startsWith("* Host kubia:80 was resolved.\n* IPv6: (none)\n* IPv4: 10.96.1.5\n*   Trying 10.96.1.5:80...\n"
          + "* Connected to kubia (10.96.1.5) port 80\n* using HTTP/1.x\n> GET / HTTP/1.1\r\n> Host: kubia\r\n"
          + "> User-Agent: curl/8.11.1\r\n> Accept: */*\r\n> \r\n* Request completely sent off\n< HTTP/1.1 200 OK\r\n");
      assertThat(r.stderr()).endsWith("< \r\n{ [19 bytes data]\n* Connection #0 to host kubia left intact\n");
    }
  }

  @Test
  void includeShowsTheStatusLineAndWriteOutTheCode() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult i = c.exec("default/client", "curl", "-s", "-i", "http://kubia");
      assertThat(i.stdout()).startsWith("HTTP/1.1 200 OK\r\nDate: ").contains("\r\nTransfer-Encoding: chunked\r\n\r\nYou've hit kubia-");
      ExecResult w = c.exec("default/client", "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://kubia");
      assertThat(w.stdout()).isEqualTo("200");
    }
  }

  @Test
  void withoutSilentCurlWritesItsProgressMeter() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/client", "curl", "http://" + NetTestClusters.EMPTY_IP);
      assertThat(r.stderr()).startsWith("  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n")
          .endsWith("--:--:-- --:--:-- --:--:--     0\ncurl: (7) Failed to connect to 10.96.1.6 port 80 after 0 ms: Couldn't connect to server\n");
    }
  }
}
