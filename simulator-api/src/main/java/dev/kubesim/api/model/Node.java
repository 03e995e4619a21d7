package dev.kubesim.api.model;

import java.util.Optional;

/**
 * A Node ({@code v1}): a machine pods are scheduled onto. Cluster-scoped.
 *
 * @param apiVersion the object's {@code apiVersion}
 * @param kind the object's {@code kind}
 * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
 * @param spec the desired state, as its author wrote it (with the API server's defaults)
 * @param status the observed state, as the controllers and kubelets last wrote it; empty until then
 */
public record Node(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<NodeSpec> spec,
    Optional<NodeStatus> status)
    implements KubeObject {
  /** The {@code apiVersion} of a {@code Node}: {@value}. */
  public static final String API_VERSION = "v1";
  /** The {@code kind} of this object: {@value}. */
  public static final String KIND = "Node";

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
  public Node {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /**
   * A new Node object with this metadata and spec.
   *
   * @param metadata the object's {@code metadata}
   * @param spec the object's {@code spec}: the state its author wants
   * @return a new Node object with this metadata and spec
   */
  public static Node of(ObjectMeta metadata, NodeSpec spec) {
    return new Node(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /**
   * The spec, or an empty one when the object has none.
   *
   * @return the spec, or an empty one when the object has none
   */
  public NodeSpec specOrEmpty() {
    return spec.orElseGet(NodeSpec::empty);
  }

  @Override
  public Node withMetadata(ObjectMeta value) {
    return new Node(apiVersion, kind, value, spec, status);
  }

  /**
   * A copy with {@link #spec()} replaced.
   *
   * @param value the new {@code spec}
   * @return a copy of this {@code Node} with {@code spec} set
   */
  public Node withSpec(NodeSpec value) {
    return new Node(apiVersion, kind, metadata, Optional.of(value), status);
  }

  /**
   * A copy with {@link #status()} replaced.
   *
   * @param value the new {@code status}
   * @return a copy of this {@code Node} with {@code status} set
   */
  public Node withStatus(NodeStatus value) {
    return new Node(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
