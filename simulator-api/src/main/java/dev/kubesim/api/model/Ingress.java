package dev.kubesim.api.model;

import java.util.Optional;

/** An Ingress ({@code networking.k8s.io/v1}): HTTP routing from hosts and paths to Services. */
public record Ingress(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<IngressSpec> spec,
    Optional<IngressStatus> status)
    implements KubeObject {
  public static final String API_VERSION = "networking.k8s.io/v1";
  public static final String KIND = "Ingress";

  public Ingress {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /** A new Ingress object with this metadata and spec. */
  public static Ingress of(ObjectMeta metadata, IngressSpec spec) {
    return new Ingress(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /** The spec, or an empty one when the object has none. */
  public IngressSpec specOrEmpty() {
    return spec.orElseGet(IngressSpec::empty);
  }

  @Override
  public Ingress withMetadata(ObjectMeta value) {
    return new Ingress(apiVersion, kind, value, spec, status);
  }

  public Ingress withSpec(IngressSpec value) {
    return new Ingress(apiVersion, kind, metadata, Optional.of(value), status);
  }

  public Ingress withStatus(IngressStatus value) {
    return new Ingress(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
