package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** {@code status} of a Deployment. */
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
   * @param observedGeneration the {@code observedGeneration} field; {@code null} for absent
   * @param replicas the {@code replicas} field; {@code null} for absent
   * @param updatedReplicas the {@code updatedReplicas} field; {@code null} for absent
   * @param readyReplicas the {@code readyReplicas} field; {@code null} for absent
   * @param availableReplicas the {@code availableReplicas} field; {@code null} for absent
   * @param unavailableReplicas the {@code unavailableReplicas} field; {@code null} for absent
   * @param terminatingReplicas the {@code terminatingReplicas} field; {@code null} for absent
   * @param conditions the {@code conditions} field; {@code null} for none
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
