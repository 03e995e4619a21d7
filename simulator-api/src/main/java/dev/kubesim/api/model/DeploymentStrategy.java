package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code spec.strategy} of a Deployment: {@code RollingUpdate} (with its parameters) or {@code
 * Recreate}.
 *
 * @param type {@code RollingUpdate} (default) or {@code Recreate}
 * @param rollingUpdate how many pods a rolling update may add and take away at a time
 */
public record DeploymentStrategy(
    Optional<String> type,
    Optional<RollingUpdateDeployment> rollingUpdate) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param type {@code RollingUpdate} (default) or {@code Recreate}
   * @param rollingUpdate how many pods a rolling update may add and take away at a time
   */
  public DeploymentStrategy {
    type = Values.opt(type);
    rollingUpdate = Values.opt(rollingUpdate);
  }
}
