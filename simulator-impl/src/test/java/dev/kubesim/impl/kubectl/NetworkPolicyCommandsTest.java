package dev.kubesim.impl.kubectl;

import static dev.kubesim.impl.kubectl.KubectlFixture.AGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.NetworkPolicy;
import org.junit.jupiter.api.Test;

/**
 * kubectl on NetworkPolicies: {@code printNetworkPolicy}'s table ({@code
 * pkg/printers/internalversion/printers.go}), the resource names, {@code -o yaml} of the defaulted
 * object, and {@code describeNetworkPolicy} ({@code kubectl/pkg/describe/describe.go}).
 */
class NetworkPolicyCommandsTest {
  private final KubectlFixture k = new KubectlFixture();

  /** The NetworkPolicy example of the Kubernetes documentation ("The NetworkPolicy resource"). */
  private static final String TEST_NETWORK_POLICY = """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: test-network-policy
        namespace: default
      spec:
        podSelector:
          matchLabels:
            role: db
        policyTypes:
        - Ingress
        - Egress
        ingress:
        - from:
          - ipBlock:
              cidr: 172.17.0.0/16
              except:
              - 172.17.1.0/24
          - namespaceSelector:
              matchLabels:
                project: myproject
          - podSelector:
              matchLabels:
                role: frontend
          ports:
          - protocol: TCP
            port: 6379
        egress:
        - to:
          - ipBlock:
              cidr: 10.0.0.0/24
          ports:
          - protocol: TCP
            port: 5978
      """;

  private static final String DEFAULT_DENY = """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: default-deny-ingress}
      spec:
        podSelector: {}
      """;

  @Test
  void getShowsNamePodSelectorAndAge() {
    k.apply(TEST_NETWORK_POLICY).apply(DEFAULT_DENY);

    assertThat(k.output("get networkpolicies")).matches("\\ANAME {3,}POD-SELECTOR {3,}AGE\n"
        + "default-deny-ingress {3,}<none> {3,}" + AGE + "\n"
        + "test-network-policy {3,}role=db {3,}" + AGE + "\n\\z");
  }

  @Test
  void shortNameSingularAndGroupQualifiedNamesAllResolve() {
    k.apply(DEFAULT_DENY);
    String expected = k.output("get networkpolicy default-deny-ingress");

    assertThat(expected).startsWith("NAME ");
    assertThat(k.output("get netpol default-deny-ingress")).isEqualTo(expected);
    assertThat(k.output("get networkpolicies.networking.k8s.io default-deny-ingress")).isEqualTo(expected);
    assertThat(k.output("get netpol default-deny-ingress -o wide")).isEqualTo(expected);
    assertThat(k.output("get netpol -o name")).isEqualTo("networkpolicy.networking.k8s.io/default-deny-ingress\n");
  }

  @Test
  void missingPolicyIsNamedWithItsGroup() {
    assertThat(k.output("get netpol nope"))
        .isEqualTo("Error from server (NotFound): networkpolicies.networking.k8s.io \"nope\" not found\n");
  }

  @Test
  void yamlShowsTheDefaultedSpec() {
    k.apply("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: dns}
        spec:
          podSelector: {}
          egress:
          - ports: [{port: 53, protocol: UDP}, {port: 53}]
        """);

    assertThat(k.run("get netpol dns -o yaml").stdout()).contains("""
        spec:
          egress:
          - ports:
            - port: 53
              protocol: UDP
            - port: 53
              protocol: TCP
          podSelector: {}
          policyTypes:
          - Ingress
          - Egress
        """);
  }

  @Test
  void apiResourcesListsNetworkPoliciesWithTheirShortName() {
    assertThat(k.output("api-resources --api-group=networking.k8s.io")).containsPattern(
        "\nnetworkpolicies {3,}netpol {3,}networking\\.k8s\\.io/v1 {3,}true {3,}NetworkPolicy\n");
  }

  @Test
  void describeShowsRulesAsKubectlPrintsThem() {
    k.apply(TEST_NETWORK_POLICY);
    // metav1.Time prints as time.Time.String(): 2025-01-01T00:00:01Z is "2025-01-01 00:00:01 +0000 UTC".
    String created = k.cluster.get(NetworkPolicy.class, "default", "test-network-policy").orElseThrow()
        .metadata().creationTimestamp().orElseThrow().replace('T', ' ').replace("Z", " +0000 UTC");

    assertThat(k.output("describe netpol test-network-policy")).isEqualTo("""
        Name:         test-network-policy
        Namespace:    default
        Created on:   %s
        Labels:       <none>
        Annotations:  <none>
        Spec:
          PodSelector:     role=db
          Allowing ingress traffic:
            To Port: 6379/TCP
            From:
              IPBlock:
                CIDR: 172.17.0.0/16
                Except: 172.17.1.0/24
            From:
              NamespaceSelector: project=myproject
            From:
              PodSelector: role=frontend
          Allowing egress traffic:
            To Port: 5978/TCP
            To:
              IPBlock:
                CIDR: 10.0.0.0/24
                Except:\s
          Policy Types: Ingress, Egress
        """.formatted(created));
  }

  @Test
  void describeOfADefaultDenyPolicyIsolatesAllPodsForIngress() {
    k.apply(DEFAULT_DENY);

    assertThat(k.output("describe networkpolicy default-deny-ingress")).endsWith("""
        Spec:
          PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)
          Allowing ingress traffic:
            <none> (Selected pods are isolated for ingress connectivity)
          Not affecting egress traffic
          Policy Types: Ingress
        """);
  }

  @Test
  void describeSeparatesRulesAndNamesAnyPortAnyPeerRangesAndCombinedSelectors() {
    k.apply("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: mixed, labels: {team: net}}
        spec:
          podSelector: {matchExpressions: [{key: app, operator: In, values: [web, api]}]}
          policyTypes: [Egress]
          ingress:
          - {}
          egress:
          - ports: [{port: 32000, endPort: 32768}, {protocol: UDP}]
            to: [{namespaceSelector: {matchLabels: {team: x}}, podSelector: {}}]
          - {}
        """);

    assertThat(k.output("describe netpol mixed")).endsWith("""
        Labels:       team=net
        Annotations:  <none>
        Spec:
          PodSelector:     app in (api,web)
          Not affecting ingress traffic
          Allowing egress traffic:
            To Port Range: 32000-32768/TCP
            To Port: <nil>/UDP
            To:
              NamespaceSelector: team=x
              PodSelector: <none>
            ----------
            To Port: <any> (traffic allowed to all ports)
            To: <any> (traffic not restricted by destination)
          Policy Types: Egress
        """);
  }
}
