package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code state.waiting} of a container status.
 *
 * @param reason why, in one word ({@code ContainerCreating}, {@code ImagePullBackOff}, {@code
 *     CrashLoopBackOff})
 * @param message why, for people
 */
public record ContainerStateWaiting(
    Optional<String> reason,
    Optional<String> message) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param reason why, in one word ({@code ContainerCreating}, {@code ImagePullBackOff}, {@code
   *     CrashLoopBackOff})
   * @param message why, for people
   */
  public ContainerStateWaiting {
    reason = Values.opt(reason);
    message = Values.opt(message);
  }
}
