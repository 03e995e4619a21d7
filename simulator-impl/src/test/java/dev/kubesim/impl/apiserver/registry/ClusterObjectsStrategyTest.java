package dev.kubesim.impl.apiserver.registry;

import static dev.kubesim.impl.apiserver.registry.Fixture.at;
import static dev.kubesim.impl.apiserver.registry.Fixture.causes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.Endpoints;
import dev.kubesim.api.model.Namespace;
import dev.kubesim.api.model.Node;
import org.junit.jupiter.api.Test;

/** Namespaces, Nodes, Endpoints and EndpointSlices. */
class ClusterObjectsStrategyTest {
  private final Fixture f = new Fixture();

  @Test
  void namespaceIsLabelledWithItsNameAndActive() {
    Namespace ns = f.create("apiVersion: v1\nkind: Namespace\nmetadata: {name: team-a}\n");

    assertThat(at(ns, "metadata.labels[kubernetes.io/metadata.name]").asText()).isEqualTo("team-a");
    assertThat(at(ns, "status.phase").asText()).isEqualTo("Active");
    assertThat(at(ns, "spec.finalizers").toString()).isEqualTo("[\"kubernetes\"]");
    assertThat(at(ns, "metadata.generation")).isNull();
  }

  @Test
  void namespaceNameLabelCannotBeOverridden() {
    Namespace ns = f.create("apiVersion: v1\nkind: Namespace\nmetadata: {name: team-b, labels: {kubernetes.io/metadata.name: other}}\n");

    assertThat(at(ns, "metadata.labels[kubernetes.io/metadata.name]").asText()).isEqualTo("team-b");
  }

  @Test
  void generatedNamespaceNameIsLabelledToo() {
    Namespace ns = f.create("apiVersion: v1\nkind: Namespace\nmetadata: {generateName: tmp-}\n");

    assertThat(at(ns, "metadata.labels[kubernetes.io/metadata.name]").asText()).isEqualTo(ns.metadata().nameOrEmpty());
  }

  @Test
  void namespaceNamesAreLabelsSoDotsAreRejected() {
    InvalidObjectException e = f.rejected("apiVersion: v1\nkind: Namespace\nmetadata: {name: a.b}\n");

    assertThat(causes(e)).containsExactly("metadata.name FieldValueInvalid");
    assertThat(e.getMessage()).isEqualTo("Namespace \"a.b\" is invalid: metadata.name: Invalid value: \"a.b\": must not contain dots");
  }

  @Test
  void namespaceUpdateKeepsFinalizersAndPhase() {
    f.create("apiVersion: v1\nkind: Namespace\nmetadata: {name: team-c}\n");

    Namespace ns = f.update("apiVersion: v1\nkind: Namespace\nmetadata: {name: team-c, labels: {x: y}}\nspec: {finalizers: []}\nstatus: {phase: Terminating}\n");

    assertThat(at(ns, "status.phase").asText()).isEqualTo("Active");
    assertThat(at(ns, "spec.finalizers").toString()).isEqualTo("[\"kubernetes\"]");
    assertThat(at(ns, "metadata.labels[x]").asText()).isEqualTo("y");
  }

  @Test
  void nonStandardFinalizerNeedsADomain() {
    InvalidObjectException e = f.rejected("apiVersion: v1\nkind: Namespace\nmetadata: {name: team-d}\nspec: {finalizers: [custom]}\n");

    assertThat(causes(e)).containsExactly("spec.finalizers FieldValueInvalid");
    assertThat(e.getMessage()).endsWith("name is neither a standard finalizer name nor is it fully qualified");
  }

  @Test
  void nodeAllocatableDefaultsToCapacity() {
    Node n = f.create("apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus: {capacity: {cpu: \"4\", pods: \"110\"}}\n");

    assertThat(at(n, "status.allocatable.cpu").asText()).isEqualTo("4");
    assertThat(at(n, "metadata.generation")).isNull();
  }

  @Test
  void nodeTaintsAreValidatedUnderMetadataTaints() {
    InvalidObjectException e = f.rejected(
        "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nspec: {taints: [{key: a, effect: NoSchedule}, {key: a, effect: NoSchedule}, {key: b}]}\n");

    assertThat(causes(e)).containsExactly("metadata.taints[1] FieldValueDuplicate", "metadata.taints[2].effect FieldValueRequired");
    assertThat(e.getMessage()).contains(
        "metadata.taints[1]: Duplicate value: {\"key\":\"a\",\"effect\":\"NoSchedule\"}: taints must be unique by key and effect pair");
  }

  @Test
  void nodePodCidrIsMirroredIntoPodCidrs() {
    Node n = f.create("apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nspec: {podCIDR: 10.244.1.0/24}\n");

    assertThat(at(n, "spec.podCIDRs").toString()).isEqualTo("[\"10.244.1.0/24\"]");
    assertThat(at(n, "spec.podCIDR").asText()).isEqualTo("10.244.1.0/24");
  }

  @Test
  void nodePodCidrsMustBeOnePerFamily() {
    InvalidObjectException e = f.rejected(
        "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nspec: {podCIDRs: [10.244.0.0/24, 10.245.0.0/24]}\n");

    assertThat(causes(e)).containsExactly("spec.podCIDRs FieldValueInvalid");
    assertThat(e.getMessage()).endsWith("may specify no more than one CIDR for each IP family");
  }

  @Test
  void nodePodCidrIsFixedOnceSet() {
    f.create("apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nspec: {podCIDRs: [10.244.0.0/24]}\n");

    InvalidObjectException e = f.rejectedUpdate("apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nspec: {podCIDRs: [10.244.1.0/24]}\n");

    assertThat(causes(e)).containsExactly("spec.podCIDRs FieldValueForbidden");
  }

  @Test
  void nodeUpdateKeepsTheStatus() {
    f.create("apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus: {capacity: {cpu: \"4\"}}\n");

    Node n = f.update("apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nspec: {unschedulable: true}\n");

    assertThat(at(n, "status.capacity.cpu").asText()).isEqualTo("4");
    assertThat(at(n, "spec.unschedulable").asBoolean()).isTrue();
  }

  @Test
  void endpointsPortProtocolDefaultsToTcp() {
    Endpoints ep = f.create(
        "apiVersion: v1\nkind: Endpoints\nmetadata: {name: web}\nsubsets: [{addresses: [{ip: 10.244.1.5}], ports: [{port: 8080}]}]\n");

    assertThat(at(ep, "subsets[0].ports[0].protocol").asText()).isEqualTo("TCP");
    assertThat(at(ep, "metadata.generation")).isNull();
  }

  @Test
  void endpointsRefuseLoopbackAndBadAddresses() {
    InvalidObjectException e = f.rejected(
        "apiVersion: v1\nkind: Endpoints\nmetadata: {name: web}\nsubsets: [{addresses: [{ip: 127.0.0.1}, {ip: nope}], ports: [{port: 80}, {port: 81}]}]\n");

    assertThat(causes(e)).containsExactly(
        "subsets[0].addresses[0].ip FieldValueInvalid",
        "subsets[0].addresses[1].ip FieldValueInvalid",
        "subsets[0].addresses[1].ip FieldValueInvalid",
        "subsets[0].ports[0].name FieldValueRequired",
        "subsets[0].ports[1].name FieldValueRequired");
    assertThat(e.getMessage()).contains(
        "subsets[0].addresses[0].ip: Invalid value: \"127.0.0.1\": may not be in the loopback range (127.0.0.0/8, ::1/128)",
        "subsets[0].addresses[1].ip: Invalid value: \"nope\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
        "subsets[0].addresses[1].ip: Invalid value: \"nope\": must be a valid IP address");
  }

  @Test
  void endpointSubsetNeedsAnAddress() {
    InvalidObjectException e = f.rejected("apiVersion: v1\nkind: Endpoints\nmetadata: {name: web}\nsubsets: [{ports: [{port: 80}]}]\n");

    assertThat(causes(e)).containsExactly("subsets[0] FieldValueRequired");
    assertThat(e.getMessage()).endsWith("subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`");
  }

  @Test
  void endpointSlicePortsDefaultToAnEmptyNameAndTcp() {
    EndpointSlice s = f.create("apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: web-abc}\naddressType: IPv4\n"
        + "endpoints: [{addresses: [10.244.1.5]}]\nports: [{port: 8080}]\n");

    assertThat(at(s, "ports[0].protocol").asText()).isEqualTo("TCP");
    assertThat(at(s, "ports[0].name").asText()).isEmpty();
    assertThat(at(s, "metadata.generation").asLong()).isEqualTo(1);
  }

  @Test
  void endpointSliceNeedsAnAddressType() {
    InvalidObjectException e = f.rejected("apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: web-abc}\n");

    assertThat(causes(e)).containsExactly("addressType FieldValueRequired");
  }

  @Test
  void endpointSliceChecksAddressesAgainstTheirType() {
    InvalidObjectException e = f.rejected("apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: web-abc}\naddressType: IPv4\n"
        + "endpoints: [{addresses: [\"fd00::1\"]}, {addresses: []}]\nports: [{name: http, port: 80}, {name: http, port: 81, protocol: ICMP}]\n");

    assertThat(causes(e)).containsExactly(
        "endpoints[0].addresses[0] FieldValueInvalid",
        "endpoints[1].addresses FieldValueRequired",
        "ports[1].name FieldValueDuplicate",
        "ports[1].protocol FieldValueNotSupported");
    assertThat(e.getMessage()).contains("endpoints[0].addresses[0]: Invalid value: \"fd00::1\": must be a valid IPv4 address");
  }

  @Test
  void fqdnAddressesNeedTwoLabels() {
    InvalidObjectException e = f.rejected("apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: web-abc}\naddressType: FQDN\n"
        + "endpoints: [{addresses: [db.example.com., localhost]}]\n");

    assertThat(causes(e)).containsExactly("endpoints[0].addresses[1] FieldValueInvalid");
    assertThat(e.getMessage()).endsWith("should be a domain with at least two segments separated by dots");
  }

  @Test
  void endpointSliceAddressTypeIsImmutable() {
    String slice = "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: web-abc}\naddressType: %s\n";
    f.create(slice.formatted("IPv4"));

    InvalidObjectException e = f.rejectedUpdate(slice.formatted("IPv6"));

    assertThat(e.getMessage()).endsWith("addressType: Invalid value: \"IPv6\": field is immutable");
  }
}
