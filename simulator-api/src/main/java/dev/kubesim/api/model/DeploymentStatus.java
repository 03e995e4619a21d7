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
