package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** An EndpointSlice ({@code discovery.k8s.io/v1}): a slice of the endpoints behind a Service. It has no spec. */
public record EndpointSlice(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<String> addressType,
    List<EndpointSliceEndpoint> endpoints,
    List<EndpointSlicePort> ports)
    implements KubeObject {
  public static final String API_VERSION = "discovery.k8s.io/v1";
  public static final String KIND = "EndpointSlice";

  public EndpointSlice {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    addressType = Values.opt(addressType);
    endpoints = Values.list(endpoints);
    ports = Values.list(ports);
  }

  /** A new EndpointSlice object. */
  public static EndpointSlice of(
      ObjectMeta metadata,
      String addressType,
      List<EndpointSliceEndpoint> endpoints,
      List<EndpointSlicePort> ports) {
    return new EndpointSlice(API_VERSION, KIND, metadata, Optional.ofNullable(addressType), endpoints, ports);
  }

  @Override
  public EndpointSlice withMetadata(ObjectMeta value) {
    return new EndpointSlice(apiVersion, kind, value, addressType, endpoints, ports);
  }
}
