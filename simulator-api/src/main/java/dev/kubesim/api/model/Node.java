package dev.kubesim.api.model;

import java.util.Optional;

/** A Node ({@code v1}): a machine pods are scheduled onto. Cluster-scoped. */
public record Node(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<NodeSpec> spec,
    Optional<NodeStatus> status)
    implements KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Node";

  public Node {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
    status = Values.opt(status);
  }

  /** A new Node object with this metadata and spec. */
  public static Node of(ObjectMeta metadata, NodeSpec spec) {
    return new Node(API_VERSION, KIND, metadata, Optional.of(spec), Optional.empty());
  }

  /** The spec, or an empty one when the object has none. */
  public NodeSpec specOrEmpty() {
    return spec.orElseGet(NodeSpec::empty);
  }

  @Override
  public Node withMetadata(ObjectMeta value) {
    return new Node(apiVersion, kind, value, spec, status);
  }

  public Node withSpec(NodeSpec value) {
    return new Node(apiVersion, kind, metadata, Optional.of(value), status);
  }

  public Node withStatus(NodeStatus value) {
    return new Node(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
