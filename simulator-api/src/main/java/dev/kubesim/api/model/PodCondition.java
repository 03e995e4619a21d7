package dev.kubesim.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * {@code status.conditions[i]} of a Pod ({@code PodScheduled}, {@code Ready}, ...).
 *
 * @param type {@code PodScheduled}, {@code Initialized}, {@code ContainersReady}, {@code Ready},
 *     ...
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param lastProbeTime when the condition was last probed; written as {@code null} when never, as the
 *     API server writes it (its Go type is a struct that {@code omitempty} does not drop)
 * @param lastTransitionTime when the status last changed
 * @param reason why, in one CamelCase word
 * @param message why, for people
 */
public record PodCondition(
    Optional<String> type,
    Optional<Long> observedGeneration,
    Optional<String> status,
    @JsonInclude(JsonInclude.Include.ALWAYS) Optional<String> lastProbeTime,
    Optional<String> lastTransitionTime,
    Optional<String> reason,
    Optional<String> message) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param type {@code PodScheduled}, {@code Initialized}, {@code ContainersReady}, {@code Ready},
   *     ...
   * @param observedGeneration the {@code observedGeneration} field; {@code null} for absent
   * @param status {@code True}, {@code False} or {@code Unknown}
   * @param lastProbeTime when the condition was last probed
   * @param lastTransitionTime when the status last changed
   * @param reason why, in one CamelCase word
   * @param message why, for people
   */
  public PodCondition {
    type = Values.opt(type);
    observedGeneration = Values.opt(observedGeneration);
    status = Values.opt(status);
    lastProbeTime = Values.opt(lastProbeTime);
    lastTransitionTime = Values.opt(lastTransitionTime);
    reason = Values.opt(reason);
    message = Values.opt(message);
  }
}
