package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code status.conditions[i]} of a Node ({@code Ready}, {@code MemoryPressure}, ...).
 *
 * @param type {@code Ready}, {@code MemoryPressure}, {@code DiskPressure}, {@code PIDPressure},
 *     {@code NetworkUnavailable}
 * @param status {@code True}, {@code False} or {@code Unknown} (the node stopped posting its
 *     status)
 * @param lastHeartbeatTime when the kubelet last reported it
 * @param lastTransitionTime when the status last changed
 * @param reason why, in one CamelCase word ({@code KubeletReady}, {@code NodeStatusUnknown})
 * @param message why, for people
 */
public record NodeCondition(
    Optional<String> type,
    Optional<String> status,
    Optional<String> lastHeartbeatTime,
    Optional<String> lastTransitionTime,
    Optional<String> reason,
    Optional<String> message) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param type {@code Ready}, {@code MemoryPressure}, {@code DiskPressure}, {@code PIDPressure},
   *     {@code NetworkUnavailable}
   * @param status {@code True}, {@code False} or {@code Unknown} (the node stopped posting its
   *     status)
   * @param lastHeartbeatTime when the kubelet last reported it
   * @param lastTransitionTime when the status last changed
   * @param reason why, in one CamelCase word ({@code KubeletReady}, {@code NodeStatusUnknown})
   * @param message why, for people
   */
  public NodeCondition {
    type = Values.opt(type);
    status = Values.opt(status);
    lastHeartbeatTime = Values.opt(lastHeartbeatTime);
    lastTransitionTime = Values.opt(lastTransitionTime);
    reason = Values.opt(reason);
    message = Values.opt(message);
  }
}
