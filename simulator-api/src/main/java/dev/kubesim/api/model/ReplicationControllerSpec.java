package dev.kubesim.api.model;

import java.util.Map;
import java.util.Optional;

/**
 * {@code spec} of a ReplicationController.
 *
 * @param replicas the desired number of pods (default 1)
 * @param minReadySeconds how long a new pod must be ready to count as available
 * @param selector the labels of the pods it owns; defaulted from the template's labels
 * @param template the pods to create
 */
public record ReplicationControllerSpec(
    Optional<Integer> replicas,
    Optional<Integer> minReadySeconds,
    Map<String, String> selector,
    Optional<PodTemplateSpec> template) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param replicas the desired number of pods (default 1)
   * @param minReadySeconds how long a new pod must be ready to count as available
   * @param selector the labels of the pods it owns; defaulted from the template's labels
   * @param template the pods to create
   */
  public ReplicationControllerSpec {
    replicas = Values.opt(replicas);
    minReadySeconds = Values.opt(minReadySeconds);
    selector = Values.map(selector);
    template = Values.opt(template);
  }

  static ReplicationControllerSpec empty() {
    return new ReplicationControllerSpec(null, null, null, null);
  }

  /**
   * A copy with {@link #replicas()} replaced.
   *
   * @param value the new {@code replicas}
   * @return a copy of this {@code ReplicationControllerSpec} with {@code replicas} set
   */
  public ReplicationControllerSpec withReplicas(Integer value) {
    return new ReplicationControllerSpec(Optional.ofNullable(value), minReadySeconds, selector, template);
  }

  /**
   * A copy with {@link #selector()} replaced.
   *
   * @param value the new {@code selector}
   * @return a copy of this {@code ReplicationControllerSpec} with {@code selector} set
   */
  public ReplicationControllerSpec withSelector(Map<String, String> value) {
    return new ReplicationControllerSpec(replicas, minReadySeconds, value, template);
  }

  /**
   * A copy with {@link #template()} replaced.
   *
   * @param value the new {@code template}
   * @return a copy of this {@code ReplicationControllerSpec} with {@code template} set
   */
  public ReplicationControllerSpec withTemplate(PodTemplateSpec value) {
    return new ReplicationControllerSpec(replicas, minReadySeconds, selector, Optional.ofNullable(value));
  }
}
