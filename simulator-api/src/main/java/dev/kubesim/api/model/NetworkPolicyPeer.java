package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code from[i]} or {@code to[i]} of a NetworkPolicy rule: pods ({@code podSelector}, in the
 * policy's namespace unless {@code namespaceSelector} is also set), all pods of namespaces ({@code
 * namespaceSelector}), or addresses ({@code ipBlock}, which may not be combined with the others).
 * A present but empty selector selects everything.
 */
public record NetworkPolicyPeer(
    Optional<LabelSelector> podSelector,
    Optional<LabelSelector> namespaceSelector,
    Optional<IPBlock> ipBlock) {
  /**
   * Absent values become {@code Optional.empty()}.
   *
   * @param podSelector a label selector of pods
   * @param namespaceSelector the {@code namespaceSelector} field
   * @param ipBlock the {@code ipBlock} field
   */
  public NetworkPolicyPeer {
    podSelector = Values.opt(podSelector);
    namespaceSelector = Values.opt(namespaceSelector);
    ipBlock = Values.opt(ipBlock);
  }
}
