package dev.kubesim.api.model;

import java.util.Optional;

/**
 * A Service ({@code v1}): a stable virtual address and name in front of a set of pods.
 *
 * @param apiVersion the object's {@code apiVersion}
 * @param kind the object's {@code kind}
 * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
 * @param spec the desired state, as its author wrote it (with the API server's defaults)
 * @param status the observed state, as the controllers and kubelets last wrote it; empty until then
 */
public record Service(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<ServiceSpec> spec,
    Optional<ServiceStatus> status)
    implements KubeObject {
  /** The {@code apiVersion} of a {@code Service}: {@value}. */
  public static final String API_VERSION = "v1";
  /** The {@code kind} of this object: {@value}. */
  public static final String KIND = "Service";

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
  public Service {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /**
   * A new Service object with this metadata and spec.
   *
   * @param metadata the object's {@code metadata}
   * @param spec the object's {@code spec}: the state its author wants
   * @return a new Service object with this metadata and spec
   */
  public static Service of(ObjectMeta metadata, ServiceSpec spec) {
    return new Service(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /**
   * The spec, or an empty one when the object has none.
   *
   * @return the spec, or an empty one when the object has none
   */
  public ServiceSpec specOrEmpty() {
    return spec.orElseGet(ServiceSpec::empty);
  }

  @Override
  public Service withMetadata(ObjectMeta value) {
    return new Service(apiVersion, kind, value, spec, status);
  }

  /**
   * A copy with {@link #spec()} replaced.
   *
   * @param value the new {@code spec}
   * @return a copy of this {@code Service} with {@code spec} set
   */
  public Service withSpec(ServiceSpec value) {
    return new Service(apiVersion, kind, metadata, Optional.of(value), status);
  }

  /**
   * A copy with {@link #status()} replaced.
   *
   * @param value the new {@code status}
   * @return a copy of this {@code Service} with {@code status} set
   */
  public Service withStatus(ServiceStatus value) {
    return new Service(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
