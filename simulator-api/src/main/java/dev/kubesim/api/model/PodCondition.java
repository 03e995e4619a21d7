package dev.kubesim.api.model;

import java.util.Optional;

/** {@code status.conditions[i]} of a Pod ({@code PodScheduled}, {@code Ready}, ...). */
public record PodCondition(
    Optional<String> type,
    Optional<Long> observedGeneration,
    Optional<String> status,
    Optional<String> lastProbeTime,
    Optional<String> lastTransitionTime,
    Optional<String> reason,
    Optional<String> message) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param type the {@code type} field; {@code null} for absent
   * @param observedGeneration the {@code observedGeneration} field; {@code null} for absent
   * @param status the object's {@code status}: what the cluster last observed; {@code null} for
   *     absent
   * @param lastProbeTime the {@code lastProbeTime} field; {@code null} for absent
   * @param lastTransitionTime the {@code lastTransitionTime} field; {@code null} for absent
   * @param reason a human-readable reason, as the component that decided it words it; {@code null}
   *     for absent
   * @param message the {@code message} field; {@code null} for absent
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
