package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.ExternalClient;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceStatus;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.TraceHop;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client outside the cluster: nodePorts, LoadBalancer addresses through the cloud's load
 * balancer, externalIPs through the router, and what it cannot reach, each over the packet network.
 */
class ExternalClientTest {
  private static final long SEED = 11;
  private static final String NODE_1 = "192.168.49.2";
  private static final String NODE_2 = "192.168.49.3";
  private static final String EXTERNAL_IP = "192.0.2.10";

  /** One agnhost netexec pod on node-2 behind Services of every kind that is reached from outside. */
  private static final String MANIFESTS = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: netexec
        labels: {app: netexec}
        annotations: {kubesim.dev/pod-ip: "10.244.2.30"}
      spec:
        nodeName: node-2
        containers:
        - name: agnhost
          image: registry.k8s.io/e2e-test-images/agnhost:2.47
          args: [netexec, --http-port=8080]
          ports: [{containerPort: 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: np}
      spec:
        type: NodePort
        selector: {app: netexec}
        ports: [{port: 80, targetPort: 8080, nodePort: 30080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: np-local}
      spec:
        type: NodePort
        externalTrafficPolicy: Local
        selector: {app: netexec}
        ports: [{port: 80, targetPort: 8080, nodePort: 30081}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: lb}
      spec:
        type: LoadBalancer
        selector: {app: netexec}
        ports: [{port: 80, targetPort: 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: lb-local}
      spec:
        type: LoadBalancer
        externalTrafficPolicy: Local
        selector: {app: netexec}
        ports: [{port: 80, targetPort: 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: lb-direct}
      spec:
        type: LoadBalancer
        allocateLoadBalancerNodePorts: false
        selector: {app: netexec}
        ports: [{port: 80, targetPort: 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: lb-ranges}
      spec:
        type: LoadBalancer
        loadBalancerSourceRanges: [198.51.100.0/24]
        selector: {app: netexec}
        ports: [{port: 80, targetPort: 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: lb-empty}
      spec:
        type: LoadBalancer
        selector: {app: nothing}
        ports: [{port: 80, targetPort: 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: ext}
      spec:
        externalIPs: [192.0.2.10]
        selector: {app: netexec}
        ports: [{port: 80, targetPort: 8080}]
      """;

  private final Cluster cluster = build(SEED);

  private static Cluster build(long seed) {
    Cluster c = KubeSim.cluster().nodes(3).seed(seed).build();
    c.apply(MANIFESTS);
    return c;
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  private static String lbAddress(Cluster c, String service) {
    return c.get(Service.class, "default", service).orElseThrow().status()
        .flatMap(ServiceStatus::loadBalancer).orElseThrow().ingress().get(0).ip().orElseThrow();
  }

  private ExecResult curl(ExternalClient client, String... args) {
    List<String> argv = new java.util.ArrayList<>(List.of("curl", "-sS"));
    argv.addAll(List.of(args));
    return client.exec(argv);
  }

  private static List<TraceHop> hops(ExecResult r) {
    return r.trace().orElseThrow().hops();
  }

  private static List<TraceHop> at(ExecResult r, String netns, String where) {
    return hops(r).stream().filter(h -> h.netns().equals(netns) && h.where().equals(where)).toList();
  }

  @Test
  void nodePortWithClusterPolicyShowsThePodTheForwardingNodesAddress() {
    ExecResult r = curl(cluster.external(), "http://" + NODE_1 + ":30080/clientip");

    assertThat(r.exitCode()).as("seed %d: %s", SEED, r.stderr()).isZero();
    assertThat(r.stdout()).matches("192\\.168\\.49\\.2:\\d+");
    assertThat(r.trace().orElseThrow().title()).isEqualTo("curl -sS http://" + NODE_1 + ":30080/clientip from outside the"
        + " cluster (203.0.113.2)");
    assertThat(hops(r).get(0)).satisfies(h -> {
      assertThat(h.netns()).isEqualTo("external/203.0.113.2");
      assertThat(h.action().name()).isEqualTo("SEND");
      assertThat(h.packet().orElseThrow().flags()).isEqualTo("S");
    });
    assertThat(hops(r)).anySatisfy(h -> {
      assertThat(h.node()).isEqualTo("node-1");
      assertThat(h.action().name()).isEqualTo("SNAT");
      assertThat(h.rewritten().orElseThrow().source()).isEqualTo(NODE_1);
    });
  }

  @Test
  void nodePortWithLocalPolicyKeepsTheClientAddressAndDropsOnANodeWithoutLocalEndpoints() {
    ExecResult local = curl(cluster.external(), "http://" + NODE_2 + ":30081/clientip");
    ExecResult remote = curl(cluster.external(), "-m", "3", "http://" + NODE_1 + ":30081/clientip");

    assertThat(local.stdout()).as("seed %d", SEED).startsWith("203.0.113.2:");
    assertThat(remote.exitCode()).isEqualTo(28);
    assertThat(remote.stderr()).isEqualTo("curl: (28) Connection timed out after 3000 milliseconds\n");
    assertThat(hops(remote)).anySatisfy(h -> {
      assertThat(h.node()).isEqualTo("node-1");
      assertThat(h.action().name()).isEqualTo("DROP");
    });
    assertThat(remote.trace().orElseThrow().disposition().kind()).isEqualTo(Disposition.Kind.TIMED_OUT);
  }

  @Test
  void loadBalancerForwardsToANodePortAndTheRepliesComeBackFromItsAddress() {
    String lb = lbAddress(cluster, "lb");
    int nodePort = cluster.get(Service.class, "default", "lb").orElseThrow().specOrEmpty().ports().get(0)
        .nodePort().orElseThrow();

    ExecResult r = curl(cluster.external(), "http://" + lb + "/clientip");

    assertThat(r.exitCode()).as("seed %d: %s", SEED, r.stderr()).isZero();
    List<TraceHop> balancer = at(r, "cloud", "load balancer");
    assertThat(balancer.get(0)).satisfies(h -> {
      assertThat(h.action().name()).isEqualTo("DNAT");
      assertThat(h.reason()).startsWith("load balancer " + lb + ":80 (default/lb) -> node-").contains(":" + nodePort + " ");
      assertThat(h.packet().orElseThrow().destination()).isEqualTo(lb);
      assertThat(h.rewritten().orElseThrow().destinationPort()).isEqualTo(nodePort);
    });
    assertThat(balancer).anySatisfy(h -> {
      assertThat(h.action().name()).isEqualTo("UNDNAT");
      assertThat(h.packet().orElseThrow().sourcePort()).isEqualTo(nodePort);
      assertThat(h.rewritten().orElseThrow().source()).isEqualTo(lb);
      assertThat(h.rewritten().orElseThrow().sourcePort()).isEqualTo(80);
    });
    assertThat(hops(r)).anySatisfy(h -> {
      assertThat(h.netns()).isEqualTo("external/203.0.113.2");
      assertThat(h.action().name()).isEqualTo("DELIVER");
      assertThat(h.packet().orElseThrow().flags()).isEqualTo("S.");
      assertThat(h.packet().orElseThrow().source()).isEqualTo(lb);
    });
    assertThat(r.trace().orElseThrow().disposition().objectText()).isEqualTo("pod/default/netexec");
  }

  @Test
  void loadBalancerWithLocalPolicyPicksTheNodeWithTheEndpointAndKeepsTheClientAddress() {
    ExecResult r = curl(cluster.external(), "http://" + lbAddress(cluster, "lb-local") + "/clientip");

    assertThat(r.stdout()).as("seed %d", SEED).startsWith("203.0.113.2:");
    assertThat(at(r, "cloud", "load balancer").get(0).reason()).contains("-> node-2 ").contains("1 of 3 nodes healthy");
  }

  @Test
  void loadBalancerWithoutNodePortsDeliversItsOwnAddressToTheNodeForKubeProxy() {
    String lb = lbAddress(cluster, "lb-direct");

    ExecResult r = curl(cluster.external(), "http://" + lb + "/clientip");

    assertThat(r.exitCode()).as("seed %d: %s", SEED, r.stderr()).isZero();
    TraceHop forward = at(r, "cloud", "load balancer").get(0);
    assertThat(forward.action().name()).isEqualTo("ROUTE");
    assertThat(forward.rewritten()).isEmpty();
    assertThat(hops(r)).anySatisfy(h -> {
      assertThat(h.where()).isEqualTo("nat PREROUTING");
      assertThat(h.action().name()).isEqualTo("DNAT");
      assertThat(h.packet().orElseThrow().destination()).isEqualTo(lb);
      assertThat(h.reason()).contains("KUBE-EXT-").contains("(default/lb-direct)");
    });
  }

  @Test
  void loadBalancerSourceRangesDropOtherClients() {
    String lb = lbAddress(cluster, "lb-ranges");

    ExecResult blocked = curl(cluster.external(), "-m", "3", "http://" + lb + "/");
    ExecResult allowed = curl(cluster.external("198.51.100.7"), "http://" + lb + "/clientip");

    assertThat(blocked.exitCode()).as("seed %d", SEED).isEqualTo(28);
    assertThat(at(blocked, "cloud", "load balancer")).first().satisfies(h -> {
      assertThat(h.action().name()).isEqualTo("DROP");
      assertThat(h.reason()).isEqualTo("load balancer of default/lb-ranges: client 203.0.113.2 is not in"
          + " loadBalancerSourceRanges 198.51.100.0/24");
    });
    assertThat(blocked.trace().orElseThrow().disposition().objectText()).isEqualTo("service/default/lb-ranges");
    assertThat(allowed.exitCode()).isZero();
  }

  @Test
  void loadBalancerWithoutEndpointsIsRefusedByTheNodeThroughTheBalancer() {
    String lb = lbAddress(cluster, "lb-empty");

    ExecResult r = curl(cluster.external(), "http://" + lb + "/");

    assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(7);
    assertThat(r.stderr()).startsWith("curl: (7) Failed to connect to " + lb + " port 80 after ");
    // kube-proxy's ICMP error leaves the node from its address and reaches the client from the balancer's
    int clientPort = hops(r).get(0).packet().orElseThrow().sourcePort();
    assertThat(at(r, "cloud", "load balancer")).anySatisfy(h -> {
      assertThat(h.action().name()).isEqualTo("UNDNAT");
      assertThat(h.packet().orElseThrow().protocol()).isEqualTo("ICMP");
      assertThat(h.rewritten().orElseThrow().source()).isEqualTo(lb);
      assertThat(h.rewritten().orElseThrow().payload()).isEqualTo("about TCP 203.0.113.2:" + clientPort + " > " + lb + ":80");
    });
  }

  @Test
  void externalIpIsRoutedToTheFirstReadyNodeWhereKubeProxyTakesIt() {
    ExecResult r = curl(cluster.external(), "http://" + EXTERNAL_IP + "/clientip");

    assertThat(r.exitCode()).as("seed %d: %s", SEED, r.stderr()).isZero();
    assertThat(r.stdout()).matches("192\\.168\\.49\\.2:\\d+");
    assertThat(at(r, "cloud", "router").get(0)).satisfies(h -> {
      assertThat(h.action().name()).isEqualTo("ROUTE");
      assertThat(h.reason()).isEqualTo(EXTERNAL_IP + " via node node-1: the static route for the externalIP of default/ext"
          + " (to the first Ready node)");
    });
    assertThat(hops(r)).anySatisfy(h -> {
      assertThat(h.node()).isEqualTo("node-1");
      assertThat(h.action().name()).isEqualTo("DNAT");
      assertThat(h.reason()).contains("(default/ext)");
    });
  }

  @Test
  void externalIpRouteMovesOnWhenTheFirstNodeIsNotReady() {
    cluster.node("node-1").stop();
    cluster.advance(Duration.ofSeconds(60));

    ExecResult r = curl(cluster.external(), "http://" + EXTERNAL_IP + "/clientip");

    assertThat(r.exitCode()).as("seed %d: %s", SEED, r.stderr()).isZero();
    assertThat(at(r, "cloud", "router").get(0).reason()).startsWith(EXTERNAL_IP + " via node node-2:");
  }

  @Test
  void clusterIpsAndPodIpsTimeOutFromOutside() {
    String clusterIp = cluster.get(Service.class, "default", "np").orElseThrow().specOrEmpty().clusterIP().orElseThrow();

    ExecResult toService = curl(cluster.external(), "-m", "2", "http://" + clusterIp + "/");
    ExecResult toPod = curl(cluster.external(), "-m", "2", "http://10.244.2.30:8080/");

    assertThat(toService.exitCode()).as("seed %d", SEED).isEqualTo(28);
    assertThat(toService.stderr()).isEqualTo("curl: (28) Connection timed out after 2000 milliseconds\n");
    assertThat(toService.trace().orElseThrow().disposition().reason()).startsWith(clusterIp + " is a ClusterIP");
    assertThat(toPod.exitCode()).isEqualTo(28);
    assertThat(toPod.trace().orElseThrow().disposition().reason()).isEqualTo(
        "10.244.2.30 is in the pod network: only the nodes route it; nothing outside the cluster does");
  }

  @Test
  void serviceNamesDoNotResolveOutsideTheCluster() {
    ExecResult r = curl(cluster.external(), "http://np/");

    assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(6);
    assertThat(r.stderr()).isEqualTo("curl: (6) Could not resolve host: np\n");
    assertThat(r.trace().orElseThrow().disposition().kind()).isEqualTo(Disposition.Kind.NXDOMAIN);
  }

  @Test
  void theHostKeepsItsAddressAndItsFiles() {
    ExternalClient laptop = cluster.external("198.51.100.20");

    laptop.exec("sh", "-c", "echo hello > /tmp/note");

    assertThat(cluster.external("198.51.100.20")).isSameAs(laptop);
    assertThat(laptop.address()).isEqualTo("198.51.100.20");
    assertThat(cluster.external().address()).isEqualTo(ExternalClient.DEFAULT_ADDRESS);
    assertThat(laptop.exec("cat", "/tmp/note").stdout()).isEqualTo("hello\n");
    assertThat(laptop.exec("hostname").trace()).isEmpty();
  }

  @Test
  void clusterAddressesAreNotOutsideHosts() {
    String clusterIp = cluster.get(Service.class, "default", "np").orElseThrow().specOrEmpty().clusterIP().orElseThrow();
    for (String ip : List.of(NODE_1, "10.244.3.77", clusterIp, lbAddress(cluster, "lb"), EXTERNAL_IP, "not-an-ip")) {
      assertThatThrownBy(() -> cluster.external(ip)).as(ip).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void sameSeedGivesTheSameTraceJson() {
    try (Cluster other = build(SEED)) {
      String first = curl(cluster.external(), "http://" + lbAddress(cluster, "lb") + "/").trace().orElseThrow().toJson();
      String second = curl(other.external(), "http://" + lbAddress(other, "lb") + "/").trace().orElseThrow().toJson();

      assertThat(second).as("seed %d", SEED).isEqualTo(first).contains("\"netns\":\"cloud\"");
    }
  }
}
