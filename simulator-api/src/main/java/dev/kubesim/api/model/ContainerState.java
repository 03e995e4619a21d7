package dev.kubesim.api.model;

import java.util.Optional;

/**
 * The state of a container: at most one of waiting, running and terminated.
 *
 * @param waiting details when the container is not running yet (pulling its image, backing off)
 * @param running details when it runs
 * @param terminated details when it has ended
 */
public record ContainerState(
    Optional<ContainerStateWaiting> waiting,
    Optional<ContainerStateRunning> running,
    Optional<ContainerStateTerminated> terminated) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param waiting details when the container is not running yet (pulling its image, backing off)
   * @param running details when it runs
   * @param terminated details when it has ended
   */
  public ContainerState {
    waiting = Values.opt(waiting);
    running = Values.opt(running);
    terminated = Values.opt(terminated);
  }
}
