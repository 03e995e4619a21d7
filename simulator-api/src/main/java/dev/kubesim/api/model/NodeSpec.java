package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** {@code spec} of a Node: pod CIDRs, provider ID, whether it is cordoned, taints. */
public record NodeSpec(
    Optional<String> podCIDR,
    List<String> podCIDRs,
    Optional<String> providerID,
    Optional<Boolean> unschedulable,
    List<Object> taints,
    Optional<Object> configSource,
    Optional<String> externalID) {
  public NodeSpec {
    podCIDR = Values.opt(podCIDR);
    podCIDRs = Values.list(podCIDRs);
    providerID = Values.opt(providerID);
    unschedulable = Values.opt(unschedulable);
    taints = Values.list(taints);
    configSource = Values.opt(configSource);
    externalID = Values.opt(externalID);
  }

  static NodeSpec empty() {
    return new NodeSpec(null, null, null, null, null, null, null);
  }
}
