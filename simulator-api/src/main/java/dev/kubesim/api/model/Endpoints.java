package dev.kubesim.api.model;

import java.util.List;

/** An Endpoints object ({@code v1}): the addresses behind a Service. It has no spec. */
public record Endpoints(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    List<EndpointSubset> subsets)
    implements KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Endpoints";

  public Endpoints {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    subsets = Values.list(subsets);
  }

  /** A new Endpoints object with this metadata and these subsets. */
  public static Endpoints of(ObjectMeta metadata, List<EndpointSubset> subsets) {
    return new Endpoints(API_VERSION, KIND, metadata, subsets);
  }

  @Override
  public Endpoints withMetadata(ObjectMeta value) {
    return new Endpoints(apiVersion, kind, value, subsets);
  }

  public Endpoints withSubsets(List<EndpointSubset> value) {
    return new Endpoints(apiVersion, kind, metadata, value);
  }
}
