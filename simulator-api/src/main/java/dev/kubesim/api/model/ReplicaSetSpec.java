package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code spec} of a ReplicaSet.
 *
 * @param replicas the desired number of pods (default 1)
 * @param minReadySeconds how long a new pod must be ready to count as available
 * @param selector the pods the ReplicaSet owns
 * @param template the pods to create
 */
public record ReplicaSetSpec(
    Optional<Integer> replicas,
    Optional<Integer> minReadySeconds,
    Optional<LabelSelector> selector,
    Optional<PodTemplateSpec> template) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param replicas the desired number of pods (default 1)
   * @param minReadySeconds how long a new pod must be ready to count as available
   * @param selector the pods the ReplicaSet owns
   * @param template the pods to create
   */
  public ReplicaSetSpec {
    replicas = Values.opt(replicas);
    minReadySeconds = Values.opt(minReadySeconds);
    selector = Values.opt(selector);
    template = Values.opt(template);
  }

  static ReplicaSetSpec empty() {
    return new ReplicaSetSpec(null, null, null, null);
  }

  /**
   * A copy with {@link #replicas()} replaced.
   *
   * @param value the new {@code replicas}
   * @return a copy of this {@code ReplicaSetSpec} with {@code replicas} set
   */
  public ReplicaSetSpec withReplicas(Integer value) {
    return new ReplicaSetSpec(Optional.ofNullable(value), minReadySeconds, selector, template);
  }
}
