package dev.kubesim.impl.cluster;

import dev.kubesim.api.ClusterOptions;
import dev.kubesim.api.NodeConfig;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.cloud.CloudNetwork;
import dev.kubesim.impl.cloud.LoadBalancers;
import dev.kubesim.impl.cni.CniPlugin;
import dev.kubesim.impl.cni.HostPorts;
import dev.kubesim.impl.dns.ClusterDns;
import dev.kubesim.impl.dns.DnsDatagrams;
import dev.kubesim.impl.kubelet.Kubelet;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.LinkLatency;
import dev.kubesim.impl.net.Netfilter;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.netpol.NetworkPolicyEnforcer;
import dev.kubesim.impl.program.ContainerRuntime;
import dev.kubesim.impl.program.nettools.NetTools;
import dev.kubesim.impl.proxy.KubeProxy;
import dev.kubesim.impl.sim.EventLoop;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the cluster's network is put together: the network itself, each node on it with kube-proxy's
 * rules as its netfilter hooks, the CNI plugin attaching pods and enforcing NetworkPolicies, the cloud's load balancers and
 * routes in front of the nodes, CoreDNS and the upstream resolver
 * answering on port 53, and the network commands in the container runtime.
 */
final class ClusterNetwork {
  private ClusterNetwork() {}

  static Network create(EventLoop loop, List<Cidr> clusterCidrs, List<Cidr> serviceCidrs) {
    Network network = new Network(loop.clock()::nanos, loop.random().stream("net/ports"), clusterCidrs, serviceCidrs,
        LinkLatency.DEFAULT);
    // A timer run that drew a port or an id reached beyond its pod: every coalesced timer runs again.
    loop.reach(network::draws);
    return network;
  }

  private static final String KUBE_PROXY = "kube-system/kube-proxy";

  /**
   * Puts every node on the network (a node is up while its kubelet runs) and starts attaching pods;
   * returns the cloud network the nodes sit behind, in front of the cloud's {@code loadBalancers}.
   */
  static CloudNetwork attach(Network network, ApiServer api, ClusterOptions options, Map<String, KubeProxy> proxies,
      Map<String, Kubelet> kubelets, LoadBalancers loadBalancers) {
    HostPorts hostPorts = HostPorts.create();
    for (NodeConfig node : options.nodes()) {
      if (!Ip4.isValid(node.internalIP()) || Cidr.tryParse(node.podCIDR()).filter(Cidr::isIPv4).isEmpty()) {
        continue; // the network is IPv4: an IPv6-only node has no place on it
      }
      KubeProxy proxy = proxies.get(node.name());
      Netfilter rules = hostPorts.after(proxy == null ? Netfilter.NONE : proxy, node.name(), node.addresses());
      Kubelet kubelet = kubelets.get(node.name());
      network.addNode(node.name(), node.addresses().stream().filter(Ip4::isValid).toList(), Cidr.parse(node.podCIDR()), rules,
          () -> kubelet == null || kubelet.isRunning());
      if (proxy != null) {
        // kube-proxy runs in the node's own network namespace, as its hostNetwork DaemonSet pod does.
        network.addHostNetworkPod(KUBE_PROXY, node.name(), proxy.healthServer());
      }
    }
    CniPlugin.start(api, network, n -> Optional.ofNullable(kubelets.get(n)));
    hostPorts.start(api); // the portmap plugin chained after the bridge
    network.podFirewall(NetworkPolicyEnforcer.start(api)); // the CNI plugin's NetworkPolicy agent on every node
    CloudNetwork cloud = CloudNetwork.start(api, loadBalancers);
    network.gateway(cloud); // load balancer addresses and externalIPs from outside
    return cloud;
  }

  /** CoreDNS on UDP 53 in its pods, the upstream resolver outside, and curl and friends in containers. */
  static void startServices(Network network, ClusterDns dns, ClusterOptions options, ContainerRuntime runtime) {
    network.serveDatagrams(53, DnsDatagrams.coreDns(dns));
    for (String ns : options.hostResolvConf().nameservers()) {
      if (Ip4.isValid(ns) && network.at(ns).isEmpty()) {
        try {
          network.outsideHost(ns, DnsDatagrams.upstream(dns.upstream(), ns));
        } catch (IllegalArgumentException inCluster) {
          // a nameserver inside the cluster network is served by whatever runs there
        }
      }
    }
    NetTools.register(runtime.commands(), network);
  }
}
