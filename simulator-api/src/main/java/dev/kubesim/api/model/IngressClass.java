package dev.kubesim.api.model;

import java.util.Optional;

/**
 * An IngressClass ({@code networking.k8s.io/v1}): names the controller implementing Ingresses of
 * the class. Cluster-scoped.
 *
 * @param apiVersion the object's {@code apiVersion}
 * @param kind the object's {@code kind}
 * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
 * @param spec the desired state, as its author wrote it (with the API server's defaults)
 */
public record IngressClass(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<IngressClassSpec> spec)
    implements KubeObject {
  /** The {@code apiVersion} of a {@code IngressClass}: {@value}. */
  public static final String API_VERSION = "networking.k8s.io/v1";
  /** The {@code kind} of this object: {@value}. */
  public static final String KIND = "IngressClass";

  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param apiVersion the object's {@code apiVersion}
   * @param kind the object's {@code kind}
   * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
   * @param spec the desired state, as its author wrote it (with the API server's defaults)
   */
  public IngressClass {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
  }

  /**
   * A new IngressClass object with this metadata and spec.
   *
   * @param metadata the object's {@code metadata}
   * @param spec the object's {@code spec}: the state its author wants
   * @return a new IngressClass object with this metadata and spec
   */
  public static IngressClass of(ObjectMeta metadata, IngressClassSpec spec) {
    return new IngressClass(API_VERSION, KIND, metadata, Optional.of(spec));
  }

  /**
   * The spec, or an empty one when the object has none.
   *
   * @return the spec, or an empty one when the object has none
   */
  public IngressClassSpec specOrEmpty() {
    return spec.orElseGet(IngressClassSpec::empty);
  }

  @Override
  public IngressClass withMetadata(ObjectMeta value) {
    return new IngressClass(apiVersion, kind, value, spec);
  }

  /**
   * A copy with {@link #spec()} replaced.
   *
   * @param value the new {@code spec}
   * @return a copy of this {@code IngressClass} with {@code spec} set
   */
  public IngressClass withSpec(IngressClassSpec value) {
    return new IngressClass(apiVersion, kind, metadata, Optional.of(value));
  }
}
