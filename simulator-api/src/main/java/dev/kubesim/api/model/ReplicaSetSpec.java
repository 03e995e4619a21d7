package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec} of a ReplicaSet. */
public record ReplicaSetSpec(
    Optional<Integer> replicas,
    Optional<Integer> minReadySeconds,
    Optional<LabelSelector> selector,
    Optional<PodTemplateSpec> template) {
  public ReplicaSetSpec {
    replicas = Values.opt(replicas);
    minReadySeconds = Values.opt(minReadySeconds);
    selector = Values.opt(selector);
    template = Values.opt(template);
  }

  static ReplicaSetSpec empty() {
    return new ReplicaSetSpec(null, null, null, null);
  }

  public ReplicaSetSpec withReplicas(Integer value) {
    return new ReplicaSetSpec(Optional.ofNullable(value), minReadySeconds, selector, template);
  }
}
