package dev.kubesim.api.model;

import java.util.Optional;

/** {@code state.running} of a container status. */
public record ContainerStateRunning(
    Optional<String> startedAt) {
  public ContainerStateRunning {
    startedAt = Values.opt(startedAt);
  }
}
