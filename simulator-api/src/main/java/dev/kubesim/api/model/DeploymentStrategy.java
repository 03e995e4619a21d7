package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec.strategy} of a Deployment: {@code RollingUpdate} (with its parameters) or {@code Recreate}. */
public record DeploymentStrategy(
    Optional<String> type,
    Optional<RollingUpdateDeployment> rollingUpdate) {
  public DeploymentStrategy {
    type = Values.opt(type);
    rollingUpdate = Values.opt(rollingUpdate);
  }
}
