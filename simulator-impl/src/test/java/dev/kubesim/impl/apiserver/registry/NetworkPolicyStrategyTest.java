package dev.kubesim.impl.apiserver.registry;

import static dev.kubesim.impl.apiserver.registry.Fixture.at;
import static dev.kubesim.impl.apiserver.registry.Fixture.causes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.model.NetworkPolicy;
import org.junit.jupiter.api.Test;

/**
 * NetworkPolicies: {@code SetDefaults_NetworkPolicy}/{@code SetDefaults_NetworkPolicyPort} and
 * {@code ValidateNetworkPolicy} ({@code pkg/apis/networking}), each rule with its exact message.
 */
class NetworkPolicyStrategyTest {
  private final Fixture f = new Fixture();

  private static String policy(String spec) {
    return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec: " + spec + "\n";
  }

  /** A policy with one ingress rule whose only peer is {@code peer}. */
  private static String fromPeer(String peer) {
    return policy("{podSelector: {}, ingress: [{from: [" + peer + "]}]}");
  }

  /** A policy with one ingress rule whose only port is {@code port}. */
  private static String withPort(String port) {
    return policy("{podSelector: {}, ingress: [{ports: [" + port + "]}]}");
  }

  private static String message(InvalidObjectException e) {
    return e.getMessage();
  }

  // Defaulting

  @Test
  void policyWithoutTypesOrEgressRulesIsAnIngressPolicy() {
    NetworkPolicy np = f.create(policy("{podSelector: {matchLabels: {app: db}}}"));

    assertThat(at(np, "spec.policyTypes").toString()).isEqualTo("[\"Ingress\"]");
    assertThat(at(np, "spec.podSelector.matchLabels").toString()).isEqualTo("{\"app\":\"db\"}");
    assertThat(np.metadata().generation()).contains(1L);
  }

  @Test
  void policyWithEgressRulesAndNoTypesGovernsBothDirections() {
    NetworkPolicy np = f.create(policy("{podSelector: {}, egress: [{to: [{ipBlock: {cidr: 10.0.0.0/24}}]}]}"));

    assertThat(np.specOrEmpty().policyTypes()).containsExactly("Ingress", "Egress");
  }

  @Test
  void explicitPolicyTypesAreKept() {
    NetworkPolicy np = f.create(policy("{podSelector: {}, egress: [{}], policyTypes: [Egress]}"));

    assertThat(np.specOrEmpty().policyTypes()).containsExactly("Egress");
  }

  @Test
  void policyWithoutSpecIsDefaultedToAnEmptySelectorAndIngress() {
    NetworkPolicy np = f.create("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\n");

    assertThat(at(np, "spec").toString()).isEqualTo("{\"podSelector\":{},\"policyTypes\":[\"Ingress\"]}");
  }

  @Test
  void portsWithoutProtocolAreTcpInBothDirections() {
    NetworkPolicy np = f.create(policy(
        "{podSelector: {}, ingress: [{ports: [{port: 80}, {protocol: UDP, port: 53}, {}]}], egress: [{ports: [{port: dns}]}]}"));

    assertThat(at(np, "spec.ingress[0].ports").toString())
        .isEqualTo("[{\"protocol\":\"TCP\",\"port\":80},{\"protocol\":\"UDP\",\"port\":53},{\"protocol\":\"TCP\"}]");
    assertThat(at(np, "spec.egress[0].ports[0].protocol").asText()).isEqualTo("TCP");
  }

  @Test
  void specUpdateMovesTheGenerationOnAndKeepsDefaulting() {
    f.create(policy("{podSelector: {}}"));

    NetworkPolicy np = f.update(policy("{podSelector: {}, egress: [{ports: [{port: 53}]}]}"));

    assertThat(np.metadata().generation()).contains(2L);
    assertThat(np.specOrEmpty().policyTypes()).containsExactly("Ingress", "Egress");
  }

  // Peers

  @Test
  void peerWithNothingSetIsRequired() {
    InvalidObjectException e = f.rejected(fromPeer("{}"));

    assertThat(causes(e)).containsExactly("spec.ingress[0].from[0] FieldValueRequired");
    assertThat(message(e)).isEqualTo(
        "NetworkPolicy.networking.k8s.io \"np\" is invalid: spec.ingress[0].from[0]: Required value: must specify a peer");
  }

  @Test
  void ipBlockMayNotBeCombinedWithAnotherPeer() {
    InvalidObjectException e = f.rejected(fromPeer("{podSelector: {}, ipBlock: {cidr: 10.0.0.0/8}}"));

    assertThat(causes(e)).containsExactly("spec.ingress[0].from[0] FieldValueForbidden");
    assertThat(message(e)).endsWith("spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer");
  }

  @Test
  void podAndNamespaceSelectorsTogetherAreOnePeer() {
    NetworkPolicy np = f.create(fromPeer("{podSelector: {matchLabels: {role: web}}, namespaceSelector: {}}"));

    assertThat(at(np, "spec.ingress[0].from[0].namespaceSelector").toString()).isEqualTo("{}");
  }

  @Test
  void peerSelectorsAreValidatedAsLabelSelectors() {
    InvalidObjectException e = f.rejected(policy(
        "{podSelector: {}, egress: [{to: [{namespaceSelector: {matchExpressions: [{key: team, operator: Is, values: [a]}]}}]}]}"));

    assertThat(causes(e)).containsExactly("spec.egress[0].to[0].namespaceSelector.matchExpressions[0].operator FieldValueInvalid");
    assertThat(message(e)).endsWith(
        "spec.egress[0].to[0].namespaceSelector.matchExpressions[0].operator: Invalid value: \"Is\": not a valid selector operator");
  }

  @Test
  void policyPodSelectorIsValidated() {
    InvalidObjectException e = f.rejected(policy("{podSelector: {matchLabels: {app: 'no way'}}}"));

    assertThat(causes(e)).containsExactly("spec.podSelector.matchLabels FieldValueInvalid");
    assertThat(message(e)).contains("spec.podSelector.matchLabels: Invalid value: \"no way\": a valid label must be");
  }

  // IP blocks

  @Test
  void ipBlockNeedsACidr() {
    InvalidObjectException e = f.rejected(fromPeer("{ipBlock: {except: [10.0.0.0/24]}}"));

    assertThat(causes(e)).containsExactly("spec.ingress[0].from[0].ipBlock.cidr FieldValueRequired");
    assertThat(message(e)).endsWith("spec.ingress[0].from[0].ipBlock.cidr: Required value");
  }

  @Test
  void ipBlockCidrMustParse() {
    InvalidObjectException e = f.rejected(fromPeer("{ipBlock: {cidr: 10.0.0.0/33, except: [nonsense]}}"));

    assertThat(causes(e)).containsExactly("spec.ingress[0].from[0].ipBlock.cidr FieldValueInvalid");
    assertThat(message(e)).endsWith(
        "spec.ingress[0].from[0].ipBlock.cidr: Invalid value: \"10.0.0.0/33\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)");
  }

  @Test
  void ipBlockCidrMayHaveHostBitsAndLeadingZerosWithoutStrictValidation() {
    NetworkPolicy np = f.create(fromPeer("{ipBlock: {cidr: 10.0.0.1/8, except: [010.001.0.0/16]}}"));

    assertThat(at(np, "spec.ingress[0].from[0].ipBlock.cidr").asText()).isEqualTo("10.0.0.1/8");
  }

  @Test
  void exceptMustParse() {
    InvalidObjectException e = f.rejected(fromPeer("{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0]}}"));

    assertThat(causes(e)).containsExactly("spec.ingress[0].from[0].ipBlock.except[0] FieldValueInvalid");
    assertThat(message(e)).endsWith(
        "spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: \"10.1.0.0\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)");
  }

  @Test
  void exceptOutsideTheCidrIsRejected() {
    InvalidObjectException e = f.rejected(fromPeer("{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16, 192.168.0.0/24]}}"));

    assertThat(causes(e)).containsExactly("spec.ingress[0].from[0].ipBlock.except[1] FieldValueInvalid");
    assertThat(message(e)).endsWith(
        "spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: \"192.168.0.0/24\": must be a strict subset of `cidr`");
  }

  @Test
  void exceptEqualToOrWiderThanTheCidrIsNotAStrictSubset() {
    InvalidObjectException e = f.rejected(fromPeer("{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.0.0/16, 10.0.0.0/8]}}"));

    assertThat(causes(e)).containsExactly(
        "spec.ingress[0].from[0].ipBlock.except[0] FieldValueInvalid", "spec.ingress[0].from[0].ipBlock.except[1] FieldValueInvalid");
  }

  @Test
  void exceptOfAnotherFamilyIsNotInsideTheCidr() {
    InvalidObjectException e = f.rejected(fromPeer("{ipBlock: {cidr: 10.0.0.0/8, except: ['2001:db8::/64']}}"));

    assertThat(message(e)).endsWith("Invalid value: \"2001:db8::/64\": must be a strict subset of `cidr`");
  }

  @Test
  void ipv6BlocksWithExceptsInsideAreAccepted() {
    NetworkPolicy np = f.create(fromPeer("{ipBlock: {cidr: '2001:db8::/32', except: ['2001:db8:1::/48']}}"));

    assertThat(at(np, "spec.ingress[0].from[0].ipBlock.except[0]").asText()).isEqualTo("2001:db8:1::/48");
  }

  // Ports

  @Test
  void unknownProtocolIsNotSupported() {
    InvalidObjectException e = f.rejected(withPort("{protocol: HTTP, port: 80}"));

    assertThat(causes(e)).containsExactly("spec.ingress[0].ports[0].protocol FieldValueNotSupported");
    assertThat(message(e)).endsWith(
        "spec.ingress[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"TCP\", \"UDP\", \"SCTP\"");
  }

  @Test
  void protocolIsPrintedAsJsonLikeEveryNamedStringType() {
    InvalidObjectException e = f.rejected(withPort("{protocol: '<tcp>'}"));

    assertThat(message(e)).contains("Unsupported value: \"\\u003ctcp\\u003e\"");
  }

  @Test
  void portNumberMustBeInRange() {
    InvalidObjectException e = f.rejected(withPort("{port: 0}"));

    assertThat(causes(e)).containsExactly("spec.ingress[0].ports[0].port FieldValueInvalid");
    assertThat(message(e)).endsWith("spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive");
  }

  @Test
  void namedPortMustBeAnIanaServiceName() {
    InvalidObjectException e = f.rejected(withPort("{port: WEB_PORT}"));

    assertThat(causes(e)).containsExactly("spec.ingress[0].ports[0].port FieldValueInvalid", "spec.ingress[0].ports[0].port FieldValueInvalid");
    assertThat(message(e)).isEqualTo("NetworkPolicy.networking.k8s.io \"np\" is invalid: ["
        + "spec.ingress[0].ports[0].port: Invalid value: \"WEB_PORT\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-), "
        + "spec.ingress[0].ports[0].port: Invalid value: \"WEB_PORT\": must contain at least one letter (a-z)]");
  }

  @Test
  void quotedNumberIsANamedPortWithoutALetter() {
    InvalidObjectException e = f.rejected(withPort("{port: '80'}"));

    assertThat(message(e)).endsWith("spec.ingress[0].ports[0].port: Invalid value: \"80\": must contain at least one letter (a-z)");
  }

  @Test
  void endPortMayNotBeBelowPort() {
    InvalidObjectException e = f.rejected(withPort("{port: 8080, endPort: 80}"));

    assertThat(causes(e)).containsExactly("spec.ingress[0].ports[0].endPort FieldValueInvalid");
    assertThat(message(e)).endsWith("spec.ingress[0].ports[0].endPort: Invalid value: 80: must be greater than or equal to `port`");
  }

  @Test
  void endPortMustBeInRange() {
    InvalidObjectException e = f.rejected(withPort("{port: 32000, endPort: 70000}"));

    assertThat(message(e)).endsWith("spec.ingress[0].ports[0].endPort: Invalid value: 70000: must be between 1 and 65535, inclusive");
  }

  @Test
  void endPortNeedsANumericPort() {
    InvalidObjectException e = f.rejected(withPort("{port: http, endPort: 90}"));

    assertThat(causes(e)).containsExactly("spec.ingress[0].ports[0].endPort FieldValueInvalid");
    assertThat(message(e)).endsWith("spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric");
  }

  @Test
  void endPortNeedsAPort() {
    InvalidObjectException e = f.rejected(policy("{podSelector: {}, egress: [{ports: [{endPort: 90}]}]}"));

    assertThat(message(e)).endsWith("spec.egress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is not specified");
  }

  @Test
  void portRangeIsAccepted() {
    NetworkPolicy np = f.create(withPort("{port: 32000, endPort: 32768}"));

    assertThat(at(np, "spec.ingress[0].ports[0].endPort").asInt()).isEqualTo(32768);
  }

  // Policy types

  @Test
  void unknownPolicyTypeIsNotSupported() {
    InvalidObjectException e = f.rejected(policy("{podSelector: {}, policyTypes: [Ingress, Outgress]}"));

    assertThat(causes(e)).containsExactly("spec.policyTypes[1] FieldValueNotSupported");
    assertThat(message(e)).endsWith("spec.policyTypes[1]: Unsupported value: \"Outgress\": supported values: \"Ingress\", \"Egress\"");
  }

  @Test
  void moreThanTwoPolicyTypesAreRejectedAsAWhole() {
    InvalidObjectException e = f.rejected(policy("{podSelector: {}, policyTypes: [Ingress, Egress, Foo]}"));

    assertThat(causes(e)).containsExactly("spec.policyTypes FieldValueInvalid");
    assertThat(message(e)).endsWith(
        "spec.policyTypes: Invalid value: [\"Ingress\",\"Egress\",\"Foo\"]: may not specify more than two policyTypes");
  }

  @Test
  void errorsComeInSpecOrderPodSelectorIngressEgressTypes() {
    InvalidObjectException e = f.rejected(policy(
        "{podSelector: {matchLabels: {'-a': b}}, egress: [{to: [{}]}], ingress: [{ports: [{port: 0}]}], policyTypes: [Up]}"));

    assertThat(causes(e)).containsExactly(
        "spec.podSelector.matchLabels FieldValueInvalid",
        "spec.ingress[0].ports[0].port FieldValueInvalid",
        "spec.egress[0].to[0] FieldValueRequired",
        "spec.policyTypes[0] FieldValueNotSupported");
  }

  // Update

  @Test
  void invalidUpdateReportsEachErrorOnce() {
    f.create(fromPeer("{ipBlock: {cidr: 10.0.0.0/8}}"));

    InvalidObjectException e = f.rejectedUpdate(fromPeer("{ipBlock: {cidr: 10.0.0.0/8, except: [11.0.0.0/16]}}"));

    assertThat(causes(e)).containsExactly("spec.ingress[0].from[0].ipBlock.except[0] FieldValueInvalid");
    assertThat(message(e)).isEqualTo("NetworkPolicy.networking.k8s.io \"np\" is invalid: "
        + "spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: \"11.0.0.0/16\": must be a strict subset of `cidr`");
  }
}
