package dev.kubesim.api.model;

import java.util.List;

/**
 * {@code spec} of a NetworkPolicy: the pods it applies to ({@code podSelector}; empty selects every
 * pod of the namespace), the ingress and egress rules that allow traffic, and the rule types it
 * governs ({@code policyTypes}: {@code Ingress}, {@code Egress}). The API server defaults {@code
 * policyTypes} to {@code [Ingress]}, plus {@code Egress} when there are egress rules.
 *
 * @param podSelector the pods the policy isolates and admits traffic to or from; empty selects
 *     every pod of the namespace
 * @param ingress the traffic the selected pods admit; none when empty
 * @param egress the traffic the selected pods may send; none when empty
 * @param policyTypes {@code Ingress}, {@code Egress} or both: the directions the policy isolates
 */
public record NetworkPolicySpec(
    LabelSelector podSelector,
    List<NetworkPolicyIngressRule> ingress,
    List<NetworkPolicyEgressRule> egress,
    List<String> policyTypes) {
  /** The policy type of rules about traffic to the selected pods. */
  public static final String POLICY_TYPE_INGRESS = "Ingress";
  /** The policy type of rules about traffic from the selected pods. */
  public static final String POLICY_TYPE_EGRESS = "Egress";

  /**
   * An absent pod selector becomes the empty selector (all pods); absent lists become empty.
   *
   * @param podSelector the pods the policy isolates and admits traffic to or from; empty selects
   *     every pod of the namespace
   * @param ingress the traffic the selected pods admit; none when empty
   * @param egress the traffic the selected pods may send; none when empty
   * @param policyTypes {@code Ingress}, {@code Egress} or both: the directions the policy isolates
   */
  public NetworkPolicySpec {
    podSelector = podSelector == null ? new LabelSelector(null, null) : podSelector;
    ingress = Values.list(ingress);
    egress = Values.list(egress);
    policyTypes = Values.list(policyTypes);
  }

  static NetworkPolicySpec empty() {
    return new NetworkPolicySpec(null, null, null, null);
  }

  /**
   * A copy with these ingress rules.
   *
   * @param value the new {@code ingress}
   * @return a copy of this {@code NetworkPolicySpec} with {@code ingress} replaced
   */
  public NetworkPolicySpec withIngress(List<NetworkPolicyIngressRule> value) {
    return new NetworkPolicySpec(podSelector, value, egress, policyTypes);
  }

  /**
   * A copy with these egress rules.
   *
   * @param value the new {@code egress}
   * @return a copy of this {@code NetworkPolicySpec} with {@code egress} replaced
   */
  public NetworkPolicySpec withEgress(List<NetworkPolicyEgressRule> value) {
    return new NetworkPolicySpec(podSelector, ingress, value, policyTypes);
  }

  /**
   * A copy with these policy types.
   *
   * @param value the new {@code policyTypes}
   * @return a copy of this {@code NetworkPolicySpec} with {@code policyTypes} replaced
   */
  public NetworkPolicySpec withPolicyTypes(List<String> value) {
    return new NetworkPolicySpec(podSelector, ingress, egress, value);
  }
}
