package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code spec} of a Node: pod CIDRs, provider ID, whether it is cordoned, taints.
 *
 * @param podCIDR the range the node's pods get their addresses from
 * @param podCIDRs the ranges, one per IP family
 * @param providerID the cloud's id of the machine
 * @param unschedulable whether new pods may not be scheduled here ({@code kubectl cordon})
 * @param taints the node's taints: pods that do not tolerate them are kept off or evicted
 * @param configSource deprecated, as written
 * @param externalID deprecated, as written
 */
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
   * @param podCIDR the range the node's pods get their addresses from
   * @param podCIDRs the ranges, one per IP family
   * @param providerID the cloud's id of the machine
   * @param unschedulable whether new pods may not be scheduled here ({@code kubectl cordon})
   * @param taints the node's taints: pods that do not tolerate them are kept off or evicted
   * @param configSource deprecated, as written
   * @param externalID deprecated, as written
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
