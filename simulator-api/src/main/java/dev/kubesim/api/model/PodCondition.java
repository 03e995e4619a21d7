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
