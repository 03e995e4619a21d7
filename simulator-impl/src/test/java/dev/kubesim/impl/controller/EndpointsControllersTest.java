package dev.kubesim.impl.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.Endpoints;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodCondition;
import dev.kubesim.api.model.PodIP;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.TestEngine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndpointsControllersTest {
  private TestEngine engine;

  @BeforeEach
  void setUp() {
    engine = new TestEngine(1);
    ServicePods servicePods = new ServicePods(engine.api);
    EndpointsController.start(engine.api, servicePods);
    EndpointSliceController.start(engine.api, servicePods);
  }

  /** A pod as the kubelet would report it: bound, with an address, ready or not. */
  private void runningPod(String name, String ip, boolean ready, String extraSpec) {
    engine.create("{apiVersion: v1, kind: Pod, metadata: {name: " + name + ", labels: {app: kubia}}, spec: {nodeName: node-1, "
        + extraSpec + " containers: [{name: app, image: luksa/kubia, ports: [{name: http, containerPort: 8080}]}]}}");
    Pod pod = (Pod) engine.api.get(Pod.KIND, "default", name).orElseThrow();
    PodCondition readyCondition = new PodCondition(Optional.of("Ready"), Optional.empty(), Optional.of(ready ? "True" : "False"),
        Optional.empty(), Optional.of("2025-01-01T00:00:00Z"), Optional.empty(), Optional.empty());
    PodStatus status = pod.status().orElseGet(PodStatus::empty).toBuilder()
        .phase("Running").podIP(ip).podIPs(List.of(new PodIP(Optional.of(ip)))).conditions(List.of(readyCondition)).build();
    engine.api.write(pod.withStatus(status));
  }

  private Endpoints endpoints(String name) {
    return (Endpoints) engine.api.get(Endpoints.KIND, "default", name).orElseThrow();
  }

  private List<EndpointSlice> slices() {
    return engine.api.list(EndpointSlice.KIND, Optional.of("default")).stream().map(EndpointSlice.class::cast)
        .filter(s -> "kubia".equals(s.metadata().labels().get(EndpointSliceController.SERVICE_NAME_LABEL))).toList();
  }

  @Test
  void headlessServicesEndpointsCarryTheHeadlessLabelBesideTheServicesOwn() {
    engine.create("{apiVersion: v1, kind: Service, metadata: {name: kubia, labels: {tier: web}},"
        + " spec: {clusterIP: None, selector: {app: kubia}, ports: [{port: 80}]}}");
    engine.create("{apiVersion: v1, kind: Service, metadata: {name: plain, labels: {tier: web}},"
        + " spec: {selector: {app: kubia}, ports: [{port: 80}]}}");
    engine.loop.settle();
    assertThat(endpoints("kubia").metadata().labels()).containsExactly(
        java.util.Map.entry("service.kubernetes.io/headless", ""), java.util.Map.entry("tier", "web"));
    assertThat(endpoints("plain").metadata().labels()).containsExactly(java.util.Map.entry("tier", "web"));
  }

  @Test
  void readyPodsAreAddressesAndOthersNotReadyOnTheResolvedNamedPort() {
    engine.create("{apiVersion: v1, kind: Service, metadata: {name: kubia}, spec: {selector: {app: kubia}, ports: [{port: 80, targetPort: http}]}}");
    runningPod("b", "10.244.1.3", true, "");
    runningPod("a", "10.244.1.2", true, "");
    runningPod("c", "10.244.1.4", false, "");
    engine.loop.settle();
    var subset = endpoints("kubia").subsets().get(0);
    assertThat(subset.addresses()).extracting(a -> a.ip().orElseThrow()).containsExactly("10.244.1.2", "10.244.1.3");
    assertThat(subset.notReadyAddresses()).extracting(a -> a.ip().orElseThrow()).containsExactly("10.244.1.4");
    assertThat(subset.ports()).singleElement().satisfies(p -> assertThat(p.port()).contains(8080));
    assertThat(subset.addresses().get(0).targetRef().orElseThrow().name()).contains("a");
  }

  @Test
  void slicesCarryConditionsAndKeepTerminatingEndpoints() {
    engine.create("{apiVersion: v1, kind: Service, metadata: {name: kubia}, spec: {selector: {app: kubia}, ports: [{port: 80, targetPort: 8080}]}}");
    runningPod("a", "10.244.1.2", true, "");
    runningPod("b", "10.244.1.3", false, "");
    engine.loop.settle();
    EndpointSlice slice = slices().get(0);
    assertThat(slice.metadata().nameOrEmpty()).matches("kubia-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(slice.metadata().ownerReferences().get(0).kind()).isEqualTo("Service");
    assertThat(slice.addressType()).contains("IPv4");
    assertThat(slice.endpoints()).extracting(EndpointSliceEndpoint::addresses).containsExactly(List.of("10.244.1.2"), List.of("10.244.1.3"));
    assertThat(slice.endpoints().get(1).conditions().orElseThrow().ready()).contains(false);

    engine.api.delete(Pod.KIND, "default", "a");
    engine.loop.settle();
    EndpointSliceEndpoint terminating = slices().get(0).endpoints().get(0);
    assertThat(terminating.conditions().orElseThrow().terminating()).contains(true);
    assertThat(terminating.conditions().orElseThrow().serving()).contains(true);
    assertThat(terminating.conditions().orElseThrow().ready()).contains(false);
    assertThat(endpoints("kubia").subsets().get(0).addresses()).isEmpty();
  }

  @Test
  void serviceWithoutMatchingPodsHasEmptyEndpointsAndSelectorlessOnesAreLeftAlone() {
    engine.create("{apiVersion: v1, kind: Service, metadata: {name: lonely}, spec: {selector: {app: nobody}, ports: [{port: 80}]}}");
    engine.create("{apiVersion: v1, kind: Service, metadata: {name: external}, spec: {ports: [{port: 80}]}}");
    engine.create("{apiVersion: v1, kind: Endpoints, metadata: {name: external}, subsets: [{addresses: [{ip: 10.1.2.3}], ports: [{port: 80}]}]}");
    engine.loop.settle();
    assertThat(endpoints("lonely").subsets()).isEmpty();
    assertThat(endpoints("external").subsets().get(0).addresses().get(0).ip()).contains("10.1.2.3");
  }

  @Test
  void publishNotReadyAddressesListsUnreadyPodsAsReady() {
    engine.create("{apiVersion: v1, kind: Service, metadata: {name: kubia}, spec: {publishNotReadyAddresses: true, selector: {app: kubia}, ports: [{port: 80}]}}");
    runningPod("a", "10.244.1.2", false, "hostname: a, subdomain: kubia,");
    engine.loop.settle();
    var address = endpoints("kubia").subsets().get(0).addresses().get(0);
    assertThat(address.ip()).contains("10.244.1.2");
    assertThat(address.hostname()).contains("a");
    assertThat(slices().get(0).endpoints().get(0).conditions().orElseThrow().ready()).contains(true);
  }

  @Test
  void deletingTheServiceDeletesItsEndpoints() {
    engine.create("{apiVersion: v1, kind: Service, metadata: {name: kubia}, spec: {selector: {app: kubia}, ports: [{port: 80}]}}");
    engine.loop.settle();
    engine.api.delete("Service", "default", "kubia");
    engine.loop.settle();
    assertThat(engine.api.get(Endpoints.KIND, "default", "kubia")).isEmpty();
    assertThat(slices()).isEmpty();
  }
}
