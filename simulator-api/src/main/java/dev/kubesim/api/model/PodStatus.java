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

  /** An empty status. */
  public static PodStatus empty() {
    return builder().build();
  }

  public PodStatus withConditions(List<PodCondition> value) {
    return toBuilder().conditions(value).build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public static Builder builder() {
    return new Builder(null);
  }

  /** A builder of {@link PodStatus}, starting from nothing or from a copy. */
  public static final class Builder {
    private Optional<Long> observedGeneration;
    private Optional<String> phase;
    private List<PodCondition> conditions;
    private Optional<String> message;
    private Optional<String> reason;
    private Optional<String> nominatedNodeName;
    private Optional<String> hostIP;
    private List<HostIP> hostIPs;
    private Optional<String> podIP;
    private List<PodIP> podIPs;
    private Optional<String> startTime;
    private List<ContainerStatus> initContainerStatuses;
    private List<ContainerStatus> containerStatuses;
    private Optional<String> qosClass;
    private List<Object> ephemeralContainerStatuses;
    private Optional<String> resize;
    private List<Object> resourceClaimStatuses;
    private Optional<Object> extendedResourceClaimStatus;
    private Map<String, String> allocatedResources;
    private Optional<Object> resources;

    private Builder(PodStatus from) {
      if (from != null) {
        observedGeneration = from.observedGeneration;
        phase = from.phase;
        conditions = from.conditions;
        message = from.message;
        reason = from.reason;
        nominatedNodeName = from.nominatedNodeName;
        hostIP = from.hostIP;
        hostIPs = from.hostIPs;
        podIP = from.podIP;
        podIPs = from.podIPs;
        startTime = from.startTime;
        initContainerStatuses = from.initContainerStatuses;
        containerStatuses = from.containerStatuses;
        qosClass = from.qosClass;
        ephemeralContainerStatuses = from.ephemeralContainerStatuses;
        resize = from.resize;
        resourceClaimStatuses = from.resourceClaimStatuses;
        extendedResourceClaimStatus = from.extendedResourceClaimStatus;
        allocatedResources = from.allocatedResources;
        resources = from.resources;
      }
    }

    public Builder observedGeneration(Long v) { observedGeneration = Optional.ofNullable(v); return this; }
    public Builder phase(String v) { phase = Optional.ofNullable(v); return this; }
    public Builder conditions(List<PodCondition> v) { conditions = v; return this; }
    public Builder message(String v) { message = Optional.ofNullable(v); return this; }
    public Builder reason(String v) { reason = Optional.ofNullable(v); return this; }
    public Builder nominatedNodeName(String v) { nominatedNodeName = Optional.ofNullable(v); return this; }
    public Builder hostIP(String v) { hostIP = Optional.ofNullable(v); return this; }
    public Builder hostIPs(List<HostIP> v) { hostIPs = v; return this; }
    public Builder podIP(String v) { podIP = Optional.ofNullable(v); return this; }
    public Builder podIPs(List<PodIP> v) { podIPs = v; return this; }
    public Builder startTime(String v) { startTime = Optional.ofNullable(v); return this; }
    public Builder initContainerStatuses(List<ContainerStatus> v) { initContainerStatuses = v; return this; }
    public Builder containerStatuses(List<ContainerStatus> v) { containerStatuses = v; return this; }
    public Builder qosClass(String v) { qosClass = Optional.ofNullable(v); return this; }
    public Builder ephemeralContainerStatuses(List<Object> v) { ephemeralContainerStatuses = v; return this; }
    public Builder resize(String v) { resize = Optional.ofNullable(v); return this; }
    public Builder resourceClaimStatuses(List<Object> v) { resourceClaimStatuses = v; return this; }
    public Builder extendedResourceClaimStatus(Object v) { extendedResourceClaimStatus = Optional.ofNullable(v); return this; }
    public Builder allocatedResources(Map<String, String> v) { allocatedResources = v; return this; }
    public Builder resources(Object v) { resources = Optional.ofNullable(v); return this; }

    public PodStatus build() {
      return new PodStatus(observedGeneration, phase, conditions, message, reason, nominatedNodeName, hostIP, hostIPs, podIP, podIPs, startTime, initContainerStatuses, containerStatuses, qosClass, ephemeralContainerStatuses, resize, resourceClaimStatuses, extendedResourceClaimStatus, allocatedResources, resources);
    }
  }
}
