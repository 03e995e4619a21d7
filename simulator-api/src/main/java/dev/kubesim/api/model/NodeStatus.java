package dev.kubesim.api.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code status} of a Node: capacity, conditions, addresses and system info.
 *
 * @param capacity the node's resources ({@code cpu}, {@code memory}, {@code pods})
 * @param allocatable what of them pods may use
 * @param phase deprecated, as written
 * @param conditions {@code Ready} and the pressure conditions
 * @param addresses the node's addresses
 * @param daemonEndpoints the kubelet's port, as written
 * @param nodeInfo versions and ids of the machine, the kubelet and the runtime
 * @param images the images on the node, as written
 * @param volumesInUse as written
 * @param volumesAttached as written
 * @param config as written
 * @param runtimeHandlers as written
 * @param features as written
 * @param declaredFeatures as written
 */
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
   * @param capacity the node's resources ({@code cpu}, {@code memory}, {@code pods})
   * @param allocatable what of them pods may use
   * @param phase deprecated, as written
   * @param conditions {@code Ready} and the pressure conditions
   * @param addresses the node's addresses
   * @param daemonEndpoints the kubelet's port, as written
   * @param nodeInfo versions and ids of the machine, the kubelet and the runtime
   * @param images the images on the node, as written
   * @param volumesInUse as written
   * @param volumesAttached as written
   * @param config as written
   * @param runtimeHandlers as written
   * @param features as written
   * @param declaredFeatures as written
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
