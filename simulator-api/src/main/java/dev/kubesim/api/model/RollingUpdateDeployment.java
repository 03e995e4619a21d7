package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec.strategy.rollingUpdate} of a Deployment: how far a rollout may go below and above the desired replicas. */
public record RollingUpdateDeployment(
    Optional<IntOrString> maxUnavailable,
    Optional<IntOrString> maxSurge) {
  public RollingUpdateDeployment {
    maxUnavailable = Values.opt(maxUnavailable);
    maxSurge = Values.opt(maxSurge);
  }
}
