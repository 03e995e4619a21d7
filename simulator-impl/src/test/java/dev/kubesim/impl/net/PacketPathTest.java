package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.TraceHop;
import dev.kubesim.impl.cluster.SimCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How packets move: conntrack, routes between nodes, masquerade, ICMP, nodes that are down. */
class PacketPathTest {
  private static final long SEED = 1;

  @Test
  void replyIsUnNattedThroughConntrack() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/client", "curl", "-s", "http://" + NetTestClusters.SOLO_IP);
      assertThat(r.stdout()).isEqualTo("You've hit kubia-a\n");
      List<TraceHop> hops = r.trace().orElseThrow().hops();
      // the SYN-ACK leaves kubia-a from its own address and reaches the client from the ClusterIP
      assertThat(hops).anySatisfy(h -> {
        assertThat(h.action().name()).isEqualTo("UNDNAT");
        assertThat(h.packet().orElseThrow().source()).isEqualTo("10.244.1.20");
        assertThat(h.rewritten().orElseThrow().source()).isEqualTo("10.96.1.7");
        assertThat(h.rewritten().orElseThrow().sourcePort()).isEqualTo(80);
      });
      assertThat(hops).anySatisfy(h -> {
        assertThat(h.netns()).isEqualTo("default/client");
        assertThat(h.action().name()).isEqualTo("DELIVER");
        assertThat(h.packet().orElseThrow().flags()).isEqualTo("S.");
        assertThat(h.packet().orElseThrow().source()).isEqualTo("10.96.1.7");
      });
      // later segments of the connection are DNAT'd by the entry, not by a new decision
      assertThat(hops).filteredOn(h -> h.action().name().equals("DNAT") && h.reason().startsWith("conntrack: ")).isNotEmpty();
      assertThat(c.network().node("node-1").orElseThrow().conntrack().size()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void crossNodeTrafficIsRoutedViaTheOtherNode() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/client", "curl", "-s", "http://10.244.2.20:8080");
      assertThat(r.stdout()).isEqualTo("You've hit kubia-b\n");
      List<TraceHop> syn = r.trace().orElseThrow().hops().stream()
          .filter(h -> h.packet().isPresent() && h.packet().get().flags().equals("S")).toList();
      assertThat(syn).extracting(h -> h.node() + " " + h.netns() + " " + h.where() + " " + h.action())
          .containsExactly(
              "node-1 default/client eth0 SEND",
              "node-1 node-1 " + c.network().at("10.244.1.10").orElseThrow().hostInterface() + " RECEIVE",
              "node-1 node-1 routing ROUTE",
              "node-2 node-2 eth0 RECEIVE",
              "node-2 node-2 routing ROUTE",
              "node-2 default/kubia-b eth0 DELIVER");
      assertThat(syn.get(2).reason()).isEqualTo("10.244.2.0/24 via 192.168.49.3 dev eth0");
      assertThat(syn.get(5).at().toNanos() - syn.get(0).at().toNanos()).isEqualTo(50_000 + 200_000 + 50_000);
    }
  }

  @Test
  void clusterIpDoesNotAnswerPing() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/busybox", "ping", "-c", "3", NetTestClusters.KUBIA_IP);
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.stdout()).isEqualTo("PING 10.96.1.5 (10.96.1.5): 56 data bytes\n\n--- 10.96.1.5 ping statistics ---\n"
          + "3 packets transmitted, 0 packets received, 100% packet loss\n");
      Disposition d = r.trace().orElseThrow().disposition();
      assertThat(d.kind()).isEqualTo(Disposition.Kind.TIMED_OUT);
      assertThat(d.reason()).startsWith("10.96.1.5 is a ClusterIP");
    }
  }

  @Test
  void aPodAnswersPingAcrossTwoRouters() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult far = c.exec("default/busybox", "ping", "-c", "1", "10.244.2.20");
      assertThat(far.exitCode()).isZero();
      assertThat(far.stdout()).contains("64 bytes from 10.244.2.20: seq=0 ttl=62 time=0.600 ms\n")
          .contains("1 packets transmitted, 1 packets received, 0% packet loss\n");
      ExecResult near = c.exec("default/busybox", "ping", "-c", "1", "10.244.1.20");
      assertThat(near.stdout()).contains("ttl=63 time=0.200 ms");
    }
  }

  @Test
  void hairpinConnectionIsMasqueradedToTheBridgeAddress() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      ExecResult r = c.exec("default/kubia-a", "curl", "-s", "http://" + NetTestClusters.SOLO_IP);
      assertThat(r.stdout()).isEqualTo("You've hit kubia-a\n");
      assertThat(r.trace().orElseThrow().hops()).anySatisfy(h -> {
        assertThat(h.action().name()).isEqualTo("SNAT");
        assertThat(h.reason()).contains("KUBE-MARK-MASQ");
        assertThat(h.rewritten().orElseThrow().source()).isEqualTo("10.244.1.1");
      });
      String logs = c.kubelet("node-1").orElseThrow().worker(new dev.kubesim.impl.apiserver.ObjectKey("default", "kubia-a"))
          .orElseThrow().container("kubia").orElseThrow().logText();
      assertThat(logs).contains("Received request from ::ffff:10.244.1.1");
    }
  }

  @Test
  void aNodeReachesServicesFromItsOwnNamespace() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      Network net = c.network();
      Session s = net.session("probe");
      HttpClient.Result r = HttpClient.fetch(net, s, net.node("node-3").orElseThrow().netns(), Ip4.parse(NetTestClusters.SOLO_IP),
          80, HttpRequest.get("/"), Long.MAX_VALUE, Long.MAX_VALUE);
      assertThat(r.ok()).isTrue();
      assertThat(r.servedBy()).contains(ObjectRef.pod("default", "kubia-a"));
      assertThat(r.service().orElseThrow().servicePort().map(p -> p + "/" + p.protocol())).contains("default/solo/TCP");
    }
  }

  @Test
  void aClientOutsideTheClusterReachesANodePortAndNothingElse() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      c.apply("""
          apiVersion: v1
          kind: Service
          metadata: {name: kubia-nodeport}
          spec:
            type: NodePort
            selector: {app: kubia}
            ports: [{port: 80, targetPort: 8080, nodePort: 30123}]
          """);
      Network net = c.network();
      Netns outside = net.outsideHost("203.0.113.10");
      Session s = net.session("GET http://192.168.49.3:30123/");
      HttpClient.Result r = HttpClient.fetch(net, s, outside, Ip4.parse("192.168.49.3"), 30123,
          HttpRequest.get("/").withHeader("Host", "192.168.49.3:30123"), Long.MAX_VALUE, Long.MAX_VALUE);
      assertThat(r.ok()).isTrue();
      assertThat(r.response().orElseThrow().body()).startsWith("You've hit kubia-");
      assertThat(r.service().orElseThrow().servicePort().map(Object::toString)).contains("default/kubia-nodeport");
      // externalTrafficPolicy Cluster: the node masquerades the client, and the reply finds its way back
      String trace = s.finish(Disposition.of(Disposition.Kind.DELIVERED, Disposition.Cause.ANSWERED, "")).render();
      assertThat(trace).contains(" SNAT ").contains(" UNSNAT ");
      HttpClient.Result toPod = HttpClient.fetch(net, net.session("pod"), outside, Ip4.parse("10.244.2.20"), 8080,
          HttpRequest.get("/"), Long.MAX_VALUE, Long.MAX_VALUE);
      // nothing outside the cluster routes a pod address: the SYNs are lost until the kernel gives up
      assertThat(toPod.outcome()).isEqualTo(HttpClient.Outcome.KERNEL_TIMEOUT);
      assertThat(toPod.reason()).isEqualTo("10.244.2.20 is in the pod network: only the nodes route it; nothing outside the"
          + " cluster does");
    }
  }

  @Test
  void packetsToANodeThatIsDownAreLost() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      c.kubelet("node-2").orElseThrow().stop();
      ExecResult r = c.exec("default/client", "curl", "-s", "-m", "1", "http://10.244.2.20:8080");
      assertThat(r.exitCode()).isEqualTo(28);
      Disposition d = r.trace().orElseThrow().disposition();
      assertThat(d.kind()).isEqualTo(Disposition.Kind.TIMED_OUT);
      assertThat(d.objectText()).isEqualTo("node/node-2");
    }
  }

  @Test
  void httpGetReadinessProbeGoesOverTheNetwork() {
    try (SimCluster c = NetTestClusters.build(SEED)) {
      c.apply("""
          apiVersion: v1
          kind: Pod
          metadata:
            name: probed
            annotations: {kubesim.dev/pod-ip: "10.244.3.30"}
          spec:
            nodeName: node-3
            containers:
            - name: kubia
              image: luksa/kubia
              readinessProbe: {httpGet: {port: 8080, path: /}}
          ---
          apiVersion: v1
          kind: Pod
          metadata:
            name: misprobed
            annotations: {kubesim.dev/pod-ip: "10.244.3.31"}
          spec:
            nodeName: node-3
            containers:
            - name: kubia
              image: luksa/kubia
              readinessProbe: {httpGet: {port: 9090, path: /}}
          """);
      assertThat(c.kubectl("get pod probed misprobed").stdout()).containsPattern("probed +1/1").containsPattern("misprobed +0/1");
      assertThat(c.kubectl("describe pod misprobed").stdout())
          .contains("Readiness probe failed: Get \"http://10.244.3.31:9090/\": dial tcp 10.244.3.31:9090: connect: connection refused");
    }
  }
}
