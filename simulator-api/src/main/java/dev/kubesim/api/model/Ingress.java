package dev.kubesim.api.model;

import java.util.Optional;

/**
 * An Ingress ({@code networking.k8s.io/v1}): HTTP routing from hosts and paths to Services.
 *
 * @param apiVersion the object's {@code apiVersion}
 * @param kind the object's {@code kind}
 * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
 * @param spec the desired state, as its author wrote it (with the API server's defaults)
 * @param status the observed state, as the controllers and kubelets last wrote it; empty until then
 */
public record Ingress(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<IngressSpec> spec,
    Optional<IngressStatus> status)
    implements KubeObject {
  /** The {@code apiVersion} of a {@code Ingress}: {@value}. */
  public static final String API_VERSION = "networking.k8s.io/v1";
  /** The {@code kind} of this object: {@value}. */
  public static final String KIND = "Ingress";

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
  public Ingress {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /**
   * A new Ingress object with this metadata and spec.
   *
   * @param metadata the object's {@code metadata}
   * @param spec the object's {@code spec}: the state its author wants
   * @return a new Ingress object with this metadata and spec
   */
  public static Ingress of(ObjectMeta metadata, IngressSpec spec) {
    return new Ingress(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /**
   * The spec, or an empty one when the object has none.
   *
   * @return the spec, or an empty one when the object has none
   */
  public IngressSpec specOrEmpty() {
    return spec.orElseGet(IngressSpec::empty);
  }

  @Override
  public Ingress withMetadata(ObjectMeta value) {
    return new Ingress(apiVersion, kind, value, spec, status);
  }

  /**
   * A copy with {@link #spec()} replaced.
   *
   * @param value the new {@code spec}
   * @return a copy of this {@code Ingress} with {@code spec} set
   */
  public Ingress withSpec(IngressSpec value) {
    return new Ingress(apiVersion, kind, metadata, Optional.of(value), status);
  }

  /**
   * A copy with {@link #status()} replaced.
   *
   * @param value the new {@code status}
   * @return a copy of this {@code Ingress} with {@code status} set
   */
  public Ingress withStatus(IngressStatus value) {
    return new Ingress(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
