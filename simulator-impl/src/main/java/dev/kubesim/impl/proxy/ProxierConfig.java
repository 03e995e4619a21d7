package dev.kubesim.impl.proxy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.kubesim.api.KubeProxyOptions;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.net.Ip4;
import java.util.List;
import java.util.Optional;

/**
 * What a node's kube-proxy knows besides Services and EndpointSlices: its node, the node's local
 * addresses ({@code addrtype LOCAL}), how it tells pod traffic apart ({@code --detect-local-mode
 * ClusterCIDR}: the IPv4 cluster CIDR) and its flags. Immutable.
 */
public final class ProxierConfig {

  private final String nodeName;
  private final String nodeIP;
  private final ImmutableList<String> nodeAddresses;
  private final ImmutableSet<String> nodeAddressSet;
  /** The IPv4 node addresses as the network writes them, for the packet path. */
  private final ImmutableSet<Integer> nodeIPv4Set;
  private final Optional<Cidr> podCidr;
  private final boolean masqueradeAll;
  private final boolean localhostNodePorts;
  private final NodePortAddresses nodePortAddresses;

  ProxierConfig(String nodeName, String nodeIP, List<String> nodeAddresses, Optional<Cidr> podCidr, boolean masqueradeAll,
      boolean localhostNodePorts, NodePortAddresses nodePortAddresses) {
    this.nodeName = nodeName;
    this.nodeIP = nodeIP;
    this.nodeAddressSet = ImmutableSet.copyOf(nodeAddresses);
    this.nodeAddresses = nodeAddressSet.asList();
    ImmutableSet.Builder<Integer> ipv4 = ImmutableSet.builder();
    nodeAddresses.forEach(a -> Ip4.tryParse(a).ifPresent(ipv4::add));
    this.nodeIPv4Set = ipv4.build();
    this.podCidr = podCidr;
    this.masqueradeAll = masqueradeAll;
    this.localhostNodePorts = localhostNodePorts;
    this.nodePortAddresses = nodePortAddresses;
  }

  /** The configuration kube-proxy derives from its flags (NewProxier): localhost nodePorts need loopback among the nodePort addresses. */
  static ProxierConfig of(String nodeName, List<String> nodeAddresses, List<Cidr> clusterCidrs, KubeProxyOptions options) {
    List<String> addresses = nodeAddresses.stream().map(ServicePortInfos::canonical).toList();
    String nodeIP = addresses.get(0);
    boolean nftables = options.mode().equals("nftables");
    // nftables mode takes nodePorts on the primary node IP only unless told otherwise, never on localhost.
    List<String> nodePortValues = nftables && options.nodePortAddresses().isEmpty() ? List.of("primary") : options.nodePortAddresses();
    NodePortAddresses npa = NodePortAddresses.parse(nodePortValues, nodeIP);
    Optional<Cidr> podCidr = options.detectLocal().equals("ClusterCIDR")
        ? clusterCidrs.stream().filter(Cidr::isIPv4).findFirst()
        : Optional.empty();
    return new ProxierConfig(nodeName, nodeIP, addresses, podCidr, options.masqueradeAll(),
        !nftables && options.localhostNodePorts() && npa.containsIPv4Loopback(), npa);
  }

  /** The same configuration with other node addresses (the Node object changed). */
  ProxierConfig withNode(String newNodeIP, List<String> addresses) {
    return new ProxierConfig(nodeName, newNodeIP, addresses, podCidr, masqueradeAll, localhostNodePorts, nodePortAddresses);
  }

  public String nodeName() {
    return nodeName;
  }

  /** The node's InternalIP. */
  public String nodeIP() {
    return nodeIP;
  }

  /** Every address local to the node, InternalIP first (127.0.0.0/8 is local too). */
  public ImmutableList<String> nodeAddresses() {
    return nodeAddresses;
  }

  /** The local-traffic detector's CIDR; empty for {@code detectLocal: None}. */
  public Optional<Cidr> podCidr() {
    return podCidr;
  }

  public boolean masqueradeAll() {
    return masqueradeAll;
  }

  /** Whether nodePorts answer on 127.0.0.1 ({@code --iptables-localhost-nodeports} and loopback allowed). */
  public boolean localhostNodePorts() {
    return localhostNodePorts;
  }

  NodePortAddresses nodePortAddresses() {
    return nodePortAddresses;
  }

  /**
   * Whether an IPv4 address, as the network writes it, is local to the node ({@code -m addrtype
   * --src-type/--dst-type LOCAL}): one of its addresses, or loopback.
   */
  public boolean isLocal(int address) {
    return Ip4.isLoopback(address) || nodeIPv4Set.contains(address);
  }
}
