package dev.kubesim.api.model;

import java.util.Optional;

/**
 * A ReplicationController ({@code v1}): keeps a number of pods matching an equality selector
 * running.
 *
 * @param apiVersion the object's {@code apiVersion}
 * @param kind the object's {@code kind}
 * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
 * @param spec the desired state, as its author wrote it (with the API server's defaults)
 * @param status the observed state, as the controllers and kubelets last wrote it; empty until then
 */
public record ReplicationController(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<ReplicationControllerSpec> spec,
    Optional<ReplicationControllerStatus> status)
    implements KubeObject {
  /** The {@code apiVersion} of a {@code ReplicationController}: {@value}. */
  public static final String API_VERSION = "v1";
  /** The {@code kind} of this object: {@value}. */
  public static final String KIND = "ReplicationController";

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
  public ReplicationController {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /**
   * A new ReplicationController object with this metadata and spec.
   *
   * @param metadata the object's {@code metadata}
   * @param spec the object's {@code spec}: the state its author wants
   * @return a new ReplicationController object with this metadata and spec
   */
  public static ReplicationController of(ObjectMeta metadata, ReplicationControllerSpec spec) {
    return new ReplicationController(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /**
   * The spec, or an empty one when the object has none.
   *
   * @return the spec, or an empty one when the object has none
   */
  public ReplicationControllerSpec specOrEmpty() {
    return spec.orElseGet(ReplicationControllerSpec::empty);
  }

  @Override
  public ReplicationController withMetadata(ObjectMeta value) {
    return new ReplicationController(apiVersion, kind, value, spec, status);
  }

  /**
   * A copy with {@link #spec()} replaced.
   *
   * @param value the new {@code spec}
   * @return a copy of this {@code ReplicationController} with {@code spec} set
   */
  public ReplicationController withSpec(ReplicationControllerSpec value) {
    return new ReplicationController(apiVersion, kind, metadata, Optional.of(value), status);
  }

  /**
   * A copy with {@link #status()} replaced.
   *
   * @param value the new {@code status}
   * @return a copy of this {@code ReplicationController} with {@code status} set
   */
  public ReplicationController withStatus(ReplicationControllerStatus value) {
    return new ReplicationController(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
