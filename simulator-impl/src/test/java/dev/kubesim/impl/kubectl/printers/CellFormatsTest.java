package dev.kubesim.impl.kubectl.printers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.EndpointAddress;
import dev.kubesim.api.model.EndpointPort;
import dev.kubesim.api.model.EndpointSubset;
import dev.kubesim.api.model.Endpoints;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.LabelSelectorRequirement;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.api.model.ServiceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CellFormatsTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:30Z");

  private static EndpointAddress address(String ip) {
    return new EndpointAddress(Optional.of(ip), null, null, null);
  }

  private static Endpoints endpoints(List<EndpointAddress> ready, List<EndpointAddress> notReady) {
    EndpointPort port = new EndpointPort(null, Optional.of(8080), Optional.of("TCP"), null);
    return Endpoints.of(ObjectMeta.builder().name("kubia").creationTimestamp("2025-01-01T00:00:00Z").build(),
        List.of(new EndpointSubset(ready, notReady, List.of(port))));
  }

  @Test
  void endpointsListTheFirstThreeThenHowManyMore() {
    List<EndpointAddress> five = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      five.add(address("10.244.1." + i));
    }
    assertThat(new EndpointsTable().row(endpoints(five, List.of()), NOW, false))
        .containsExactly("kubia", "10.244.1.1:8080,10.244.1.2:8080,10.244.1.3:8080 + 2 more...", "30s");
  }

  @Test
  void endpointsWithOnlyNotReadyAddressesShowAnEmptyCell() {
    assertThat(new EndpointsTable().row(endpoints(List.of(), List.of(address("10.244.1.1"))), NOW, false).get(1)).isEmpty();
  }

  @Test
  void endpointsWithoutSubsetsShowNone() {
    Endpoints none = Endpoints.of(ObjectMeta.named("x"), List.of());
    assertThat(new EndpointsTable().row(none, NOW, false).get(1)).isEqualTo("<none>");
  }

  private static Service service(ServiceSpec spec, ServiceStatus status) {
    Service svc = Service.of(ObjectMeta.builder().name("web").creationTimestamp("2025-01-01T00:00:00Z").build(), spec);
    return status == null ? svc : svc.withStatus(status);
  }

  private static ServicePort port(int port, Integer nodePort) {
    return new ServicePort(null, Optional.of("TCP"), null, Optional.of(port), null, Optional.ofNullable(nodePort));
  }

  @Test
  void loadBalancerWithoutAddressIsPending() {
    Service svc = service(ServiceSpec.builder().type("LoadBalancer").clusterIPs(List.of("10.96.5.5"))
        .ports(List.of(port(80, 30080), port(443, 30443))).build(), null);
    assertThat(new ServiceTable().row(svc, NOW, false))
        .containsExactly("web", "LoadBalancer", "10.96.5.5", "<pending>", "80:30080/TCP,443:30443/TCP", "30s");
  }

  @Test
  void loadBalancerAddressesAreCutToSixteenUnlessWide() {
    ServiceStatus status = new ServiceStatus(Optional.of(new ServiceStatus.LoadBalancerStatus(List.of(
        new ServiceStatus.LoadBalancerIngress(Optional.of("203.0.113.100"), null, null),
        new ServiceStatus.LoadBalancerIngress(Optional.of("203.0.113.101"), null, null)))));
    Service svc = service(ServiceSpec.builder().type("LoadBalancer").ports(List.of(port(80, 30080))).build(), status);
    assertThat(new ServiceTable().row(svc, NOW, false).get(3)).isEqualTo("203.0.113.100...");
    assertThat(new ServiceTable().row(svc, NOW, true).get(3)).isEqualTo("203.0.113.100,203.0.113.101");
  }

  @Test
  void serviceWithoutPortsShowsNone() {
    Service svc = service(ServiceSpec.builder().clusterIPs(List.of("None")).build(), null);
    assertThat(new ServiceTable().row(svc, NOW, true)).containsExactly("web", "ClusterIP", "None", "<none>", "<none>", "30s", "<none>");
  }

  @Test
  void labelSelectorsPrintSortedRequirements() {
    LabelSelector selector = new LabelSelector(Map.of("app", "kubia"), List.of(
        new LabelSelectorRequirement(Optional.of("env"), Optional.of("In"), List.of("prod", "dev")),
        new LabelSelectorRequirement(Optional.of("canary"), Optional.of("DoesNotExist"), List.of())));
    assertThat(LabelSelectorFormat.formatLabelSelector(selector)).isEqualTo("app=kubia,!canary,env in (dev,prod)");
    assertThat(LabelSelectorFormat.formatLabelSelector(new LabelSelector(null, null))).isEqualTo("<none>");
    assertThat(LabelSelectorFormat.matches(selector, Map.of("app", "kubia", "env", "dev"))).isTrue();
    assertThat(LabelSelectorFormat.matches(selector, Map.of("app", "kubia", "env", "dev", "canary", "x"))).isFalse();
  }
}
