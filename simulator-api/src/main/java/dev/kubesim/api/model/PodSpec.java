package dev.kubesim.api.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code spec} of a Pod (and of a pod template), in full, in the order the API server serialises
 * it.
 *
 * @param volumes the volumes the containers can mount
 * @param initContainers containers run one after another, each to its end, before the main
 *     containers start
 * @param containers the main containers, started together
 * @param restartPolicy {@code Always} (default), {@code OnFailure} or {@code Never}
 * @param terminationGracePeriodSeconds how long the kubelet waits after SIGTERM before SIGKILL
 *     (default 30)
 * @param dnsPolicy how the pod's {@code /etc/resolv.conf} is made: {@code ClusterFirst} (default),
 *     {@code Default}, {@code ClusterFirstWithHostNet} or {@code None}
 * @param nodeSelector labels a node must have for the pod to be scheduled there
 * @param serviceAccountName the ServiceAccount the pod runs as
 * @param nodeName the node the pod is bound to: set by the scheduler, or by the author to skip it
 * @param hostNetwork whether the pod uses its node's network namespace
 * @param hostname the pod's hostname, the pod's name by default
 * @param subdomain with {@code hostname}, gives the pod the DNS name {@code
 *     hostname.subdomain.namespace.svc.cluster.local} behind a headless Service of that name
 * @param affinity node and pod affinity rules, as written
 * @param schedulerName the scheduler that binds the pod ({@code default-scheduler})
 * @param tolerations the taints the pod tolerates, and for how long
 * @param hostAliases entries added to the pod's {@code /etc/hosts}
 * @param dnsConfig nameservers, searches and options added to (or, with {@code dnsPolicy: None},
 *     making) the pod's {@code /etc/resolv.conf}
 * @param readinessGates extra conditions that must hold for the pod to be ready
 * @param enableServiceLinks whether Services' environment variables ({@code KUBIA_SERVICE_HOST},
 *     ...) are injected (default true)
 * @param setHostnameAsFQDN whether the pod's hostname is its fully qualified domain name
 */
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
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param volumes the volumes the containers can mount
   * @param initContainers containers run one after another, each to its end, before the main
   *     containers start
   * @param containers the main containers, started together
   * @param ephemeralContainers the {@code ephemeralContainers} field; {@code null} for none
   * @param restartPolicy {@code Always} (default), {@code OnFailure} or {@code Never}
   * @param terminationGracePeriodSeconds how long the kubelet waits after SIGTERM before SIGKILL
   *     (default 30)
   * @param activeDeadlineSeconds the {@code activeDeadlineSeconds} field; {@code null} for absent
   * @param dnsPolicy how the pod's {@code /etc/resolv.conf} is made: {@code ClusterFirst}
   *     (default), {@code Default}, {@code ClusterFirstWithHostNet} or {@code None}
   * @param nodeSelector labels a node must have for the pod to be scheduled there
   * @param serviceAccountName the ServiceAccount the pod runs as
   * @param serviceAccount the {@code serviceAccount} field; {@code null} for absent
   * @param automountServiceAccountToken the {@code automountServiceAccountToken} field; {@code
   *     null} for absent
   * @param nodeName the node the pod is bound to: set by the scheduler, or by the author to skip it
   * @param hostNetwork whether the pod uses its node's network namespace
   * @param hostPID the {@code hostPID} field; {@code null} for absent
   * @param hostIPC the {@code hostIPC} field; {@code null} for absent
   * @param shareProcessNamespace the {@code shareProcessNamespace} field; {@code null} for absent
   * @param securityContext the {@code securityContext} field; {@code null} for absent
   * @param imagePullSecrets the {@code imagePullSecrets} field; {@code null} for none
   * @param hostname the pod's hostname, the pod's name by default
   * @param subdomain with {@code hostname}, gives the pod the DNS name {@code
   *     hostname.subdomain.namespace.svc.cluster.local} behind a headless Service of that name
   * @param affinity node and pod affinity rules, as written
   * @param schedulerName the scheduler that binds the pod ({@code default-scheduler})
   * @param tolerations the taints the pod tolerates, and for how long
   * @param hostAliases entries added to the pod's {@code /etc/hosts}
   * @param priorityClassName the {@code priorityClassName} field; {@code null} for absent
   * @param priority the {@code priority} field; {@code null} for absent
   * @param dnsConfig nameservers, searches and options added to (or, with {@code dnsPolicy: None},
   *     making) the pod's {@code /etc/resolv.conf}
   * @param readinessGates extra conditions that must hold for the pod to be ready
   * @param runtimeClassName the {@code runtimeClassName} field; {@code null} for absent
   * @param enableServiceLinks whether Services' environment variables ({@code KUBIA_SERVICE_HOST},
   *     ...) are injected (default true)
   * @param preemptionPolicy the {@code preemptionPolicy} field; {@code null} for absent
   * @param overhead the {@code overhead} field; {@code null} for none
   * @param topologySpreadConstraints the {@code topologySpreadConstraints} field; {@code null} for
   *     none
   * @param setHostnameAsFQDN whether the pod's hostname is its fully qualified domain name
   * @param os the {@code os} field; {@code null} for absent
   * @param hostUsers the {@code hostUsers} field; {@code null} for absent
   * @param schedulingGates the {@code schedulingGates} field; {@code null} for none
   * @param resourceClaims the {@code resourceClaims} field; {@code null} for none
   * @param resources the {@code resources} field; {@code null} for absent
   * @param hostnameOverride the {@code hostnameOverride} field; {@code null} for absent
   * @param workloadRef the {@code workloadRef} field; {@code null} for absent
   */
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

  /**
   * A builder that starts from this {@code PodSpec}'s fields, for a changed copy.
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

    /**
     * Sets {@link PodSpec#volumes()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder volumes(List<Object> v) { volumes = v; return this; }
    /**
     * Sets {@link PodSpec#initContainers()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder initContainers(List<Container> v) { initContainers = v; return this; }
    /**
     * Sets {@link PodSpec#containers()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder containers(List<Container> v) { containers = v; return this; }
    /**
     * Sets {@link PodSpec#ephemeralContainers()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder ephemeralContainers(List<Object> v) { ephemeralContainers = v; return this; }
    /**
     * Sets {@link PodSpec#restartPolicy()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder restartPolicy(String v) { restartPolicy = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#terminationGracePeriodSeconds()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder terminationGracePeriodSeconds(Long v) { terminationGracePeriodSeconds = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#activeDeadlineSeconds()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder activeDeadlineSeconds(Long v) { activeDeadlineSeconds = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#dnsPolicy()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder dnsPolicy(String v) { dnsPolicy = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#nodeSelector()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder nodeSelector(Map<String, String> v) { nodeSelector = v; return this; }
    /**
     * Sets {@link PodSpec#serviceAccountName()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder serviceAccountName(String v) { serviceAccountName = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#serviceAccount()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder serviceAccount(String v) { serviceAccount = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#automountServiceAccountToken()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder automountServiceAccountToken(Boolean v) { automountServiceAccountToken = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#nodeName()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder nodeName(String v) { nodeName = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#hostNetwork()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder hostNetwork(Boolean v) { hostNetwork = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#hostPID()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder hostPID(Boolean v) { hostPID = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#hostIPC()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder hostIPC(Boolean v) { hostIPC = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#shareProcessNamespace()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder shareProcessNamespace(Boolean v) { shareProcessNamespace = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#securityContext()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder securityContext(Map<String, Object> v) { securityContext = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#imagePullSecrets()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder imagePullSecrets(List<Object> v) { imagePullSecrets = v; return this; }
    /**
     * Sets {@link PodSpec#hostname()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder hostname(String v) { hostname = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#subdomain()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder subdomain(String v) { subdomain = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#affinity()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder affinity(Object v) { affinity = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#schedulerName()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder schedulerName(String v) { schedulerName = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#tolerations()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder tolerations(List<Object> v) { tolerations = v; return this; }
    /**
     * Sets {@link PodSpec#hostAliases()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder hostAliases(List<HostAlias> v) { hostAliases = v; return this; }
    /**
     * Sets {@link PodSpec#priorityClassName()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder priorityClassName(String v) { priorityClassName = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#priority()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder priority(Integer v) { priority = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#dnsConfig()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder dnsConfig(PodDNSConfig v) { dnsConfig = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#readinessGates()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder readinessGates(List<Object> v) { readinessGates = v; return this; }
    /**
     * Sets {@link PodSpec#runtimeClassName()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder runtimeClassName(String v) { runtimeClassName = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#enableServiceLinks()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder enableServiceLinks(Boolean v) { enableServiceLinks = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#preemptionPolicy()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder preemptionPolicy(String v) { preemptionPolicy = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#overhead()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder overhead(Map<String, String> v) { overhead = v; return this; }
    /**
     * Sets {@link PodSpec#topologySpreadConstraints()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder topologySpreadConstraints(List<Object> v) { topologySpreadConstraints = v; return this; }
    /**
     * Sets {@link PodSpec#setHostnameAsFQDN()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder setHostnameAsFQDN(Boolean v) { setHostnameAsFQDN = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#os()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder os(Object v) { os = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#hostUsers()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder hostUsers(Boolean v) { hostUsers = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#schedulingGates()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder schedulingGates(List<Object> v) { schedulingGates = v; return this; }
    /**
     * Sets {@link PodSpec#resourceClaims()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder resourceClaims(List<Object> v) { resourceClaims = v; return this; }
    /**
     * Sets {@link PodSpec#resources()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder resources(Object v) { resources = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#hostnameOverride()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder hostnameOverride(String v) { hostnameOverride = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link PodSpec#workloadRef()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder workloadRef(Object v) { workloadRef = Optional.ofNullable(v); return this; }

    /**
     * Builds the {@code PodSpec} from the fields set so far.
     *
     * @return a new {@code PodSpec}
     */
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
