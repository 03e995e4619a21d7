package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code state.running} of a container status.
 *
 * @param startedAt when the container started
 */
public record ContainerStateRunning(
    Optional<String> startedAt) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param startedAt when the container started
   */
  public ContainerStateRunning {
    startedAt = Values.opt(startedAt);
  }
}
