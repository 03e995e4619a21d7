package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** {@code status} of a ReplicaSet. */
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
   * @param replicas the {@code replicas} field; {@code null} for absent
   * @param fullyLabeledReplicas the {@code fullyLabeledReplicas} field; {@code null} for absent
   * @param readyReplicas the {@code readyReplicas} field; {@code null} for absent
   * @param availableReplicas the {@code availableReplicas} field; {@code null} for absent
   * @param terminatingReplicas the {@code terminatingReplicas} field; {@code null} for absent
   * @param observedGeneration the {@code observedGeneration} field; {@code null} for absent
   * @param conditions the {@code conditions} field; {@code null} for none
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
