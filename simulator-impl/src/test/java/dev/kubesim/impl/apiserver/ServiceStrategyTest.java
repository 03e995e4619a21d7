package dev.kubesim.impl.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kubesim.api.AlreadyExistsException;
import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.StatusCause;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Namespace;
import dev.kubesim.api.model.NamespaceSpec;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.sim.EventLoop;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceStrategyTest {
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

  private Service create(String yaml) {
    return (Service) api.create(decode(yaml));
  }

  private static KubeObject decode(String yaml) {
    return ObjectCodec.decode(ManifestReader.read("test", yaml).get(0));
  }

  @Test
  void minimalServiceIsDefaultedAndGetsAClusterIpFromTheRange() {
    Service s = create("{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {selector: {app: web}, ports: [{port: 80}]}}");
    ServiceSpec spec = s.specOrEmpty();
    assertThat(spec.type()).contains("ClusterIP");
    assertThat(spec.sessionAffinity()).contains("None");
    assertThat(spec.internalTrafficPolicy()).contains("Cluster");
    assertThat(spec.externalTrafficPolicy()).isEmpty();
    assertThat(spec.ipFamilies()).containsExactly("IPv4");
    assertThat(spec.ipFamilyPolicy()).contains("SingleStack");
    assertThat(spec.ports().get(0).protocol()).contains("TCP");
    assertThat(spec.ports().get(0).targetPort()).contains(IntOrString.of(80));
    assertThat(Cidr.parse("10.96.0.0/12").contains(spec.clusterIP().orElseThrow())).isTrue();
    assertThat(spec.clusterIPs()).containsExactly(spec.clusterIP().get());
    assertThat(s.metadata().uid()).isPresent();
    assertThat(s.metadata().creationTimestamp()).contains("2025-01-01T00:00:00Z");
  }

  @Test
  void nodePortServiceGetsAPortFromTheUpperBandAndClusterPolicy() {
    Service s = create("{apiVersion: v1, kind: Service, metadata: {name: np}, spec: {type: NodePort, ports: [{port: 80}]}}");
    assertThat(s.specOrEmpty().ports().get(0).nodePort().orElseThrow()).isBetween(30086, 32767);
    assertThat(s.specOrEmpty().externalTrafficPolicy()).contains("Cluster");
  }

  @Test
  void clientIpAffinityTimeoutDefaultsToThreeHours() {
    Service s = create("{apiVersion: v1, kind: Service, metadata: {name: s}, spec: {sessionAffinity: ClientIP, ports: [{port: 80}]}}");
    assertThat(s.specOrEmpty().sessionAffinityConfig().orElseThrow().clientIP().orElseThrow().timeoutSeconds()).contains(10800);
  }

  @Test
  void portZeroFailsOnPortAndDefaultedTargetPort() {
    assertThatThrownBy(() -> create("{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {ports: [{port: 0}]}}"))
        .isInstanceOfSatisfying(InvalidObjectException.class, e -> {
          assertThat(e.causes()).extracting(StatusCause::field, StatusCause::type).containsExactly(
              tuple("spec.ports[0].port", "FieldValueInvalid"), tuple("spec.ports[0].targetPort", "FieldValueInvalid"));
          assertThat(e.getMessage()).isEqualTo("Service \"web\" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, "
              + "spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive]");
        });
  }

  @Test
  void takenClusterIpIsRefusedAloneBeforeValidation() {
    create("{apiVersion: v1, kind: Service, metadata: {name: dns}, spec: {clusterIP: 10.96.0.10, ports: [{port: 53, protocol: UDP}]}}");
    assertThatThrownBy(() -> create("{apiVersion: v1, kind: Service, metadata: {name: Dns2}, spec: {clusterIP: 10.96.0.10, ports: [{port: 53}]}}"))
        .isInstanceOfSatisfying(InvalidObjectException.class, e -> {
          assertThat(e.causes()).extracting(StatusCause::field).containsExactly("spec.clusterIPs");
          assertThat(e.getMessage()).isEqualTo("Service \"Dns2\" is invalid: spec.clusterIPs: Invalid value: [\"10.96.0.10\"]: "
              + "failed to allocate IP 10.96.0.10: provided IP is already allocated");
        });
  }

  @Test
  void rejectedServiceReleasesItsNodePort() {
    assertThatThrownBy(() -> create("{apiVersion: v1, kind: Service, metadata: {name: a}, spec: {type: NodePort, sessionAffinity: Sticky, ports: [{port: 80, nodePort: 30100}]}}"))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessageContaining("spec.sessionAffinity: Unsupported value: \"Sticky\": supported values: \"ClientIP\", \"None\"");
    assertThat(nodePorts.isAllocated(30100)).isFalse();
    Service b = create("{apiVersion: v1, kind: Service, metadata: {name: b}, spec: {type: NodePort, ports: [{port: 80, nodePort: 30100}]}}");
    assertThat(b.specOrEmpty().ports().get(0).nodePort()).contains(30100);
  }

  @Test
  void nodePortOutsideTheRangeIsRefusedWithTheRange() {
    assertThatThrownBy(() -> create("{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {type: NodePort, ports: [{port: 80, nodePort: 80}]}}"))
        .hasMessage("Service \"web\" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. "
            + "The range of valid ports is 30000-32767");
  }

  @Test
  void portsWithTheSameNumberShareTheNodePortRequestedFurtherDown() {
    Service s = create("{apiVersion: v1, kind: Service, metadata: {name: dns}, spec: {type: NodePort, ports: ["
        + "{name: tcp, port: 53, protocol: TCP}, {name: udp, port: 53, protocol: UDP, nodePort: 30053}]}}");
    assertThat(s.specOrEmpty().ports()).extracting(p -> p.nodePort().orElseThrow()).containsExactly(30053, 30053);
  }

  @Test
  void oneNodePortAskedByTwoPortNumbersIsRefusedAtAllocation() {
    assertThatThrownBy(() -> create("{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {type: NodePort, ports: ["
        + "{name: a, port: 80, nodePort: 30080}, {name: b, port: 443, nodePort: 30080}]}}"))
        .hasMessage("Service \"web\" is invalid: spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated");
    assertThat(nodePorts.isAllocated(30080)).isFalse();
  }

  @Test
  void requireDualStackOnASingleStackClusterIsRefused() {
    assertThatThrownBy(() -> create("{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {ipFamilyPolicy: RequireDualStack, ports: [{port: 80}]}}"))
        .hasMessage("Service \"web\" is invalid: spec.ipFamilyPolicy: Invalid value: \"RequireDualStack\": "
            + "this cluster is not configured for dual-stack services");
  }

  @Test
  void headlessServiceWithSelectorMayNotAskForAnUnconfiguredFamily() {
    assertThatThrownBy(() -> create("{apiVersion: v1, kind: Service, metadata: {name: web}, "
        + "spec: {clusterIP: None, ipFamilies: [IPv6], selector: {app: web}, ports: [{port: 80}]}}"))
        .hasMessage("Service \"web\" is invalid: spec.ipFamilies[0]: Invalid value: \"IPv6\": not configured on this cluster");
  }

  @Test
  void selectorlessHeadlessServiceGetsBothFamiliesEvenOnASingleStackCluster() {
    Service s = create("{apiVersion: v1, kind: Service, metadata: {name: peers}, spec: {clusterIP: None, ports: [{port: 7000}]}}");
    assertThat(s.specOrEmpty().ipFamilyPolicy()).contains("RequireDualStack");
    assertThat(s.specOrEmpty().ipFamilies()).containsExactly("IPv4", "IPv6");
  }

  @Test
  void headlessServiceWithSelectorStaysSingleStack() {
    Service s = create("{apiVersion: v1, kind: Service, metadata: {name: db}, spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}}");
    assertThat(s.specOrEmpty().ipFamilyPolicy()).contains("SingleStack");
    assertThat(s.specOrEmpty().ipFamilies()).containsExactly("IPv4");
  }

  @Test
  void changingTheClusterIpIsRefusedWithTheWholeNewList() {
    create("{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {clusterIP: 10.96.0.50, ports: [{port: 80}]}}");
    assertThatThrownBy(() -> api.apply(decode("{apiVersion: v1, kind: Service, metadata: {name: web}, "
        + "spec: {clusterIP: 10.96.0.60, clusterIPs: [10.96.0.60], ports: [{port: 80}]}}")))
        .hasMessage("Service \"web\" is invalid: spec.clusterIPs[0]: Invalid value: [\"10.96.0.60\"]: may not change once set");
  }

  @Test
  void emptyClusterIpOfAnExternalNameIsStoredAsLeftOut() {
    Service s = create("{apiVersion: v1, kind: Service, metadata: {name: ext}, spec: {type: ExternalName, externalName: db.example.com, clusterIP: ''}}");
    assertThat(s.specOrEmpty().clusterIP()).isEmpty();
  }

  @Test
  void healthCheckNodePortMayNotChangeWhileNeededAndTheAskedPortIsGivenBack() {
    create("{apiVersion: v1, kind: Service, metadata: {name: lb}, spec: {type: LoadBalancer, externalTrafficPolicy: Local, "
        + "healthCheckNodePort: 30650, ports: [{port: 80}]}}");
    assertThatThrownBy(() -> api.apply(decode("{apiVersion: v1, kind: Service, metadata: {name: lb}, spec: {type: LoadBalancer, "
        + "externalTrafficPolicy: Local, healthCheckNodePort: 30651, ports: [{port: 80}]}}")))
        .hasMessage("Service \"lb\" is invalid: spec.healthCheckNodePort: Forbidden: field is immutable");
    assertThat(nodePorts.isAllocated(30650)).isTrue();
    assertThat(nodePorts.isAllocated(30651)).isFalse();
  }

  @Test
  void loadBalancerClassIsFixedForALoadBalancerAndDroppedWithTheType() {
    create("{apiVersion: v1, kind: Service, metadata: {name: lb}, spec: {type: LoadBalancer, loadBalancerClass: example.com/a, ports: [{port: 80}]}}");
    assertThatThrownBy(() -> api.apply(decode("{apiVersion: v1, kind: Service, metadata: {name: lb}, "
        + "spec: {type: LoadBalancer, loadBalancerClass: example.com/b, ports: [{port: 80}]}}")))
        .hasMessage("Service \"lb\" is invalid: spec.loadBalancerClass: Invalid value: \"example.com/b\": may not change once set");
    Service clusterIp = (Service) api.apply(decode("{apiVersion: v1, kind: Service, metadata: {name: lb}, "
        + "spec: {type: ClusterIP, loadBalancerClass: example.com/a, ports: [{port: 80}]}}"));
    assertThat(clusterIp.specOrEmpty().loadBalancerClass()).isEmpty();
  }

  @Test
  void loadBalancerClassIsOnlyForLoadBalancers() {
    assertThatThrownBy(() -> create("{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {loadBalancerClass: example.com/a, ports: [{port: 80}]}}"))
        .hasMessage("Service \"web\" is invalid: spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'");
  }

  @Test
  void onUpdateWhatMayNotChangeIsReportedBeforeTheCreateRules() {
    create("{apiVersion: v1, kind: Service, metadata: {name: np}, spec: {type: NodePort, ports: [{port: 80, nodePort: 30601}]}}");
    assertThatThrownBy(() -> api.apply(decode("{apiVersion: v1, kind: Service, metadata: {name: np}, "
        + "spec: {type: NodePort, clusterIP: None, clusterIPs: [None], ports: [{port: 80, nodePort: 30601}]}}")))
        .hasMessage("Service \"np\" is invalid: [spec.clusterIPs[0]: Invalid value: [\"None\"]: may not change once set, "
            + "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services]");
  }

  @Test
  void specialExternalIpsAreRefused() {
    assertThatThrownBy(() -> create("{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {ports: [{port: 80}], externalIPs: [127.0.0.1]}}"))
        .hasMessage("Service \"web\" is invalid: spec.externalIPs[0]: Invalid value: \"127.0.0.1\": "
            + "may not be in the loopback range (127.0.0.0/8, ::1/128)");
  }

  @Test
  void reapplyWithoutAllocatedValuesKeepsThem() {
    Service first = create("{apiVersion: v1, kind: Service, metadata: {name: np}, spec: {type: NodePort, ports: [{port: 80}]}}");
    Service again = (Service) api.apply(decode("{apiVersion: v1, kind: Service, metadata: {name: np, labels: {a: b}}, spec: {type: NodePort, ports: [{port: 80}]}}"));
    assertThat(again.specOrEmpty().clusterIP()).isEqualTo(first.specOrEmpty().clusterIP());
    assertThat(again.specOrEmpty().ports().get(0).nodePort()).isEqualTo(first.specOrEmpty().ports().get(0).nodePort());
    assertThat(again.metadata().uid()).isEqualTo(first.metadata().uid());
    assertThat(Long.parseLong(again.metadata().resourceVersion().orElseThrow()))
        .isGreaterThan(Long.parseLong(first.metadata().resourceVersion().orElseThrow()));
  }

  @Test
  void createOfAnExistingNameIsAlreadyExistsAndReleasesTheNewAddress() {
    Service first = create("{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {ports: [{port: 80}]}}");
    assertThatThrownBy(() -> create("{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {clusterIP: 10.96.5.5, ports: [{port: 80}]}}"))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("services \"web\" already exists");
    assertThat(first.specOrEmpty().clusterIP()).isPresent();
    Service other = create("{apiVersion: v1, kind: Service, metadata: {name: other}, spec: {clusterIP: 10.96.5.5, ports: [{port: 80}]}}");
    assertThat(other.specOrEmpty().clusterIP()).contains("10.96.5.5");
  }

  @Test
  void generatedNameUsesKubernetesAlphabet() {
    Service s = create("{apiVersion: v1, kind: Service, metadata: {generateName: web-}, spec: {ports: [{port: 80}]}}");
    assertThat(s.metadata().name().orElseThrow()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
  }

  @Test
  void deletingAServiceReleasesItsAddresses() {
    create("{apiVersion: v1, kind: Service, metadata: {name: a}, spec: {clusterIP: 10.96.7.7, type: NodePort, ports: [{port: 80, nodePort: 30500}]}}");
    api.delete("Service", "default", "a");
    assertThat(nodePorts.isAllocated(30500)).isFalse();
    create("{apiVersion: v1, kind: Service, metadata: {name: b}, spec: {clusterIP: 10.96.7.7, type: NodePort, ports: [{port: 80, nodePort: 30500}]}}");
  }
}
