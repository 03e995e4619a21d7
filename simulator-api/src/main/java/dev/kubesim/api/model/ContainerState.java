package dev.kubesim.api.model;

import java.util.Optional;

/** The state of a container: at most one of waiting, running and terminated. */
public record ContainerState(
    Optional<ContainerStateWaiting> waiting,
    Optional<ContainerStateRunning> running,
    Optional<ContainerStateTerminated> terminated) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param waiting the {@code waiting} field; {@code null} for absent
   * @param running the {@code running} field; {@code null} for absent
   * @param terminated the {@code terminated} field; {@code null} for absent
   */
  public ContainerState {
    waiting = Values.opt(waiting);
    running = Values.opt(running);
    terminated = Values.opt(terminated);
  }
}
