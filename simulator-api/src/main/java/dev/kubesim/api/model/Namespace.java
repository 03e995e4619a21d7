package dev.kubesim.api.model;

import java.util.Optional;

/**
 * A Namespace ({@code v1}): a scope for the names of namespaced objects.
 *
 * @param apiVersion the object's {@code apiVersion}
 * @param kind the object's {@code kind}
 * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
 * @param spec the desired state, as its author wrote it (with the API server's defaults)
 * @param status the observed state, as the controllers and kubelets last wrote it; empty until then
 */
public record Namespace(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<NamespaceSpec> spec,
    Optional<NamespaceStatus> status)
    implements KubeObject {
  /** The {@code apiVersion} of a {@code Namespace}: {@value}. */
  public static final String API_VERSION = "v1";
  /** The {@code kind} of this object: {@value}. */
  public static final String KIND = "Namespace";

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
  public Namespace {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /**
   * A new Namespace object with this metadata and spec.
   *
   * @param metadata the object's {@code metadata}
   * @param spec the object's {@code spec}: the state its author wants
   * @return a new Namespace object with this metadata and spec
   */
  public static Namespace of(ObjectMeta metadata, NamespaceSpec spec) {
    return new Namespace(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /**
   * The spec, or an empty one when the object has none.
   *
   * @return the spec, or an empty one when the object has none
   */
  public NamespaceSpec specOrEmpty() {
    return spec.orElseGet(NamespaceSpec::empty);
  }

  @Override
  public Namespace withMetadata(ObjectMeta value) {
    return new Namespace(apiVersion, kind, value, spec, status);
  }

  /**
   * A copy with {@link #spec()} replaced.
   *
   * @param value the new {@code spec}
   * @return a copy of this {@code Namespace} with {@code spec} set
   */
  public Namespace withSpec(NamespaceSpec value) {
    return new Namespace(apiVersion, kind, metadata, Optional.of(value), status);
  }

  /**
   * A copy with {@link #status()} replaced.
   *
   * @param value the new {@code status}
   * @return a copy of this {@code Namespace} with {@code status} set
   */
  public Namespace withStatus(NamespaceStatus value) {
    return new Namespace(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
