package dev.kubesim.api.model;

import java.util.Optional;

/** An IngressClass ({@code networking.k8s.io/v1}): names the controller implementing Ingresses of the class. Cluster-scoped. */
public record IngressClass(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<IngressClassSpec> spec)
    implements KubeObject {
  public static final String API_VERSION = "networking.k8s.io/v1";
  public static final String KIND = "IngressClass";

  public IngressClass {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
  }

  /** A new IngressClass object with this metadata and spec. */
  public static IngressClass of(ObjectMeta metadata, IngressClassSpec spec) {
    return new IngressClass(API_VERSION, KIND, metadata, Optional.of(spec));
  }

  /** The spec, or an empty one when the object has none. */
  public IngressClassSpec specOrEmpty() {
    return spec.orElseGet(IngressClassSpec::empty);
  }

  @Override
  public IngressClass withMetadata(ObjectMeta value) {
    return new IngressClass(apiVersion, kind, value, spec);
  }

  public IngressClass withSpec(IngressClassSpec value) {
    return new IngressClass(apiVersion, kind, metadata, Optional.of(value));
  }
}
