package dev.kubesim.api.model;

import java.util.Optional;

/**
 * A ReplicaSet ({@code apps/v1}): keeps a number of pods matching a label selector running.
 *
 * @param apiVersion the object's {@code apiVersion}
 * @param kind the object's {@code kind}
 * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
 * @param spec the desired state, as its author wrote it (with the API server's defaults)
 * @param status the observed state, as the controllers and kubelets last wrote it; empty until then
 */
public record ReplicaSet(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<ReplicaSetSpec> spec,
    Optional<ReplicaSetStatus> status)
    implements KubeObject {
  /** The {@code apiVersion} of a {@code ReplicaSet}: {@value}. */
  public static final String API_VERSION = "apps/v1";
  /** The {@code kind} of this object: {@value}. */
  public static final String KIND = "ReplicaSet";

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
  public ReplicaSet {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /**
   * A new ReplicaSet object with this metadata and spec.
   *
   * @param metadata the object's {@code metadata}
   * @param spec the object's {@code spec}: the state its author wants
   * @return a new ReplicaSet object with this metadata and spec
   */
  public static ReplicaSet of(ObjectMeta metadata, ReplicaSetSpec spec) {
    return new ReplicaSet(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /**
   * The spec, or an empty one when the object has none.
   *
   * @return the spec, or an empty one when the object has none
   */
  public ReplicaSetSpec specOrEmpty() {
    return spec.orElseGet(ReplicaSetSpec::empty);
  }

  @Override
  public ReplicaSet withMetadata(ObjectMeta value) {
    return new ReplicaSet(apiVersion, kind, value, spec, status);
  }

  /**
   * A copy with {@link #spec()} replaced.
   *
   * @param value the new {@code spec}
   * @return a copy of this {@code ReplicaSet} with {@code spec} set
   */
  public ReplicaSet withSpec(ReplicaSetSpec value) {
    return new ReplicaSet(apiVersion, kind, metadata, Optional.of(value), status);
  }

  /**
   * A copy with {@link #status()} replaced.
   *
   * @param value the new {@code status}
   * @return a copy of this {@code ReplicaSet} with {@code status} set
   */
  public ReplicaSet withStatus(ReplicaSetStatus value) {
    return new ReplicaSet(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
