package dev.kubesim.api.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code spec} of a Service, in full. Fields appear in the order the API server serialises them. */
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

  /** The type, {@code ClusterIP} when unset. */
  public String typeOrDefault() {
    return type.orElse("ClusterIP");
  }

  /** Whether {@code clusterIP} is {@code None}. */
  public boolean isHeadless() {
    return clusterIP.filter("None"::equals).isPresent();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

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

    public Builder ports(List<ServicePort> v) { ports = v; return this; }
    public Builder selector(Map<String, String> v) { selector = v; return this; }
    public Builder clusterIP(String v) { clusterIP = Optional.ofNullable(v); return this; }
    public Builder clusterIPs(List<String> v) { clusterIPs = v; return this; }
    public Builder type(String v) { type = Optional.ofNullable(v); return this; }
    public Builder externalIPs(List<String> v) { externalIPs = v; return this; }
    public Builder sessionAffinity(String v) { sessionAffinity = Optional.ofNullable(v); return this; }
    public Builder loadBalancerIP(String v) { loadBalancerIP = Optional.ofNullable(v); return this; }
    public Builder loadBalancerSourceRanges(List<String> v) { loadBalancerSourceRanges = v; return this; }
    public Builder externalName(String v) { externalName = Optional.ofNullable(v); return this; }
    public Builder externalTrafficPolicy(String v) { externalTrafficPolicy = Optional.ofNullable(v); return this; }
    public Builder healthCheckNodePort(Integer v) { healthCheckNodePort = Optional.ofNullable(v); return this; }
    public Builder publishNotReadyAddresses(Boolean v) { publishNotReadyAddresses = Optional.ofNullable(v); return this; }
    public Builder sessionAffinityConfig(SessionAffinityConfig v) { sessionAffinityConfig = Optional.ofNullable(v); return this; }
    public Builder ipFamilies(List<String> v) { ipFamilies = v; return this; }
    public Builder ipFamilyPolicy(String v) { ipFamilyPolicy = Optional.ofNullable(v); return this; }
    public Builder allocateLoadBalancerNodePorts(Boolean v) { allocateLoadBalancerNodePorts = Optional.ofNullable(v); return this; }
    public Builder loadBalancerClass(String v) { loadBalancerClass = Optional.ofNullable(v); return this; }
    public Builder internalTrafficPolicy(String v) { internalTrafficPolicy = Optional.ofNullable(v); return this; }
    public Builder trafficDistribution(String v) { trafficDistribution = Optional.ofNullable(v); return this; }

    public ServiceSpec build() {
      return new ServiceSpec(ports, selector, clusterIP, clusterIPs, type, externalIPs,
          sessionAffinity, loadBalancerIP, loadBalancerSourceRanges, externalName,
          externalTrafficPolicy, healthCheckNodePort, publishNotReadyAddresses,
          sessionAffinityConfig, ipFamilies, ipFamilyPolicy, allocateLoadBalancerNodePorts,
          loadBalancerClass, internalTrafficPolicy, trafficDistribution);
    }
  }
}
