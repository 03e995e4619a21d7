package dev.kubesim.api.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code status} of a Pod: phase, conditions, IPs and container statuses.
 *
 * @param phase {@code Pending}, {@code Running}, {@code Succeeded}, {@code Failed} or {@code
 *     Unknown}
 * @param conditions {@code PodScheduled}, {@code Initialized}, {@code ContainersReady}, {@code
 *     Ready}, ...
 * @param message why the pod is in this state, for people
 * @param reason why, in one CamelCase word ({@code Evicted})
 * @param hostIP the primary address of the pod's node
 * @param podIP the pod's primary address, from its node's pod CIDR
 * @param podIPs all the pod's addresses
 * @param startTime when the kubelet accepted the pod
 * @param initContainerStatuses the init containers' states
 * @param containerStatuses the main containers' states
 * @param qosClass {@code Guaranteed}, {@code Burstable} or {@code BestEffort}, from the resources
 */
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
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param observedGeneration the {@code observedGeneration} field; {@code null} for absent
   * @param phase {@code Pending}, {@code Running}, {@code Succeeded}, {@code Failed} or {@code
   *     Unknown}
   * @param conditions {@code PodScheduled}, {@code Initialized}, {@code ContainersReady}, {@code
   *     Ready}, ...
   * @param message why the pod is in this state, for people
   * @param reason why, in one CamelCase word ({@code Evicted})
   * @param nominatedNodeName the {@code nominatedNodeName} field; {@code null} for absent
   * @param hostIP the primary address of the pod's node
   * @param hostIPs the {@code hostIPs} field; {@code null} for none
   * @param podIP the pod's primary address, from its node's pod CIDR
   * @param podIPs all the pod's addresses
   * @param startTime when the kubelet accepted the pod
   * @param initContainerStatuses the init containers' states
   * @param containerStatuses the main containers' states
   * @param qosClass {@code Guaranteed}, {@code Burstable} or {@code BestEffort}, from the resources
   * @param ephemeralContainerStatuses the {@code ephemeralContainerStatuses} field; {@code null}
   *     for none
   * @param resize the {@code resize} field; {@code null} for absent
   * @param resourceClaimStatuses the {@code resourceClaimStatuses} field; {@code null} for none
   * @param extendedResourceClaimStatus the {@code extendedResourceClaimStatus} field; {@code null}
   *     for absent
   * @param allocatedResources the {@code allocatedResources} field; {@code null} for none
   * @param resources the {@code resources} field; {@code null} for absent
   */
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

  /**
   * An empty status.
   *
   * @return the status
   */
  public static PodStatus empty() {
    return builder().build();
  }

  /**
   * A copy with {@link #conditions()} replaced.
   *
   * @param value the new {@code conditions}
   * @return a copy of this {@code PodStatus} with {@code conditions} set
   */
  public PodStatus withConditions(List<PodCondition> value) {
    return toBuilder().conditions(value).build();
  }

  /**
   * A builder that starts from this {@code PodStatus}'s fields, for a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * A builder that starts with every field absent or empty.
   *
   * @return a new builder
   */
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

    /**
     * Sets {@link PodStatus#observedGeneration()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder observedGeneration(Long v) { observedGeneration = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodStatus#phase()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder phase(String v) { phase = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodStatus#conditions()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder conditions(List<PodCondition> v) { conditions = v; return this; }
    /**
     * Sets {@link PodStatus#message()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder message(String v) { message = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodStatus#reason()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder reason(String v) { reason = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodStatus#nominatedNodeName()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder nominatedNodeName(String v) { nominatedNodeName = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodStatus#hostIP()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder hostIP(String v) { hostIP = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodStatus#hostIPs()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder hostIPs(List<HostIP> v) { hostIPs = v; return this; }
    /**
     * Sets {@link PodStatus#podIP()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder podIP(String v) { podIP = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodStatus#podIPs()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder podIPs(List<PodIP> v) { podIPs = v; return this; }
    /**
     * Sets {@link PodStatus#startTime()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder startTime(String v) { startTime = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodStatus#initContainerStatuses()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder initContainerStatuses(List<ContainerStatus> v) { initContainerStatuses = v; return this; }
    /**
     * Sets {@link PodStatus#containerStatuses()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder containerStatuses(List<ContainerStatus> v) { containerStatuses = v; return this; }
    /**
     * Sets {@link PodStatus#qosClass()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder qosClass(String v) { qosClass = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodStatus#ephemeralContainerStatuses()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder ephemeralContainerStatuses(List<Object> v) { ephemeralContainerStatuses = v; return this; }
    /**
     * Sets {@link PodStatus#resize()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder resize(String v) { resize = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodStatus#resourceClaimStatuses()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder resourceClaimStatuses(List<Object> v) { resourceClaimStatuses = v; return this; }
    /**
     * Sets {@link PodStatus#extendedResourceClaimStatus()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder extendedResourceClaimStatus(Object v) { extendedResourceClaimStatus = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodStatus#allocatedResources()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder allocatedResources(Map<String, String> v) { allocatedResources = v; return this; }
    /**
     * Sets {@link PodStatus#resources()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder resources(Object v) { resources = Optional.ofNullable(v); return this; }

    /**
     * Builds the {@code PodStatus} from the fields set so far.
     *
     * @return a new {@code PodStatus}
     */
    public PodStatus build() {
      return new PodStatus(observedGeneration, phase, conditions, message, reason, nominatedNodeName, hostIP, hostIPs, podIP, podIPs, startTime, initContainerStatuses, containerStatuses, qosClass, ephemeralContainerStatuses, resize, resourceClaimStatuses, extendedResourceClaimStatus, allocatedResources, resources);
    }
  }
}
