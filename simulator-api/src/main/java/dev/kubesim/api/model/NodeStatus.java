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
