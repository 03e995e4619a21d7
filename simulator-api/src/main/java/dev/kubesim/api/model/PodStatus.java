package dev.kubesim.api.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code status} of a Pod: phase, conditions, IPs and container statuses. */
public record PodStatus(
    Optional<Long> observedGeneration,
    Optional<String> phase,
    List<PodCondition> conditions,
    Optional<String> message,
    Optional<String> reason,
    Optional<String> nominatedNodeName,
    Optional<String> hostIP,
    List<HostIP> hostIPs,
    Optional<String> podIP,
    List<PodIP> podIPs,
    Optional<String> startTime,
    List<ContainerStatus> initContainerStatuses,
    List<ContainerStatus> containerStatuses,
    Optional<String> qosClass,
    List<Object> ephemeralContainerStatuses,
    Optional<String> resize,
    List<Object> resourceClaimStatuses,
    Optional<Object> extendedResourceClaimStatus,
    Map<String, String> allocatedResources,
    Optional<Object> resources) {
  public PodStatus {
    observedGeneration = Values.opt(observedGeneration);
    phase = Values.opt(phase);
    conditions = Values.list(conditions);
    message = Values.opt(message);
    reason = Values.opt(reason);
    nominatedNodeName = Values.opt(nominatedNodeName);
    hostIP = Values.opt(hostIP);
    hostIPs = Values.list(hostIPs);
    podIP = Values.opt(podIP);
    podIPs = Values.list(podIPs);
    startTime = Values.opt(startTime);
    initContainerStatuses = Values.list(initContainerStatuses);
    containerStatuses = Values.list(containerStatuses);
    qosClass = Values.opt(qosClass);
    ephemeralContainerStatuses = Values.list(ephemeralContainerStatuses);
    resize = Values.opt(resize);
    resourceClaimStatuses = Values.list(resourceClaimStatuses);
    extendedResourceClaimStatus = Values.opt(extendedResourceClaimStatus);
    allocatedResources = Values.map(allocatedResources);
    resources = Values.opt(resources);
  }
}
