package dev.kubesim.api.model;

import java.util.Optional;

/** A pod template ({@code spec.template} of a workload): metadata and spec of the pods to create. */
public record PodTemplateSpec(
    ObjectMeta metadata,
    Optional<PodSpec> spec) {
  public PodTemplateSpec {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
  }

  public PodTemplateSpec withMetadata(ObjectMeta value) {
    return new PodTemplateSpec(value, spec);
  }

  public PodTemplateSpec withSpec(PodSpec value) {
    return new PodTemplateSpec(metadata, Optional.ofNullable(value));
  }

  /** The spec, or an empty one when the template has none. */
  public PodSpec specOrEmpty() {
    return spec.orElseGet(PodSpec::empty);
  }
}
