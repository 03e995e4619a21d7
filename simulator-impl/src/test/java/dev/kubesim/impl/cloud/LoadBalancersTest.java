package dev.kubesim.impl.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServiceStatus;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.cluster.SimCluster;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadBalancersTest {
  private static final long SEED = 5;

  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(3).seed(SEED).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private static String service(String name, String extraSpec) {
    return """
        apiVersion: v1
        kind: Service
        metadata: {name: %s}
        spec:
          type: LoadBalancer
          selector: {app: web}
          ports: [{port: 80, targetPort: 8080}]
        %s""".formatted(name, extraSpec);
  }

  private static final String ONE_POD_ON_NODE_2 = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web-1, labels: {app: web}}
      spec:
        nodeName: node-2
        containers: [{name: echo, image: example/echo, ports: [{containerPort: 8080}]}]
      """;

  /** Creates without settling, so that the provisioning delay can be watched. */
  private void createUnsettled(String yaml) {
    cluster.api().create(SimCluster.decodeAll(ManifestReader.read("test", yaml)).get(0));
  }

  private Optional<String> ingressIp(String name) {
    return cluster.get(Service.class, "default", name).flatMap(Service::status).flatMap(ServiceStatus::loadBalancer)
        .flatMap(lb -> lb.ingress().stream().findFirst()).flatMap(ServiceStatus.LoadBalancerIngress::ip);
  }

  private LoadBalancers cloud() {
    return cluster.cloud().loadBalancers();
  }

  @Test
  void loadBalancerGetsAnAddressAfterPending() {
    createUnsettled(service("web", ""));

    assertThat(ingressIp("web")).isEmpty();
    assertThat(cluster.kubectl("get svc web").stdout()).contains("<pending>");
    cluster.advance(Duration.ofSeconds(1));
    assertThat(ingressIp("web")).as("seed %d: still provisioning after 1s", SEED).isEmpty();

    cluster.settle();

    assertThat(ingressIp("web")).contains("172.18.255.200");
    ServiceStatus.LoadBalancerIngress ingress = cluster.get(Service.class, "default", "web").flatMap(Service::status)
        .flatMap(ServiceStatus::loadBalancer).orElseThrow().ingress().get(0);
    assertThat(ingress.ipMode()).contains("VIP");
    assertThat(cluster.kubectl("get svc web").stdout()).containsPattern("web\\s+LoadBalancer\\s+\\S+\\s+172\\.18\\.255\\.200\\s+80:3\\d{4}/TCP");
    assertThat(cluster.kubectl("describe svc web").stdout())
        .containsPattern("LoadBalancer Ingress:\\s+172\\.18\\.255\\.200")
        .contains("EnsuringLoadBalancer").contains("EnsuredLoadBalancer");
  }

  @Test
  void addressesAreHandedOutLowestFirstAndReleasedOnDeletion() {
    cluster.apply(service("a", "") + "---\n" + service("b", ""));
    assertThat(ingressIp("a")).contains("172.18.255.200");
    assertThat(ingressIp("b")).contains("172.18.255.201");

    cluster.delete("Service", "default", "a");
    cluster.apply(service("c", ""));

    assertThat(ingressIp("c")).contains("172.18.255.200");
    assertThat(cloud().serviceAt("172.18.255.200")).contains("default/c");
  }

  @Test
  void requestedLoadBalancerIpIsHonouredWhenFree() {
    cluster.apply(service("a", "  loadBalancerIP: 172.18.255.210\n"));
    cluster.apply(service("b", "  loadBalancerIP: 172.18.255.210\n"));

    assertThat(ingressIp("a")).contains("172.18.255.210");
    assertThat(ingressIp("b")).as("taken: b stays pending").isEmpty();
    assertThat(cluster.kubectl("describe svc b").stdout()).contains("SyncLoadBalancerFailed");

    cluster.delete("Service", "default", "a");

    assertThat(ingressIp("b")).contains("172.18.255.210");
  }

  @Test
  void changingTheTypeReleasesTheAddressAndClearsTheStatus() {
    cluster.apply(service("web", ""));
    cluster.apply(service("web", "").replace("type: LoadBalancer", "type: NodePort"));

    assertThat(ingressIp("web")).isEmpty();
    assertThat(cloud().isLoadBalancerAddress("172.18.255.200")).isFalse();
    assertThat(cloud().route("172.18.255.200", 80, "203.0.113.2").forwarded()).isFalse();
  }

  @Test
  void clusterPolicyLoadBalancerSpreadsOverAllNodesToTheNodePort() {
    cluster.apply(ONE_POD_ON_NODE_2 + "---\n" + service("web", ""));
    int nodePort = cluster.get(Service.class, "default", "web").orElseThrow().specOrEmpty().ports().get(0).nodePort().orElseThrow();

    Set<String> nodes = new TreeSet<>();
    for (int i = 0; i < 30; i++) {
      LoadBalancerRoute r = cloud().route("172.18.255.200", 80, "203.0.113.2");
      assertThat(r.destinationPort()).isEqualTo(nodePort);
      nodes.add(r.node().orElseThrow());
    }

    assertThat(nodes).as("seed %d", SEED).containsExactly("node-1", "node-2", "node-3");
  }

  @Test
  void localPolicyLoadBalancerUsesOnlyHealthyNodes() {
    cluster.apply(ONE_POD_ON_NODE_2 + "---\n" + service("web", "  externalTrafficPolicy: Local\n"));

    for (int i = 0; i < 20; i++) {
      LoadBalancerRoute r = cloud().route("172.18.255.200", 80, "203.0.113.2");
      assertThat(r.node()).as("seed %d", SEED).contains("node-2");
      assertThat(r.candidates()).isEqualTo(1);
      assertThat(r.reason()).contains("health check nodePort");
    }

    cluster.delete("Pod", "default", "web-1");
    cluster.advance(Duration.ofSeconds(31));

    LoadBalancerRoute none = cloud().route("172.18.255.200", 80, "203.0.113.2");
    assertThat(none.forwarded()).isFalse();
    assertThat(none.reason()).contains("no node passes the health check");
  }

  @Test
  void sourceRangesDropOtherClients() {
    cluster.apply(service("web", "  loadBalancerSourceRanges: [198.51.100.0/24]\n"));

    assertThat(cloud().route("172.18.255.200", 80, "198.51.100.7").forwarded()).isTrue();
    LoadBalancerRoute r = cloud().route("172.18.255.200", 80, "203.0.113.2");
    assertThat(r.forwarded()).isFalse();
    assertThat(r.reason()).contains("not in loadBalancerSourceRanges");
  }

  @Test
  void withoutNodePortsTheLoadBalancerDeliversToTheVip() {
    cluster.apply(service("web", "  allocateLoadBalancerNodePorts: false\n"));

    Service svc = cluster.get(Service.class, "default", "web").orElseThrow();
    assertThat(svc.specOrEmpty().ports().get(0).nodePort()).isEmpty();
    LoadBalancerRoute r = cloud().route("172.18.255.200", 80, "203.0.113.2");
    assertThat(r.target()).contains("172.18.255.200:80");
  }

  @Test
  void unknownAddressesAndPortsAreDropped() {
    cluster.apply(service("web", ""));

    assertThat(cloud().route("172.18.255.250", 80, "203.0.113.2").reason()).contains("no load balancer has the address");
    assertThat(cloud().route("172.18.255.200", 81, "203.0.113.2").reason()).contains("no listener on TCP/81");
    assertThat(List.of(cloud().route("172.18.255.200", 80, "203.0.113.2").forwarded())).containsExactly(true);
  }
}
