package dev.kubesim.api.model;

import java.util.Optional;

/** A Service ({@code v1}): a stable virtual address and name in front of a set of pods. */
public record Service(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<ServiceSpec> spec,
    Optional<ServiceStatus> status)
    implements KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Service";

  public Service {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /** A new Service object with this metadata and spec. */
  public static Service of(ObjectMeta metadata, ServiceSpec spec) {
    return new Service(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /** The spec, or an empty one when the object has none. */
  public ServiceSpec specOrEmpty() {
    return spec.orElseGet(ServiceSpec::empty);
  }

  @Override
  public Service withMetadata(ObjectMeta value) {
    return new Service(apiVersion, kind, value, spec, status);
  }

  public Service withSpec(ServiceSpec value) {
    return new Service(apiVersion, kind, metadata, Optional.of(value), status);
  }

  public Service withStatus(ServiceStatus value) {
    return new Service(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
