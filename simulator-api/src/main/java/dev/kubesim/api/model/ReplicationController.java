package dev.kubesim.api.model;

import java.util.Optional;

/** A ReplicationController ({@code v1}): keeps a number of pods matching an equality selector running. */
public record ReplicationController(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<ReplicationControllerSpec> spec,
    Optional<ReplicationControllerStatus> status)
    implements KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "ReplicationController";

  public ReplicationController {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /** A new ReplicationController object with this metadata and spec. */
  public static ReplicationController of(ObjectMeta metadata, ReplicationControllerSpec spec) {
    return new ReplicationController(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /** The spec, or an empty one when the object has none. */
  public ReplicationControllerSpec specOrEmpty() {
    return spec.orElseGet(ReplicationControllerSpec::empty);
  }

  @Override
  public ReplicationController withMetadata(ObjectMeta value) {
    return new ReplicationController(apiVersion, kind, value, spec, status);
  }

  public ReplicationController withSpec(ReplicationControllerSpec value) {
    return new ReplicationController(apiVersion, kind, metadata, Optional.of(value), status);
  }

  public ReplicationController withStatus(ReplicationControllerStatus value) {
    return new ReplicationController(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
