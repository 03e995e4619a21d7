package dev.kubesim.api.model;

import java.util.Optional;

/**
 * A pod template ({@code spec.template} of a workload): metadata and spec of the pods to create.
 *
 * @param metadata the pods' labels and annotations
 * @param spec the pods' spec
 */
public record PodTemplateSpec(
    ObjectMeta metadata,
    Optional<PodSpec> spec) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param metadata the pods' labels and annotations
   * @param spec the pods' spec
   */
  public PodTemplateSpec {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
  }

  /**
   * A copy with {@link #metadata()} replaced.
   *
   * @param value the new {@code metadata}
   * @return a copy of this {@code PodTemplateSpec} with {@code metadata} set
   */
  public PodTemplateSpec withMetadata(ObjectMeta value) {
    return new PodTemplateSpec(value, spec);
  }

  /**
   * A copy with {@link #spec()} replaced.
   *
   * @param value the new {@code spec}
   * @return a copy of this {@code PodTemplateSpec} with {@code spec} set
   */
  public PodTemplateSpec withSpec(PodSpec value) {
    return new PodTemplateSpec(metadata, Optional.ofNullable(value));
  }

  /**
   * The spec, or an empty one when the template has none.
   *
   * @return the spec, or an empty one when the template has none
   */
  public PodSpec specOrEmpty() {
    return spec.orElseGet(PodSpec::empty);
  }
}
