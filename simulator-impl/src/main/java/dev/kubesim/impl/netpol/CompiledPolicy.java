package dev.kubesim.impl.netpol;

import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.NetworkPolicy;
import dev.kubesim.api.model.NetworkPolicyEgressRule;
import dev.kubesim.api.model.NetworkPolicyIngressRule;
import dev.kubesim.api.model.NetworkPolicySpec;
import dev.kubesim.impl.labels.LabelSelectors;
import dev.kubesim.impl.net.PolicyRef.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * A NetworkPolicy as enforcement uses it: which pods of its namespace it selects, which directions
 * it isolates ({@code policyTypes}), and its rules with selectors and CIDRs ready to match.
 */
record CompiledPolicy(String namespace, String name, LabelSelector podSelector, boolean isolatesIngress,
    boolean isolatesEgress, List<CompiledRule> ingress, List<CompiledRule> egress) {
  static CompiledPolicy of(NetworkPolicy policy) {
    NetworkPolicySpec spec = policy.specOrEmpty();
    List<CompiledRule> ingress = new ArrayList<>();
    for (NetworkPolicyIngressRule r : spec.ingress()) {
      ingress.add(CompiledRule.of(ingress.size(), r.from(), r.ports()));
    }
    List<CompiledRule> egress = new ArrayList<>();
    for (NetworkPolicyEgressRule r : spec.egress()) {
      egress.add(CompiledRule.of(egress.size(), r.to(), r.ports()));
    }
    List<String> types = spec.policyTypes();
    // The API server defaults policyTypes; a stored object always has them. Read an empty list as the default would.
    boolean in = types.isEmpty() || types.contains(NetworkPolicySpec.POLICY_TYPE_INGRESS);
    boolean out = types.isEmpty() ? !egress.isEmpty() : types.contains(NetworkPolicySpec.POLICY_TYPE_EGRESS);
    return new CompiledPolicy(policy.metadata().namespace().orElse(""), policy.metadata().nameOrEmpty(),
        spec.podSelector(), in, out, List.copyOf(ingress), List.copyOf(egress));
  }

  /** Whether the policy's pod selector selects this pod (of its own namespace). */
  boolean selects(PodEntry pod) {
    return pod.namespace().equals(namespace) && LabelSelectors.matches(podSelector, pod.labels());
  }

  /** Whether the policy isolates the pods it selects in this direction ({@code policyTypes}). */
  boolean isolates(Direction direction) {
    return direction == Direction.INGRESS ? isolatesIngress : isolatesEgress;
  }

  List<CompiledRule> rules(Direction direction) {
    return direction == Direction.INGRESS ? ingress : egress;
  }
}
