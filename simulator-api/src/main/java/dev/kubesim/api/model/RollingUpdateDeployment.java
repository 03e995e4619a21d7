package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code spec.strategy.rollingUpdate} of a Deployment: how far a rollout may go below and above the
 * desired replicas.
 *
 * @param maxUnavailable how many pods (or what percentage of the desired number) may be unavailable
 *     during the update (default 25%)
 * @param maxSurge how many pods may be created above the desired number (default 25%)
 */
public record RollingUpdateDeployment(
    Optional<IntOrString> maxUnavailable,
    Optional<IntOrString> maxSurge) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param maxUnavailable how many pods (or what percentage of the desired number) may be
   *     unavailable during the update (default 25%)
   * @param maxSurge how many pods may be created above the desired number (default 25%)
   */
  public RollingUpdateDeployment {
    maxUnavailable = Values.opt(maxUnavailable);
    maxSurge = Values.opt(maxSurge);
  }
}
