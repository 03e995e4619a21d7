package dev.kubesim.api.model;

import java.util.Optional;

/** {@code state.waiting} of a container status. */
public record ContainerStateWaiting(
    Optional<String> reason,
    Optional<String> message) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param reason a human-readable reason, as the component that decided it words it; {@code null}
   *     for absent
   * @param message the {@code message} field; {@code null} for absent
   */
  public ContainerStateWaiting {
    reason = Values.opt(reason);
    message = Values.opt(message);
  }
}
