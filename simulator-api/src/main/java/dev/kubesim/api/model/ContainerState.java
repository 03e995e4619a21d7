package dev.kubesim.api.model;

import java.util.Optional;

/** The state of a container: at most one of waiting, running and terminated. */
public record ContainerState(
    Optional<ContainerStateWaiting> waiting,
    Optional<ContainerStateRunning> running,
    Optional<ContainerStateTerminated> terminated) {
  public ContainerState {
    waiting = Values.opt(waiting);
    running = Values.opt(running);
    terminated = Values.opt(terminated);
  }
}
