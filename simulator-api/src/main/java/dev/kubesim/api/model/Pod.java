package dev.kubesim.api.model;

import java.util.Optional;

/**
 * A Pod ({@code v1}): a group of containers scheduled together onto a node.
 *
 * @param apiVersion the object's {@code apiVersion}
 * @param kind the object's {@code kind}
 * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
 * @param spec the desired state, as its author wrote it (with the API server's defaults)
 * @param status the observed state, as the controllers and kubelets last wrote it; empty until then
 */
public record Pod(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<PodSpec> spec,
    Optional<PodStatus> status)
    implements KubeObject {
  /** The {@code apiVersion} of a {@code Pod}: {@value}. */
  public static final String API_VERSION = "v1";
  /** The {@code kind} of this object: {@value}. */
  public static final String KIND = "Pod";

  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param apiVersion the object's {@code apiVersion}
   * @param kind the object's {@code kind}
   * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
   * @param spec the desired state, as its author wrote it (with the API server's defaults)
   * @param status the observed state, as the controllers and kubelets last wrote it; empty until
   *     then
   */
  public Pod {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /**
   * A new Pod object with this metadata and spec.
   *
   * @param metadata the object's {@code metadata}
   * @param spec the object's {@code spec}: the state its author wants
   * @return a new Pod object with this metadata and spec
   */
  public static Pod of(ObjectMeta metadata, PodSpec spec) {
    return new Pod(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /**
   * The spec, or an empty one when the object has none.
   *
   * @return the spec, or an empty one when the object has none
   */
  public PodSpec specOrEmpty() {
    return spec.orElseGet(PodSpec::empty);
  }

  @Override
  public Pod withMetadata(ObjectMeta value) {
    return new Pod(apiVersion, kind, value, spec, status);
  }

  /**
   * A copy with {@link #spec()} replaced.
   *
   * @param value the new {@code spec}
   * @return a copy of this {@code Pod} with {@code spec} set
   */
  public Pod withSpec(PodSpec value) {
    return new Pod(apiVersion, kind, metadata, Optional.of(value), status);
  }

  /**
   * A copy with {@link #status()} replaced.
   *
   * @param value the new {@code status}
   * @return a copy of this {@code Pod} with {@code status} set
   */
  public Pod withStatus(PodStatus value) {
    return new Pod(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
