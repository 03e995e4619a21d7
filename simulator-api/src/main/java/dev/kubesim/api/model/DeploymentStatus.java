package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code status} of a Deployment.
 *
 * @param observedGeneration the generation the controller last acted on
 * @param replicas pods of all its ReplicaSets
 * @param updatedReplicas pods of the current template
 * @param readyReplicas pods that are ready
 * @param availableReplicas pods ready for at least {@code minReadySeconds}
 * @param unavailableReplicas pods still needed for the desired number to be available
 * @param conditions {@code Available} and {@code Progressing}
 */
public record DeploymentStatus(
    Optional<Long> observedGeneration,
    Optional<Integer> replicas,
    Optional<Integer> updatedReplicas,
    Optional<Integer> readyReplicas,
    Optional<Integer> availableReplicas,
    Optional<Integer> unavailableReplicas,
    Optional<Integer> terminatingReplicas,
    List<Object> conditions,
    Optional<Integer> collisionCount) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param observedGeneration the generation the controller last acted on
   * @param replicas pods of all its ReplicaSets
   * @param updatedReplicas pods of the current template
   * @param readyReplicas pods that are ready
   * @param availableReplicas pods ready for at least {@code minReadySeconds}
   * @param unavailableReplicas pods still needed for the desired number to be available
   * @param terminatingReplicas the {@code terminatingReplicas} field; {@code null} for absent
   * @param conditions {@code Available} and {@code Progressing}
   * @param collisionCount the {@code collisionCount} field; {@code null} for absent
   */
  public DeploymentStatus {
    observedGeneration = Values.opt(observedGeneration);
    replicas = Values.opt(replicas);
    updatedReplicas = Values.opt(updatedReplicas);
    readyReplicas = Values.opt(readyReplicas);
    availableReplicas = Values.opt(availableReplicas);
    unavailableReplicas = Values.opt(unavailableReplicas);
    terminatingReplicas = Values.opt(terminatingReplicas);
    conditions = Values.list(conditions);
    collisionCount = Values.opt(collisionCount);
  }
}
