package dev.kubesim.impl.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.model.Namespace;
import dev.kubesim.api.model.NamespaceSpec;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.sim.EventLoop;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Type changes as a client-side apply sends them: the new type over every field of the live
 * object (seed 1).
 */
class TypeDependentFieldsTest {
  private ApiServer api;
  private NodePortAllocator nodePorts;

  @BeforeEach
  void setUp() {
    EventLoop loop = new EventLoop(1);
    api = new ApiServer(new ObjectStore(), loop);
    nodePorts = new NodePortAllocator(30000, 32767, loop.random().stream("nodeport"));
    ClusterIpAllocator ips = new ClusterIpAllocator(Cidr.parse("10.96.0.0/12"), loop.random().stream("ip"));
    api.register(new ServiceStrategy(new ServiceAllocation(List.of(ips), nodePorts)));
    api.create(Namespace.of(ObjectMeta.named("default"), new NamespaceSpec(List.of())));
  }

  private Service create(String spec) {
    String yaml = "{apiVersion: v1, kind: Service, metadata: {name: kiada}, spec: " + spec + "}";
    return (Service) api.create(ObjectCodec.decode(ManifestReader.read("test", yaml).get(0)));
  }

  /** The live Service with only its type changed, as apply's merge leaves it. */
  private Service retype(Service live, String type) {
    return (Service) api.update(live.withSpec(live.specOrEmpty().toBuilder().type(type).build()));
  }

  @Test
  void loadBalancerToNodePortDropsAllocateLoadBalancerNodePortsAndClassAndKeepsTheNodePorts() {
    Service lb = create("{type: LoadBalancer, loadBalancerClass: example.com/lb, selector: {app: kiada},"
        + " ports: [{port: 80, nodePort: 30080}]}");
    ServiceSpec spec = retype(lb, "NodePort").specOrEmpty();
    assertThat(spec.allocateLoadBalancerNodePorts()).isEmpty();
    assertThat(spec.loadBalancerClass()).isEmpty();
    assertThat(spec.ports().get(0).nodePort()).contains(30080);
    assertThat(spec.externalTrafficPolicy()).contains("Cluster");
  }

  @Test
  void loadBalancerWithLocalPolicyToNodePortDropsTheHealthCheckNodePortAndReleasesIt() {
    Service lb = create("{type: LoadBalancer, externalTrafficPolicy: Local, selector: {app: kiada}, ports: [{port: 80}]}");
    int healthCheck = lb.specOrEmpty().healthCheckNodePort().orElseThrow();
    ServiceSpec spec = retype(lb, "NodePort").specOrEmpty();
    assertThat(spec.healthCheckNodePort()).isEmpty();
    assertThat(spec.externalTrafficPolicy()).contains("Local");
    assertThat(nodePorts.allocate(healthCheck)).isTrue();
  }

  @Test
  void nodePortToClusterIpDropsNodePortsAndTrafficPolicyAndReleasesTheNodePorts() {
    Service np = create("{type: NodePort, selector: {app: kiada}, ports: [{name: http, port: 80, nodePort: 30080},"
        + " {name: https, port: 443, nodePort: 30443}]}");
    Service updated = retype(np, "ClusterIP");
    ServiceSpec spec = updated.specOrEmpty();
    assertThat(spec.ports()).extracting(ServicePort::nodePort).allMatch(java.util.Optional::isEmpty);
    assertThat(spec.externalTrafficPolicy()).isEmpty();
    assertThat(spec.clusterIP()).isEqualTo(np.specOrEmpty().clusterIP());
    assertThat(nodePorts.allocate(30080)).isTrue();
    assertThat(nodePorts.allocate(30443)).isTrue();
  }

  @Test
  void clusterIpToExternalNameDropsTheAddressesAndFamilies() {
    Service ip = create("{selector: {app: kiada}, ports: [{port: 80}]}");
    Service live = ip.withSpec(ip.specOrEmpty().toBuilder().externalName("kiada.example.com").build());
    ServiceSpec spec = retype(live, "ExternalName").specOrEmpty();
    assertThat(spec.clusterIP()).isEmpty();
    assertThat(spec.clusterIPs()).isEmpty();
    assertThat(spec.ipFamilies()).isEmpty();
    assertThat(spec.ipFamilyPolicy()).isEmpty();
    assertThat(spec.internalTrafficPolicy()).contains("Cluster");
  }

  @Test
  void externalNameBackToClusterIpGetsANewAddress() {
    Service ip = create("{selector: {app: kiada}, ports: [{port: 80}]}");
    Service ext = retype(ip.withSpec(ip.specOrEmpty().toBuilder().externalName("kiada.example.com").build()), "ExternalName");
    ServiceSpec spec = retype(ext, "ClusterIP").specOrEmpty();
    assertThat(spec.clusterIP()).isPresent();
    assertThat(spec.ipFamilies()).containsExactly("IPv4");
  }

  @Test
  void aNodePortTheUserChangedWithTheTypeIsKeptAndRefused() {
    Service np = create("{type: NodePort, selector: {app: kiada}, ports: [{port: 80, nodePort: 30080}]}");
    ServiceSpec changed = np.specOrEmpty().toBuilder().type("ClusterIP")
        .ports(List.of(np.specOrEmpty().ports().get(0).withNodePort(30081))).build();
    assertThatThrownBy(() -> api.update(np.withSpec(changed)))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessageContaining("spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
  }

  @Test
  void leavingLoadBalancerClearsTheLoadBalancerStatus() {
    Service lb = create("{type: LoadBalancer, selector: {app: kiada}, ports: [{port: 80}]}");
    Service withAddress = (Service) api.write(lb.withStatus(new dev.kubesim.api.model.ServiceStatus(java.util.Optional.of(
        new dev.kubesim.api.model.ServiceStatus.LoadBalancerStatus(List.of(new dev.kubesim.api.model.ServiceStatus.LoadBalancerIngress(
            java.util.Optional.of("172.18.255.200"), java.util.Optional.empty(), java.util.Optional.empty())))))));
    Service updated = retype(withAddress, "NodePort");
    assertThat(updated.status().flatMap(s -> s.loadBalancer()).orElseThrow().ingress()).isEmpty();
  }
}
