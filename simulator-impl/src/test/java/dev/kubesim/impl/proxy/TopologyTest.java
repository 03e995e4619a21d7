package dev.kubesim.impl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.ServicePortName;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {
  private static final ServicePortName NAME = new ServicePortName("ns1", "svc1", "", IpProtocol.TCP);

  private static ServicePortInfo loadBalancer(boolean externalLocal, boolean internalLocal) {
    return new ServicePortInfo(NAME, "172.30.1.1", 80, 3001, List.of(), List.of("1.2.3.4"), List.of(), 30000, false, 10800,
        externalLocal, internalLocal);
  }

  private static EndpointInfo ep(String ip, boolean local, boolean ready, boolean serving, boolean terminating) {
    return new EndpointInfo(ip, 80, local, ready, serving, terminating);
  }

  @Test
  void localPolicyFallsBackToServingTerminatingEndpointsIndependently() {
    List<EndpointInfo> eps = List.of(
        ep("10.0.1.2", true, false, true, true),
        ep("10.0.1.3", true, false, true, true),
        ep("10.0.1.4", true, false, false, true),
        ep("10.0.1.5", false, true, true, false));

    Topology.Categorized c = Topology.categorize(eps, loadBalancer(true, false));

    assertThat(c.cluster()).extracting(EndpointInfo::toString).containsExactly("10.0.1.5:80");
    assertThat(c.local()).extracting(EndpointInfo::toString).containsExactly("10.0.1.2:80", "10.0.1.3:80");
    assertThat(c.allReachable()).extracting(EndpointInfo::toString).containsExactly("10.0.1.2:80", "10.0.1.3:80", "10.0.1.5:80");
    assertThat(c.hasAny()).isTrue();
  }

  @Test
  void readyEndpointsHideTerminatingOnes() {
    List<EndpointInfo> eps = List.of(
        ep("10.0.1.1", true, true, true, false),
        ep("10.0.1.3", true, false, true, true),
        ep("10.0.1.5", false, true, true, false));

    Topology.Categorized c = Topology.categorize(eps, loadBalancer(true, false));

    assertThat(c.cluster()).extracting(EndpointInfo::toString).containsExactly("10.0.1.1:80", "10.0.1.5:80");
    assertThat(c.local()).extracting(EndpointInfo::toString).containsExactly("10.0.1.1:80");
    assertThat(c.allReachable()).isEqualTo(c.cluster());
  }

  @Test
  void internalLocalPolicyWithoutExternalAccessUsesOnlyLocalEndpoints() {
    ServicePortInfo clusterIpOnly = new ServicePortInfo(NAME, "172.30.1.1", 80, 0, List.of(), List.of(), List.of(), 0, false, 10800,
        false, true);

    Topology.Categorized c = Topology.categorize(List.of(ep("10.0.1.9", false, true, true, false)), clusterIpOnly);

    assertThat(c.cluster()).isEmpty();
    assertThat(c.local()).isEmpty();
    assertThat(c.hasAny()).as("a remote ready endpoint exists: DROP, not REJECT").isTrue();
  }
}
