package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/**
 * An EndpointSlice ({@code discovery.k8s.io/v1}): a slice of the endpoints behind a Service. It has
 * no spec.
 *
 * @param apiVersion the object's {@code apiVersion}
 * @param kind the object's {@code kind}
 * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
 */
public record EndpointSlice(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Optional<String> addressType,
    List<EndpointSliceEndpoint> endpoints,
    List<EndpointSlicePort> ports)
    implements KubeObject {
  /** The {@code apiVersion} of a {@code EndpointSlice}: {@value}. */
  public static final String API_VERSION = "discovery.k8s.io/v1";
  /** The {@code kind} of this object: {@value}. */
  public static final String KIND = "EndpointSlice";

  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param apiVersion the object's {@code apiVersion}
   * @param kind the object's {@code kind}
   * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
   * @param addressType the {@code addressType} field; {@code null} for absent
   * @param endpoints the {@code endpoints} field; {@code null} for none
   * @param ports the {@code ports} field; {@code null} for none
   */
  public EndpointSlice {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    addressType = Values.opt(addressType);
    endpoints = Values.list(endpoints);
    ports = Values.list(ports);
  }

  /**
   * A new EndpointSlice object.
   *
   * @param metadata the object's {@code metadata}
   * @param addressType {@code IPv4}, {@code IPv6} or {@code FQDN}: the kind of addresses the slice
   *     holds
   * @param endpoints the endpoints: each pod's address, readiness and node
   * @param ports the ports, each named as the Service's port it serves
   * @return a new EndpointSlice object
   */
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
