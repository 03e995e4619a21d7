package dev.kubesim.api.model;

import java.util.Optional;

/** A Deployment ({@code apps/v1}): declarative rollouts of pods through ReplicaSets. */
public record Deployment(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<DeploymentSpec> spec,
    Optional<DeploymentStatus> status)
    implements KubeObject {
  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "Deployment";
  /**
   * The label the Deployment controller adds to a ReplicaSet and its pods, the hash of the pod
   * template ({@code DefaultDeploymentUniqueLabelKey}).
   */
  public static final String POD_TEMPLATE_HASH_LABEL = "pod-template-hash";
  /** The annotation holding a ReplicaSet's (and its Deployment's) revision number. */
  public static final String REVISION_ANNOTATION = "deployment.kubernetes.io/revision";

  public Deployment {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /** A new Deployment object with this metadata and spec. */
  public static Deployment of(ObjectMeta metadata, DeploymentSpec spec) {
    return new Deployment(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /** The spec, or an empty one when the object has none. */
  public DeploymentSpec specOrEmpty() {
    return spec.orElseGet(DeploymentSpec::empty);
  }

  @Override
  public Deployment withMetadata(ObjectMeta value) {
    return new Deployment(apiVersion, kind, value, spec, status);
  }

  public Deployment withSpec(DeploymentSpec value) {
    return new Deployment(apiVersion, kind, metadata, Optional.of(value), status);
  }

  public Deployment withStatus(DeploymentStatus value) {
    return new Deployment(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
