package dev.kubesim.api.model;

import java.util.Optional;

/** A Namespace ({@code v1}): a scope for the names of namespaced objects. */
public record Namespace(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<NamespaceSpec> spec,
    Optional<NamespaceStatus> status)
    implements KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Namespace";

  public Namespace {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /** A new Namespace object with this metadata and spec. */
  public static Namespace of(ObjectMeta metadata, NamespaceSpec spec) {
    return new Namespace(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /** The spec, or an empty one when the object has none. */
  public NamespaceSpec specOrEmpty() {
    return spec.orElseGet(NamespaceSpec::empty);
  }

  @Override
  public Namespace withMetadata(ObjectMeta value) {
    return new Namespace(apiVersion, kind, value, spec, status);
  }

  public Namespace withSpec(NamespaceSpec value) {
    return new Namespace(apiVersion, kind, metadata, Optional.of(value), status);
  }

  public Namespace withStatus(NamespaceStatus value) {
    return new Namespace(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
