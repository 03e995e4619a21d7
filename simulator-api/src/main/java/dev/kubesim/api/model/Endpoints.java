package dev.kubesim.api.model;

import java.util.List;

/**
 * An Endpoints object ({@code v1}): the addresses behind a Service. It has no spec.
 *
 * @param apiVersion the object's {@code apiVersion}
 * @param kind the object's {@code kind}
 * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
 */
public record Endpoints(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    List<EndpointSubset> subsets)
    implements KubeObject {
  /** The {@code apiVersion} of a {@code Endpoints}: {@value}. */
  public static final String API_VERSION = "v1";
  /** The {@code kind} of this object: {@value}. */
  public static final String KIND = "Endpoints";

  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param apiVersion the object's {@code apiVersion}
   * @param kind the object's {@code kind}
   * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
   * @param subsets the {@code subsets} field; {@code null} for none
   */
  public Endpoints {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    subsets = Values.list(subsets);
  }

  /**
   * A new Endpoints object with this metadata and these subsets.
   *
   * @param metadata the object's {@code metadata}
   * @param subsets the subsets: addresses, not-ready addresses and ports
   * @return a new Endpoints object with this metadata and these subsets
   */
  public static Endpoints of(ObjectMeta metadata, List<EndpointSubset> subsets) {
    return new Endpoints(API_VERSION, KIND, metadata, subsets);
  }

  @Override
  public Endpoints withMetadata(ObjectMeta value) {
    return new Endpoints(apiVersion, kind, value, subsets);
  }

  /**
   * A copy with {@link #subsets()} replaced.
   *
   * @param value the new {@code subsets}
   * @return a copy of this {@code Endpoints} with {@code subsets} set
   */
  public Endpoints withSubsets(List<EndpointSubset> value) {
    return new Endpoints(apiVersion, kind, metadata, value);
  }
}
