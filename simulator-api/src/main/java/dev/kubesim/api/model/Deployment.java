package dev.kubesim.api.model;

import java.util.Optional;

/**
 * A Deployment ({@code apps/v1}): declarative rollouts of pods through ReplicaSets.
 *
 * @param apiVersion the object's {@code apiVersion}
 * @param kind the object's {@code kind}
 * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
 * @param spec the desired state, as its author wrote it (with the API server's defaults)
 * @param status the observed state, as the controllers and kubelets last wrote it; empty until then
 */
public record Deployment(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<DeploymentSpec> spec,
    Optional<DeploymentStatus> status)
    implements KubeObject {
  /** The {@code apiVersion} of a {@code Deployment}: {@value}. */
  public static final String API_VERSION = "apps/v1";
  /** The {@code kind} of this object: {@value}. */
  public static final String KIND = "Deployment";
  /**
   * The label the Deployment controller adds to a ReplicaSet and its pods, the hash of the pod
   * template ({@code DefaultDeploymentUniqueLabelKey}).
   */
  public static final String POD_TEMPLATE_HASH_LABEL = "pod-template-hash";
  /** The annotation holding a ReplicaSet's (and its Deployment's) revision number. */
  public static final String REVISION_ANNOTATION = "deployment.kubernetes.io/revision";

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
  public Deployment {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /**
   * A new Deployment object with this metadata and spec.
   *
   * @param metadata the object's {@code metadata}
   * @param spec the object's {@code spec}: the state its author wants
   * @return a new Deployment object with this metadata and spec
   */
  public static Deployment of(ObjectMeta metadata, DeploymentSpec spec) {
    return new Deployment(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /**
   * The spec, or an empty one when the object has none.
   *
   * @return the spec, or an empty one when the object has none
   */
  public DeploymentSpec specOrEmpty() {
    return spec.orElseGet(DeploymentSpec::empty);
  }

  @Override
  public Deployment withMetadata(ObjectMeta value) {
    return new Deployment(apiVersion, kind, value, spec, status);
  }

  /**
   * A copy with {@link #spec()} replaced.
   *
   * @param value the new {@code spec}
   * @return a copy of this {@code Deployment} with {@code spec} set
   */
  public Deployment withSpec(DeploymentSpec value) {
    return new Deployment(apiVersion, kind, metadata, Optional.of(value), status);
  }

  /**
   * A copy with {@link #status()} replaced.
   *
   * @param value the new {@code status}
   * @return a copy of this {@code Deployment} with {@code status} set
   */
  public Deployment withStatus(DeploymentStatus value) {
    return new Deployment(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
