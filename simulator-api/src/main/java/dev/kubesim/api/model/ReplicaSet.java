package dev.kubesim.api.model;

import java.util.Optional;

/** A ReplicaSet ({@code apps/v1}): keeps a number of pods matching a label selector running. */
public record ReplicaSet(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<ReplicaSetSpec> spec,
    Optional<ReplicaSetStatus> status)
    implements KubeObject {
  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "ReplicaSet";

  public ReplicaSet {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /** A new ReplicaSet object with this metadata and spec. */
  public static ReplicaSet of(ObjectMeta metadata, ReplicaSetSpec spec) {
    return new ReplicaSet(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /** The spec, or an empty one when the object has none. */
  public ReplicaSetSpec specOrEmpty() {
    return spec.orElseGet(ReplicaSetSpec::empty);
  }

  @Override
  public ReplicaSet withMetadata(ObjectMeta value) {
    return new ReplicaSet(apiVersion, kind, value, spec, status);
  }

  public ReplicaSet withSpec(ReplicaSetSpec value) {
    return new ReplicaSet(apiVersion, kind, metadata, Optional.of(value), status);
  }

  public ReplicaSet withStatus(ReplicaSetStatus value) {
    return new ReplicaSet(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
