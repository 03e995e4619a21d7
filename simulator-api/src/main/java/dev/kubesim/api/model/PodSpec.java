package dev.kubesim.api.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code spec} of a Pod (and of a pod template), in full, in the order the API server serialises it. */
public record PodSpec(
    List<Object> volumes,
    List<Container> initContainers,
    List<Container> containers,
    List<Object> ephemeralContainers,
    Optional<String> restartPolicy,
    Optional<Long> terminationGracePeriodSeconds,
    Optional<Long> activeDeadlineSeconds,
    Optional<String> dnsPolicy,
    Map<String, String> nodeSelector,
    Optional<String> serviceAccountName,
    Optional<String> serviceAccount,
    Optional<Boolean> automountServiceAccountToken,
    Optional<String> nodeName,
    Optional<Boolean> hostNetwork,
    Optional<Boolean> hostPID,
    Optional<Boolean> hostIPC,
    Optional<Boolean> shareProcessNamespace,
    Optional<Map<String, Object>> securityContext,
    List<Object> imagePullSecrets,
    Optional<String> hostname,
    Optional<String> subdomain,
    Optional<Object> affinity,
    Optional<String> schedulerName,
    List<Object> tolerations,
    List<HostAlias> hostAliases,
    Optional<String> priorityClassName,
    Optional<Integer> priority,
    Optional<PodDNSConfig> dnsConfig,
    List<Object> readinessGates,
    Optional<String> runtimeClassName,
    Optional<Boolean> enableServiceLinks,
    Optional<String> preemptionPolicy,
    Map<String, String> overhead,
    List<Object> topologySpreadConstraints,
    Optional<Boolean> setHostnameAsFQDN,
    Optional<Object> os,
    Optional<Boolean> hostUsers,
    List<Object> schedulingGates,
    List<Object> resourceClaims,
    Optional<Object> resources,
    Optional<String> hostnameOverride,
    Optional<Object> workloadRef) {
  public PodSpec {
    volumes = Values.list(volumes);
    initContainers = Values.list(initContainers);
    containers = Values.list(containers);
    ephemeralContainers = Values.list(ephemeralContainers);
    restartPolicy = Values.opt(restartPolicy);
    terminationGracePeriodSeconds = Values.opt(terminationGracePeriodSeconds);
    activeDeadlineSeconds = Values.opt(activeDeadlineSeconds);
    dnsPolicy = Values.opt(dnsPolicy);
    nodeSelector = Values.map(nodeSelector);
    serviceAccountName = Values.opt(serviceAccountName);
    serviceAccount = Values.opt(serviceAccount);
    automountServiceAccountToken = Values.opt(automountServiceAccountToken);
    nodeName = Values.opt(nodeName);
    hostNetwork = Values.opt(hostNetwork);
    hostPID = Values.opt(hostPID);
    hostIPC = Values.opt(hostIPC);
    shareProcessNamespace = Values.opt(shareProcessNamespace);
    securityContext = Values.opt(securityContext).map(Values::map);
    imagePullSecrets = Values.list(imagePullSecrets);
    hostname = Values.opt(hostname);
    subdomain = Values.opt(subdomain);
    affinity = Values.opt(affinity);
    schedulerName = Values.opt(schedulerName);
    tolerations = Values.list(tolerations);
    hostAliases = Values.list(hostAliases);
    priorityClassName = Values.opt(priorityClassName);
    priority = Values.opt(priority);
    dnsConfig = Values.opt(dnsConfig);
    readinessGates = Values.list(readinessGates);
    runtimeClassName = Values.opt(runtimeClassName);
    enableServiceLinks = Values.opt(enableServiceLinks);
    preemptionPolicy = Values.opt(preemptionPolicy);
    overhead = Values.map(overhead);
    topologySpreadConstraints = Values.list(topologySpreadConstraints);
    setHostnameAsFQDN = Values.opt(setHostnameAsFQDN);
    os = Values.opt(os);
    hostUsers = Values.opt(hostUsers);
    schedulingGates = Values.list(schedulingGates);
    resourceClaims = Values.list(resourceClaims);
    resources = Values.opt(resources);
    hostnameOverride = Values.opt(hostnameOverride);
    workloadRef = Values.opt(workloadRef);
  }

  static PodSpec empty() {
    return builder().build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public static Builder builder() {
    return new Builder(null);
  }

  /** A builder of {@link PodSpec}, starting from nothing or from a copy. */
  public static final class Builder {
    private List<Object> volumes;
    private List<Container> initContainers;
    private List<Container> containers;
    private List<Object> ephemeralContainers;
    private Optional<String> restartPolicy = Optional.empty();
    private Optional<Long> terminationGracePeriodSeconds = Optional.empty();
    private Optional<Long> activeDeadlineSeconds = Optional.empty();
    private Optional<String> dnsPolicy = Optional.empty();
    private Map<String, String> nodeSelector;
    private Optional<String> serviceAccountName = Optional.empty();
    private Optional<String> serviceAccount = Optional.empty();
    private Optional<Boolean> automountServiceAccountToken = Optional.empty();
    private Optional<String> nodeName = Optional.empty();
    private Optional<Boolean> hostNetwork = Optional.empty();
    private Optional<Boolean> hostPID = Optional.empty();
    private Optional<Boolean> hostIPC = Optional.empty();
    private Optional<Boolean> shareProcessNamespace = Optional.empty();
    private Optional<Map<String, Object>> securityContext = Optional.empty();
    private List<Object> imagePullSecrets;
    private Optional<String> hostname = Optional.empty();
    private Optional<String> subdomain = Optional.empty();
    private Optional<Object> affinity = Optional.empty();
    private Optional<String> schedulerName = Optional.empty();
    private List<Object> tolerations;
    private List<HostAlias> hostAliases;
    private Optional<String> priorityClassName = Optional.empty();
    private Optional<Integer> priority = Optional.empty();
    private Optional<PodDNSConfig> dnsConfig = Optional.empty();
    private List<Object> readinessGates;
    private Optional<String> runtimeClassName = Optional.empty();
    private Optional<Boolean> enableServiceLinks = Optional.empty();
    private Optional<String> preemptionPolicy = Optional.empty();
    private Map<String, String> overhead;
    private List<Object> topologySpreadConstraints;
    private Optional<Boolean> setHostnameAsFQDN = Optional.empty();
    private Optional<Object> os = Optional.empty();
    private Optional<Boolean> hostUsers = Optional.empty();
    private List<Object> schedulingGates;
    private List<Object> resourceClaims;
    private Optional<Object> resources = Optional.empty();
    private Optional<String> hostnameOverride = Optional.empty();
    private Optional<Object> workloadRef = Optional.empty();

    private Builder(PodSpec from) {
      if (from != null) {
        volumes = from.volumes;
        initContainers = from.initContainers;
        containers = from.containers;
        ephemeralContainers = from.ephemeralContainers;
        restartPolicy = from.restartPolicy;
        terminationGracePeriodSeconds = from.terminationGracePeriodSeconds;
        activeDeadlineSeconds = from.activeDeadlineSeconds;
        dnsPolicy = from.dnsPolicy;
        nodeSelector = from.nodeSelector;
        serviceAccountName = from.serviceAccountName;
        serviceAccount = from.serviceAccount;
        automountServiceAccountToken = from.automountServiceAccountToken;
        nodeName = from.nodeName;
        hostNetwork = from.hostNetwork;
        hostPID = from.hostPID;
        hostIPC = from.hostIPC;
        shareProcessNamespace = from.shareProcessNamespace;
        securityContext = from.securityContext;
        imagePullSecrets = from.imagePullSecrets;
        hostname = from.hostname;
        subdomain = from.subdomain;
        affinity = from.affinity;
        schedulerName = from.schedulerName;
        tolerations = from.tolerations;
        hostAliases = from.hostAliases;
        priorityClassName = from.priorityClassName;
        priority = from.priority;
        dnsConfig = from.dnsConfig;
        readinessGates = from.readinessGates;
        runtimeClassName = from.runtimeClassName;
        enableServiceLinks = from.enableServiceLinks;
        preemptionPolicy = from.preemptionPolicy;
        overhead = from.overhead;
        topologySpreadConstraints = from.topologySpreadConstraints;
        setHostnameAsFQDN = from.setHostnameAsFQDN;
        os = from.os;
        hostUsers = from.hostUsers;
        schedulingGates = from.schedulingGates;
        resourceClaims = from.resourceClaims;
        resources = from.resources;
        hostnameOverride = from.hostnameOverride;
        workloadRef = from.workloadRef;
      }
    }

    public Builder volumes(List<Object> v) { volumes = v; return this; }
    public Builder initContainers(List<Container> v) { initContainers = v; return this; }
    public Builder containers(List<Container> v) { containers = v; return this; }
    public Builder ephemeralContainers(List<Object> v) { ephemeralContainers = v; return this; }
    public Builder restartPolicy(String v) { restartPolicy = Optional.ofNullable(v); return this; }
    public Builder terminationGracePeriodSeconds(Long v) { terminationGracePeriodSeconds = Optional.ofNullable(v); return this; }
    public Builder activeDeadlineSeconds(Long v) { activeDeadlineSeconds = Optional.ofNullable(v); return this; }
    public Builder dnsPolicy(String v) { dnsPolicy = Optional.ofNullable(v); return this; }
    public Builder nodeSelector(Map<String, String> v) { nodeSelector = v; return this; }
    public Builder serviceAccountName(String v) { serviceAccountName = Optional.ofNullable(v); return this; }
    public Builder serviceAccount(String v) { serviceAccount = Optional.ofNullable(v); return this; }
    public Builder automountServiceAccountToken(Boolean v) { automountServiceAccountToken = Optional.ofNullable(v); return this; }
    public Builder nodeName(String v) { nodeName = Optional.ofNullable(v); return this; }
    public Builder hostNetwork(Boolean v) { hostNetwork = Optional.ofNullable(v); return this; }
    public Builder hostPID(Boolean v) { hostPID = Optional.ofNullable(v); return this; }
    public Builder hostIPC(Boolean v) { hostIPC = Optional.ofNullable(v); return this; }
    public Builder shareProcessNamespace(Boolean v) { shareProcessNamespace = Optional.ofNullable(v); return this; }
    public Builder securityContext(Map<String, Object> v) { securityContext = Optional.ofNullable(v); return this; }
    public Builder imagePullSecrets(List<Object> v) { imagePullSecrets = v; return this; }
    public Builder hostname(String v) { hostname = Optional.ofNullable(v); return this; }
    public Builder subdomain(String v) { subdomain = Optional.ofNullable(v); return this; }
    public Builder affinity(Object v) { affinity = Optional.ofNullable(v); return this; }
    public Builder schedulerName(String v) { schedulerName = Optional.ofNullable(v); return this; }
    public Builder tolerations(List<Object> v) { tolerations = v; return this; }
    public Builder hostAliases(List<HostAlias> v) { hostAliases = v; return this; }
    public Builder priorityClassName(String v) { priorityClassName = Optional.ofNullable(v); return this; }
    public Builder priority(Integer v) { priority = Optional.ofNullable(v); return this; }
    public Builder dnsConfig(PodDNSConfig v) { dnsConfig = Optional.ofNullable(v); return this; }
    public Builder readinessGates(List<Object> v) { readinessGates = v; return this; }
    public Builder runtimeClassName(String v) { runtimeClassName = Optional.ofNullable(v); return this; }
    public Builder enableServiceLinks(Boolean v) { enableServiceLinks = Optional.ofNullable(v); return this; }
    public Builder preemptionPolicy(String v) { preemptionPolicy = Optional.ofNullable(v); return this; }
    public Builder overhead(Map<String, String> v) { overhead = v; return this; }
    public Builder topologySpreadConstraints(List<Object> v) { topologySpreadConstraints = v; return this; }
    public Builder setHostnameAsFQDN(Boolean v) { setHostnameAsFQDN = Optional.ofNullable(v); return this; }
    public Builder os(Object v) { os = Optional.ofNullable(v); return this; }
    public Builder hostUsers(Boolean v) { hostUsers = Optional.ofNullable(v); return this; }
    public Builder schedulingGates(List<Object> v) { schedulingGates = v; return this; }
    public Builder resourceClaims(List<Object> v) { resourceClaims = v; return this; }
    public Builder resources(Object v) { resources = Optional.ofNullable(v); return this; }
    public Builder hostnameOverride(String v) { hostnameOverride = Optional.ofNullable(v); return this; }
    public Builder workloadRef(Object v) { workloadRef = Optional.ofNullable(v); return this; }

    public PodSpec build() {
      return new PodSpec(
          volumes,
          initContainers,
          containers,
          ephemeralContainers,
          restartPolicy,
          terminationGracePeriodSeconds,
          activeDeadlineSeconds,
          dnsPolicy,
          nodeSelector,
          serviceAccountName,
          serviceAccount,
          automountServiceAccountToken,
          nodeName,
          hostNetwork,
          hostPID,
          hostIPC,
          shareProcessNamespace,
          securityContext,
          imagePullSecrets,
          hostname,
          subdomain,
          affinity,
          schedulerName,
          tolerations,
          hostAliases,
          priorityClassName,
          priority,
          dnsConfig,
          readinessGates,
          runtimeClassName,
          enableServiceLinks,
          preemptionPolicy,
          overhead,
          topologySpreadConstraints,
          setHostnameAsFQDN,
          os,
          hostUsers,
          schedulingGates,
          resourceClaims,
          resources,
          hostnameOverride,
          workloadRef);
    }
  }
}
