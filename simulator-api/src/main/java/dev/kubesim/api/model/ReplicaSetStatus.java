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
