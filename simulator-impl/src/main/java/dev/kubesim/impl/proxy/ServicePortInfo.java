package dev.kubesim.impl.proxy;

import com.google.common.collect.ImmutableList;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.ServicePortName;
import java.util.List;
import java.util.Objects;

/**
 * What kube-proxy keeps of one Service port ({@code proxy.BaseServicePortInfo}): the addresses
 * and ports that lead to it and its traffic policies. Only IPv4 values are kept: this proxier is
 * kube-proxy's IPv4 instance.
 *
 * @param name the service port name ({@code ns/svc:port} and protocol)
 * @param clusterIP the IPv4 ClusterIP
 * @param port the service port number
 * @param nodePort the nodePort, 0 when none
 * @param externalIPs {@code spec.externalIPs}
 * @param loadBalancerVIPs the LoadBalancer ingress IPs (VIP mode)
 * @param loadBalancerSourceRanges the parsed {@code spec.loadBalancerSourceRanges}
 * @param healthCheckNodePort the health-check nodePort of an eTP=Local LoadBalancer, 0 when none
 * @param clientIpAffinity whether {@code sessionAffinity} is {@code ClientIP}
 * @param stickyMaxAgeSeconds the ClientIP affinity timeout
 * @param externalPolicyLocal eTP=Local on a NodePort or LoadBalancer Service
 * @param internalPolicyLocal iTP=Local
 */
public record ServicePortInfo(
    ServicePortName name,
    String clusterIP,
    int port,
    int nodePort,
    List<String> externalIPs,
    List<String> loadBalancerVIPs,
    List<Cidr> loadBalancerSourceRanges,
    int healthCheckNodePort,
    boolean clientIpAffinity,
    int stickyMaxAgeSeconds,
    boolean externalPolicyLocal,
    boolean internalPolicyLocal) {
  public ServicePortInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(clusterIP, "clusterIP");
    externalIPs = ImmutableList.copyOf(externalIPs);
    loadBalancerVIPs = ImmutableList.copyOf(loadBalancerVIPs);
    loadBalancerSourceRanges = ImmutableList.copyOf(loadBalancerSourceRanges);
  }

  public IpProtocol protocol() {
    return name.protocol();
  }

  /** Reachable by a nodePort, an externalIP or a LoadBalancer IP. */
  public boolean externallyAccessible() {
    return nodePort != 0 || !loadBalancerVIPs.isEmpty() || !externalIPs.isEmpty();
  }

  /**
   * Whether traffic ever goes by Cluster policy: iTP=Cluster, or any external access at all
   * (even eTP=Local needs the cluster endpoints to short-circuit pod traffic).
   */
  public boolean usesClusterEndpoints() {
    return !internalPolicyLocal || externallyAccessible();
  }

  /** Whether traffic ever goes by Local policy. */
  public boolean usesLocalEndpoints() {
    return internalPolicyLocal || (externalPolicyLocal && externallyAccessible());
  }
}
