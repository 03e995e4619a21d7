package dev.kubesim.api.model;

import java.util.Optional;

/**
 * A NetworkPolicy ({@code networking.k8s.io/v1}): which traffic may reach, and leave, the pods its
 * {@code spec.podSelector} selects in its namespace. The v1 kind has no status.
 *
 * @param apiVersion the object's {@code apiVersion}
 * @param kind the object's {@code kind}
 * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
 * @param spec the desired state, as its author wrote it (with the API server's defaults)
 */
public record NetworkPolicy(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<NetworkPolicySpec> spec)
    implements KubeObject {
  /** {@code networking.k8s.io/v1}. */
  public static final String API_VERSION = "networking.k8s.io/v1";
  /** {@code NetworkPolicy}. */
  public static final String KIND = "NetworkPolicy";

  /**
   * Absent metadata becomes empty metadata, an absent spec {@code Optional.empty()}.
   *
   * @param apiVersion the object's {@code apiVersion}
   * @param kind the object's {@code kind}
   * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
   * @param spec the desired state, as its author wrote it (with the API server's defaults)
   */
  public NetworkPolicy {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = Values.opt(spec);
  }

  /**
   * A new NetworkPolicy object with this metadata and spec.
   *
   * @param metadata the object's {@code metadata}
   * @param spec the object's {@code spec}: the state its author wants
   * @return a new NetworkPolicy object with this metadata and spec
   */
  public static NetworkPolicy of(ObjectMeta metadata, NetworkPolicySpec spec) {
    return new NetworkPolicy(API_VERSION, KIND, metadata, Optional.of(spec));
  }

  /**
   * The spec, or an empty one (an empty pod selector, no rules) when the object has none.
   *
   * @return the spec, or an empty one (an empty pod selector, no rules) when the object has none
   */
  public NetworkPolicySpec specOrEmpty() {
    return spec.orElseGet(NetworkPolicySpec::empty);
  }

  @Override
  public NetworkPolicy withMetadata(ObjectMeta value) {
    return new NetworkPolicy(apiVersion, kind, value, spec);
  }

  /**
   * A copy with this spec.
   *
   * @param value the new {@code spec}
   * @return a copy of this {@code NetworkPolicy} with {@code spec} replaced
   */
  public NetworkPolicy withSpec(NetworkPolicySpec value) {
    return new NetworkPolicy(apiVersion, kind, metadata, Optional.ofNullable(value));
  }
}
