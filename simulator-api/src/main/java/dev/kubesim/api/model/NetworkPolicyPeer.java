package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code from[i]} or {@code to[i]} of a NetworkPolicy rule: pods ({@code podSelector}, in the
 * policy's namespace unless {@code namespaceSelector} is also set), all pods of namespaces ({@code
 * namespaceSelector}), or addresses ({@code ipBlock}, which may not be combined with the others).
 * A present but empty selector selects everything.
 *
 * @param podSelector pods, in the policy's namespace or those {@code namespaceSelector} selects
 * @param namespaceSelector namespaces, by their labels
 * @param ipBlock a CIDR range, less exceptions
 */
public record NetworkPolicyPeer(
    Optional<LabelSelector> podSelector,
    Optional<LabelSelector> namespaceSelector,
    Optional<IPBlock> ipBlock) {
  /**
   * Absent values become {@code Optional.empty()}.
   *
   * @param podSelector pods, in the policy's namespace or those {@code namespaceSelector} selects
   * @param namespaceSelector namespaces, by their labels
   * @param ipBlock a CIDR range, less exceptions
   */
  public NetworkPolicyPeer {
    podSelector = Values.opt(podSelector);
    namespaceSelector = Values.opt(namespaceSelector);
    ipBlock = Values.opt(ipBlock);
  }
}
