package dev.kubesim.api.model;

import java.util.Map;
import java.util.Optional;

/** {@code spec} of a ReplicationController. */
public record ReplicationControllerSpec(
    Optional<Integer> replicas,
    Optional<Integer> minReadySeconds,
    Map<String, String> selector,
    Optional<PodTemplateSpec> template) {
  public ReplicationControllerSpec {
    replicas = Values.opt(replicas);
    minReadySeconds = Values.opt(minReadySeconds);
    selector = Values.map(selector);
    template = Values.opt(template);
  }

  static ReplicationControllerSpec empty() {
    return new ReplicationControllerSpec(null, null, null, null);
  }

  public ReplicationControllerSpec withReplicas(Integer value) {
    return new ReplicationControllerSpec(Optional.ofNullable(value), minReadySeconds, selector, template);
  }

  public ReplicationControllerSpec withSelector(Map<String, String> value) {
    return new ReplicationControllerSpec(replicas, minReadySeconds, value, template);
  }

  public ReplicationControllerSpec withTemplate(PodTemplateSpec value) {
    return new ReplicationControllerSpec(replicas, minReadySeconds, selector, Optional.ofNullable(value));
  }
}
