package dev.kubesim.api;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a cluster is built from, as the {@link ClusterBuilder} collected it. The defaults
 * mirror a kubeadm-style cluster: 3 nodes {@code node-1..3} on {@code 192.168.49.2..4} with pod
 * CIDRs {@code 10.244.1.0/24..10.244.3.0/24}, services from {@code 10.96.0.0/12}, node ports
 * {@code 30000-32767}, domain {@code cluster.local}, the {@code coredns} add-on, seed 1.
 *
 * @param seed the seed every random stream derives from
 * @param nodes the nodes, in order
 * @param serviceCIDR the ClusterIP range (IPv4, or IPv4 and IPv6 separated by a comma)
 * @param clusterCIDR the pod network (IPv4, or IPv4 and IPv6 separated by a comma)
 * @param nodePortFirst the first port of the node-port range
 * @param nodePortLast the last port of the node-port range
 * @param clusterDomain the DNS domain of the cluster
 * @param addons the add-ons to install ({@code coredns}, {@code ingress-nginx})
 * @param maxSteps the most events one settle or advance may run before it fails
 * @param kubeProxy kube-proxy's settings
 * @param hostResolvConf the nodes' own resolv.conf
 * @param upstreamDns the names the upstream resolver knows outside the cluster, with their addresses
 */
public record ClusterOptions(
    long seed,
    List<NodeConfig> nodes,
    String serviceCIDR,
    String clusterCIDR,
    int nodePortFirst,
    int nodePortLast,
    String clusterDomain,
    List<String> addons,
    long maxSteps,
    KubeProxyOptions kubeProxy,
    HostResolvConf hostResolvConf,
    Map<String, List<String>> upstreamDns) {
  /**
   * Checks that no field is {@code null}; lists and maps are copied immutable.
   *
   * @param seed the seed every random stream derives from
   * @param nodes the nodes, in order
   * @param serviceCIDR the ClusterIP range (IPv4, or IPv4 and IPv6 separated by a comma)
   * @param clusterCIDR the pod network (IPv4, or IPv4 and IPv6 separated by a comma)
   * @param nodePortFirst the first port of the node-port range
   * @param nodePortLast the last port of the node-port range
   * @param clusterDomain the DNS domain of the cluster
   * @param addons the add-ons to install ({@code coredns}, {@code ingress-nginx})
   * @param maxSteps the most events one settle or advance may run before it fails
   * @param kubeProxy kube-proxy's settings
   * @param hostResolvConf the nodes' own resolv.conf
   * @param upstreamDns the names the upstream resolver knows outside the cluster, with their
   *     addresses
   */
  public ClusterOptions {
    nodes = ImmutableList.copyOf(nodes);
    Objects.requireNonNull(serviceCIDR, "serviceCIDR");
    Objects.requireNonNull(clusterCIDR, "clusterCIDR");
    Objects.requireNonNull(clusterDomain, "clusterDomain");
    addons = ImmutableList.copyOf(addons);
    Objects.requireNonNull(kubeProxy, "kubeProxy");
    Objects.requireNonNull(hostResolvConf, "hostResolvConf");
    ImmutableSortedMap.Builder<String, List<String>> dns = ImmutableSortedMap.naturalOrder();
    upstreamDns.forEach((name, ips) -> dns.put(name, ImmutableList.copyOf(ips)));
    upstreamDns = dns.build();
  }

  /**
   * The default nodes: {@code count} nodes named {@code node-i}, {@code 192.168.49.(i+1)}, {@code
   * 10.244.i.0/24}.
   *
   * @param count how many, 1 to 250
   * @return the nodes, in name order
   */
  public static ImmutableList<NodeConfig> defaultNodes(int count) {
    if (count < 1 || count > 250) {
      throw new IllegalArgumentException("node count must be between 1 and 250, got " + count);
    }
    ImmutableList.Builder<NodeConfig> nodes = ImmutableList.builder();
    for (int i = 1; i <= count; i++) {
      nodes.add(NodeConfig.of("node-" + i, "192.168.49." + (i + 1), "10.244." + i + ".0/24"));
    }
    return nodes.build();
  }
}
