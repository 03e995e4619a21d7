package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** {@code status} of a ReplicationController. */
public record ReplicationControllerStatus(
    Optional<Integer> replicas,
    Optional<Integer> fullyLabeledReplicas,
    Optional<Integer> readyReplicas,
    Optional<Integer> availableReplicas,
    Optional<Long> observedGeneration,
    List<Object> conditions) {
  public ReplicationControllerStatus {
    replicas = Values.opt(replicas);
    fullyLabeledReplicas = Values.opt(fullyLabeledReplicas);
    readyReplicas = Values.opt(readyReplicas);
    availableReplicas = Values.opt(availableReplicas);
    observedGeneration = Values.opt(observedGeneration);
    conditions = Values.list(conditions);
  }
}
