package dev.kubesim.impl.cluster;

import dev.kubesim.api.ClusterOptions;
import dev.kubesim.api.NodeConfig;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.kubelet.ContainerSetup;
import dev.kubesim.impl.kubelet.Kubelet;
import dev.kubesim.impl.kubelet.KubeletConfig;
import dev.kubesim.impl.kubelet.KubeletDependencies;
import dev.kubesim.impl.kubelet.RuntimeProber;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.program.ContainerRuntime;
import dev.kubesim.impl.proxy.KubeProxy;
import dev.kubesim.impl.proxy.KubeProxyDependencies;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What runs on every node: its kubelet (probing over the cluster network, containers in the shared
 * runtime) and its kube-proxy, each watching the API server like the controllers.
 *
 * @param kubelets the kubelet of each node, by node name
 * @param kubeProxies the kube-proxy of each node, by node name
 */
record NodeAgents(Map<String, Kubelet> kubelets, Map<String, KubeProxy> kubeProxies) {

  /** Starts the kubelet and the kube-proxy of every node of {@code options}. */
  static NodeAgents start(ApiServer api, ClusterOptions options, List<Cidr> serviceCidrs, List<Cidr> clusterCidrs,
      Network network, ContainerRuntime runtime) {
    Map<String, Kubelet> kubelets = new TreeMap<>();
    Map<String, KubeProxy> kubeProxies = new TreeMap<>();
    String dnsIp = Cidr.format(serviceCidrs.get(0).address(10));
    ContainerSetup setup = new ContainerSetup(options.clusterDomain(), dnsIp, options.hostResolvConf());
    RuntimeProber prober = new RuntimeProber(network);
    // What every kubelet is given; its pod and Service watches start here, before the first kubelet.
    KubeletDependencies kubeletDependencies =
        KubeletDependencies.start(api, prober, runtime, setup, options.clusterDomain());
    for (NodeConfig node : options.nodes()) {
      Cidr podCidr = Cidr.tryParse(node.podCIDR())
          .orElseThrow(() -> new IllegalArgumentException("invalid podCIDR \"" + node.podCIDR() + "\" of node " + node.name()));
      kubelets.put(node.name(), Kubelet.start(kubeletDependencies, node.name(), node.internalIP(), podCidr,
          KubeletConfig.defaults()));
    }
    // kube-proxy on every node: it watches Services and EndpointSlices like the controllers, and its
    // Node through the watch the kube-proxies share (registered before the first kube-proxy's own).
    KubeProxyDependencies proxyDependencies = KubeProxyDependencies.start(api, serviceCidrs);
    for (NodeConfig node : options.nodes()) {
      kubeProxies.put(node.name(), KubeProxy.start(proxyDependencies, node.name(), node.addresses(), clusterCidrs,
          options.kubeProxy()));
    }
    return new NodeAgents(kubelets, kubeProxies);
  }
}
