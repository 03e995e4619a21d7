package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code status} of a ReplicaSet.
 *
 * @param replicas the pods it owns
 * @param fullyLabeledReplicas those whose labels match the template's
 * @param readyReplicas those that are ready
 * @param availableReplicas those ready for at least {@code minReadySeconds}
 * @param terminatingReplicas those being deleted
 * @param observedGeneration the generation the controller last acted on
 * @param conditions failures to create or delete pods
 */
public record ReplicaSetStatus(
    Optional<Integer> replicas,
    Optional<Integer> fullyLabeledReplicas,
    Optional<Integer> readyReplicas,
    Optional<Integer> availableReplicas,
    Optional<Integer> terminatingReplicas,
    Optional<Long> observedGeneration,
    List<Object> conditions) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param replicas the pods it owns
   * @param fullyLabeledReplicas those whose labels match the template's
   * @param readyReplicas those that are ready
   * @param availableReplicas those ready for at least {@code minReadySeconds}
   * @param terminatingReplicas those being deleted
   * @param observedGeneration the generation the controller last acted on
   * @param conditions failures to create or delete pods
   */
  public ReplicaSetStatus {
    replicas = Values.opt(replicas);
    fullyLabeledReplicas = Values.opt(fullyLabeledReplicas);
    readyReplicas = Values.opt(readyReplicas);
    availableReplicas = Values.opt(availableReplicas);
    terminatingReplicas = Values.opt(terminatingReplicas);
    observedGeneration = Values.opt(observedGeneration);
    conditions = Values.list(conditions);
  }
}
