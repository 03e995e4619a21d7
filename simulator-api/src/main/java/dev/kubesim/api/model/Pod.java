package dev.kubesim.api.model;

import java.util.Optional;

/** A Pod ({@code v1}): a group of containers scheduled together onto a node. */
public record Pod(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<PodSpec> spec,
    Optional<PodStatus> status)
    implements KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Pod";

  public Pod {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /** A new Pod object with this metadata and spec. */
  public static Pod of(ObjectMeta metadata, PodSpec spec) {
    return new Pod(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /** The spec, or an empty one when the object has none. */
  public PodSpec specOrEmpty() {
    return spec.orElseGet(PodSpec::empty);
  }

  @Override
  public Pod withMetadata(ObjectMeta value) {
    return new Pod(apiVersion, kind, value, spec, status);
  }

  public Pod withSpec(PodSpec value) {
    return new Pod(apiVersion, kind, metadata, Optional.of(value), status);
  }

  public Pod withStatus(PodStatus value) {
    return new Pod(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
