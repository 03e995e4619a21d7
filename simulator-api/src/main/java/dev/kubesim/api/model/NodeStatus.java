package dev.kubesim.api.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code status} of a Node: capacity, conditions, addresses and system info. */
public record NodeStatus(
    Map<String, String> capacity,
    Map<String, String> allocatable,
    Optional<String> phase,
    List<NodeCondition> conditions,
    List<NodeAddress> addresses,
    Optional<Object> daemonEndpoints,
    Optional<NodeSystemInfo> nodeInfo,
    List<Object> images,
    List<Object> volumesInUse,
    List<Object> volumesAttached,
    Optional<Object> config,
    List<Object> runtimeHandlers,
    Optional<Object> features,
    List<String> declaredFeatures) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param capacity the {@code capacity} field; {@code null} for none
   * @param allocatable the {@code allocatable} field; {@code null} for none
   * @param phase the {@code phase} field; {@code null} for absent
   * @param conditions the {@code conditions} field; {@code null} for none
   * @param addresses the {@code addresses} field; {@code null} for none
   * @param daemonEndpoints the {@code daemonEndpoints} field; {@code null} for absent
   * @param nodeInfo the {@code nodeInfo} field; {@code null} for absent
   * @param images the {@code images} field; {@code null} for none
   * @param volumesInUse the {@code volumesInUse} field; {@code null} for none
   * @param volumesAttached the {@code volumesAttached} field; {@code null} for none
   * @param config the {@code config} field; {@code null} for absent
   * @param runtimeHandlers the {@code runtimeHandlers} field; {@code null} for none
   * @param features the {@code features} field; {@code null} for absent
   * @param declaredFeatures the {@code declaredFeatures} field; {@code null} for none
   */
  public NodeStatus {
    capacity = Values.map(capacity);
    allocatable = Values.map(allocatable);
    phase = Values.opt(phase);
    conditions = Values.list(conditions);
    addresses = Values.list(addresses);
    daemonEndpoints = Values.opt(daemonEndpoints);
    nodeInfo = Values.opt(nodeInfo);
    images = Values.list(images);
    volumesInUse = Values.list(volumesInUse);
    volumesAttached = Values.list(volumesAttached);
    config = Values.opt(config);
    runtimeHandlers = Values.list(runtimeHandlers);
    features = Values.opt(features);
    declaredFeatures = Values.list(declaredFeatures);
  }
}
