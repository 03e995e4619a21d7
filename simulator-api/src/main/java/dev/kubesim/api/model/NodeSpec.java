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
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param podCIDR the {@code podCIDR} field; {@code null} for absent
   * @param podCIDRs the {@code podCIDRs} field; {@code null} for none
   * @param providerID the {@code providerID} field; {@code null} for absent
   * @param unschedulable the {@code unschedulable} field; {@code null} for absent
   * @param taints the {@code taints} field; {@code null} for none
   * @param configSource the {@code configSource} field; {@code null} for absent
   * @param externalID the {@code externalID} field; {@code null} for absent
   */
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
