package dev.kubesim.api.model;

import java.util.Optional;

/** {@code state.waiting} of a container status. */
public record ContainerStateWaiting(
    Optional<String> reason,
    Optional<String> message) {
  public ContainerStateWaiting {
    reason = Values.opt(reason);
    message = Values.opt(message);
  }
}
