package dev.kubesim.api.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code spec} of a Service, in full. Fields appear in the order the API server serialises them.
 *
 * @param ports the ports the Service exposes
 * @param selector the labels of the pods behind the Service; without one, endpoints are managed by
 *     hand
 * @param clusterIP the virtual IP, allocated from the service CIDR; {@code None} for a headless
 *     Service
 * @param clusterIPs the cluster IPs, one per IP family
 * @param type {@code ClusterIP} (default), {@code NodePort}, {@code LoadBalancer} or {@code
 *     ExternalName}
 * @param externalIPs addresses outside the cluster that kube-proxy also answers for the Service
 * @param sessionAffinity {@code None} (default) or {@code ClientIP}
 * @param loadBalancerIP an address asked of the cloud (deprecated)
 * @param loadBalancerSourceRanges the client ranges the load balancer admits
 * @param externalName the DNS name an {@code ExternalName} Service is a CNAME of
 * @param externalTrafficPolicy {@code Cluster} (default) or {@code Local}: whether external traffic
 *     may go to another node's endpoint (and lose its source address)
 * @param healthCheckNodePort the node port the cloud's health checks probe, for {@code Local}
 *     external traffic
 * @param publishNotReadyAddresses whether not-ready pods are endpoints too
 * @param sessionAffinityConfig how long {@code ClientIP} affinity lasts
 * @param internalTrafficPolicy {@code Cluster} (default) or {@code Local}: whether traffic from
 *     inside the cluster may go to another node's endpoint
 */
public record ServiceSpec(
    List<ServicePort> ports,
    Map<String, String> selector,
    Optional<String> clusterIP,
    List<String> clusterIPs,
    Optional<String> type,
    List<String> externalIPs,
    Optional<String> sessionAffinity,
    Optional<String> loadBalancerIP,
    List<String> loadBalancerSourceRanges,
    Optional<String> externalName,
    Optional<String> externalTrafficPolicy,
    Optional<Integer> healthCheckNodePort,
    Optional<Boolean> publishNotReadyAddresses,
    Optional<SessionAffinityConfig> sessionAffinityConfig,
    List<String> ipFamilies,
    Optional<String> ipFamilyPolicy,
    Optional<Boolean> allocateLoadBalancerNodePorts,
    Optional<String> loadBalancerClass,
    Optional<String> internalTrafficPolicy,
    Optional<String> trafficDistribution) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param ports the ports the Service exposes
   * @param selector the labels of the pods behind the Service; without one, endpoints are managed
   *     by hand
   * @param clusterIP the virtual IP, allocated from the service CIDR; {@code None} for a headless
   *     Service
   * @param clusterIPs the cluster IPs, one per IP family
   * @param type {@code ClusterIP} (default), {@code NodePort}, {@code LoadBalancer} or {@code
   *     ExternalName}
   * @param externalIPs addresses outside the cluster that kube-proxy also answers for the Service
   * @param sessionAffinity {@code None} (default) or {@code ClientIP}
   * @param loadBalancerIP an address asked of the cloud (deprecated)
   * @param loadBalancerSourceRanges the client ranges the load balancer admits
   * @param externalName the DNS name an {@code ExternalName} Service is a CNAME of
   * @param externalTrafficPolicy {@code Cluster} (default) or {@code Local}: whether external
   *     traffic may go to another node's endpoint (and lose its source address)
   * @param healthCheckNodePort the node port the cloud's health checks probe, for {@code Local}
   *     external traffic
   * @param publishNotReadyAddresses whether not-ready pods are endpoints too
   * @param sessionAffinityConfig how long {@code ClientIP} affinity lasts
   * @param ipFamilies the {@code ipFamilies} field; {@code null} for none
   * @param ipFamilyPolicy the {@code ipFamilyPolicy} field; {@code null} for absent
   * @param allocateLoadBalancerNodePorts the {@code allocateLoadBalancerNodePorts} field; {@code
   *     null} for absent
   * @param loadBalancerClass the {@code loadBalancerClass} field; {@code null} for absent
   * @param internalTrafficPolicy {@code Cluster} (default) or {@code Local}: whether traffic from
   *     inside the cluster may go to another node's endpoint
   * @param trafficDistribution the {@code trafficDistribution} field; {@code null} for absent
   */
  public ServiceSpec {
    ports = Values.list(ports);
    selector = Values.map(selector);
    clusterIP = Values.opt(clusterIP);
    clusterIPs = Values.list(clusterIPs);
    type = Values.opt(type);
    externalIPs = Values.list(externalIPs);
    sessionAffinity = Values.opt(sessionAffinity);
    loadBalancerIP = Values.opt(loadBalancerIP);
    loadBalancerSourceRanges = Values.list(loadBalancerSourceRanges);
    externalName = Values.opt(externalName);
    externalTrafficPolicy = Values.opt(externalTrafficPolicy);
    healthCheckNodePort = Values.opt(healthCheckNodePort);
    publishNotReadyAddresses = Values.opt(publishNotReadyAddresses);
    sessionAffinityConfig = Values.opt(sessionAffinityConfig);
    ipFamilies = Values.list(ipFamilies);
    ipFamilyPolicy = Values.opt(ipFamilyPolicy);
    allocateLoadBalancerNodePorts = Values.opt(allocateLoadBalancerNodePorts);
    loadBalancerClass = Values.opt(loadBalancerClass);
    internalTrafficPolicy = Values.opt(internalTrafficPolicy);
    trafficDistribution = Values.opt(trafficDistribution);
  }

  static ServiceSpec empty() {
    return builder().build();
  }

  /**
   * The type, {@code ClusterIP} when unset.
   *
   * @return the type, {@code ClusterIP} when unset
   */
  public String typeOrDefault() {
    return type.orElse("ClusterIP");
  }

  /**
   * Whether {@code clusterIP} is {@code None}.
   *
   * @return whether {@code clusterIP} is {@code None}
   */
  public boolean isHeadless() {
    return clusterIP.filter("None"::equals).isPresent();
  }

  /**
   * A builder that starts from this {@code ServiceSpec}'s fields, for a changed copy.
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

  /** A builder of {@link ServiceSpec}, starting from nothing or from a copy. */
  public static final class Builder {
    private List<ServicePort> ports;
    private Map<String, String> selector;
    private Optional<String> clusterIP = Optional.empty();
    private List<String> clusterIPs;
    private Optional<String> type = Optional.empty();
    private List<String> externalIPs;
    private Optional<String> sessionAffinity = Optional.empty();
    private Optional<String> loadBalancerIP = Optional.empty();
    private List<String> loadBalancerSourceRanges;
    private Optional<String> externalName = Optional.empty();
    private Optional<String> externalTrafficPolicy = Optional.empty();
    private Optional<Integer> healthCheckNodePort = Optional.empty();
    private Optional<Boolean> publishNotReadyAddresses = Optional.empty();
    private Optional<SessionAffinityConfig> sessionAffinityConfig = Optional.empty();
    private List<String> ipFamilies;
    private Optional<String> ipFamilyPolicy = Optional.empty();
    private Optional<Boolean> allocateLoadBalancerNodePorts = Optional.empty();
    private Optional<String> loadBalancerClass = Optional.empty();
    private Optional<String> internalTrafficPolicy = Optional.empty();
    private Optional<String> trafficDistribution = Optional.empty();

    private Builder(ServiceSpec from) {
      if (from != null) {
        ports = from.ports;
        selector = from.selector;
        clusterIP = from.clusterIP;
        clusterIPs = from.clusterIPs;
        type = from.type;
        externalIPs = from.externalIPs;
        sessionAffinity = from.sessionAffinity;
        loadBalancerIP = from.loadBalancerIP;
        loadBalancerSourceRanges = from.loadBalancerSourceRanges;
        externalName = from.externalName;
        externalTrafficPolicy = from.externalTrafficPolicy;
        healthCheckNodePort = from.healthCheckNodePort;
        publishNotReadyAddresses = from.publishNotReadyAddresses;
        sessionAffinityConfig = from.sessionAffinityConfig;
        ipFamilies = from.ipFamilies;
        ipFamilyPolicy = from.ipFamilyPolicy;
        allocateLoadBalancerNodePorts = from.allocateLoadBalancerNodePorts;
        loadBalancerClass = from.loadBalancerClass;
        internalTrafficPolicy = from.internalTrafficPolicy;
        trafficDistribution = from.trafficDistribution;
      }
    }

    /**
     * Sets {@link ServiceSpec#ports()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder ports(List<ServicePort> v) { ports = v; return this; }
    /**
     * Sets {@link ServiceSpec#selector()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder selector(Map<String, String> v) { selector = v; return this; }
    /**
     * Sets {@link ServiceSpec#clusterIP()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder clusterIP(String v) { clusterIP = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link ServiceSpec#clusterIPs()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder clusterIPs(List<String> v) { clusterIPs = v; return this; }
    /**
     * Sets {@link ServiceSpec#type()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder type(String v) { type = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link ServiceSpec#externalIPs()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder externalIPs(List<String> v) { externalIPs = v; return this; }
    /**
     * Sets {@link ServiceSpec#sessionAffinity()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder sessionAffinity(String v) { sessionAffinity = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link ServiceSpec#loadBalancerIP()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder loadBalancerIP(String v) { loadBalancerIP = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link ServiceSpec#loadBalancerSourceRanges()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder loadBalancerSourceRanges(List<String> v) { loadBalancerSourceRanges = v; return this; }
    /**
     * Sets {@link ServiceSpec#externalName()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder externalName(String v) { externalName = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link ServiceSpec#externalTrafficPolicy()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder externalTrafficPolicy(String v) { externalTrafficPolicy = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link ServiceSpec#healthCheckNodePort()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder healthCheckNodePort(Integer v) { healthCheckNodePort = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link ServiceSpec#publishNotReadyAddresses()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder publishNotReadyAddresses(Boolean v) { publishNotReadyAddresses = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link ServiceSpec#sessionAffinityConfig()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder sessionAffinityConfig(SessionAffinityConfig v) { sessionAffinityConfig = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link ServiceSpec#ipFamilies()}.
     *
     * @param v the new value; {@code null} for none
     * @return this builder
     */
    public Builder ipFamilies(List<String> v) { ipFamilies = v; return this; }
    /**
     * Sets {@link ServiceSpec#ipFamilyPolicy()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder ipFamilyPolicy(String v) { ipFamilyPolicy = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link ServiceSpec#allocateLoadBalancerNodePorts()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder allocateLoadBalancerNodePorts(Boolean v) { allocateLoadBalancerNodePorts = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link ServiceSpec#loadBalancerClass()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder loadBalancerClass(String v) { loadBalancerClass = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link ServiceSpec#internalTrafficPolicy()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder internalTrafficPolicy(String v) { internalTrafficPolicy = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link ServiceSpec#trafficDistribution()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder trafficDistribution(String v) { trafficDistribution = Optional.ofNullable(v); return this; }

    /**
     * Builds the {@code ServiceSpec} from the fields set so far.
     *
     * @return a new {@code ServiceSpec}
     */
    public ServiceSpec build() {
      return new ServiceSpec(ports, selector, clusterIP, clusterIPs, type, externalIPs,
          sessionAffinity, loadBalancerIP, loadBalancerSourceRanges, externalName,
          externalTrafficPolicy, healthCheckNodePort, publishNotReadyAddresses,
          sessionAffinityConfig, ipFamilies, ipFamilyPolicy, allocateLoadBalancerNodePorts,
          loadBalancerClass, internalTrafficPolicy, trafficDistribution);
    }
  }
}
