package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec.strategy.rollingUpdate} of a Deployment: how far a rollout may go below and above the desired replicas. */
public record RollingUpdateDeployment(
    Optional<IntOrString> maxUnavailable,
    Optional<IntOrString> maxSurge) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param maxUnavailable the {@code maxUnavailable} field; {@code null} for absent
   * @param maxSurge the {@code maxSurge} field; {@code null} for absent
   */
  public RollingUpdateDeployment {
    maxUnavailable = Values.opt(maxUnavailable);
    maxSurge = Values.opt(maxSurge);
  }
}
