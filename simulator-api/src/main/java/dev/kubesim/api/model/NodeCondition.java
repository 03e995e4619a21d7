package dev.kubesim.api.model;

import java.util.Optional;

/** {@code status.conditions[i]} of a Node ({@code Ready}, {@code MemoryPressure}, ...). */
public record NodeCondition(
    Optional<String> type,
    Optional<String> status,
    Optional<String> lastHeartbeatTime,
    Optional<String> lastTransitionTime,
    Optional<String> reason,
    Optional<String> message) {
  public NodeCondition {
    type = Values.opt(type);
    status = Values.opt(status);
    lastHeartbeatTime = Values.opt(lastHeartbeatTime);
    lastTransitionTime = Values.opt(lastTransitionTime);
    reason = Values.opt(reason);
    message = Values.opt(message);
  }
}
