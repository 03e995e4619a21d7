package dev.kubesim.impl.proxy;

import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.net.Cidr;
import java.util.List;

/**
 * What the kube-proxies of a cluster share: its API server, one Node watch handing each Node's
 * events to the kube-proxy of that node ({@link KubeProxyNodes}), and the service ports of each
 * Service version ({@link ServicePortInfoCache}). The wiring makes one per cluster, before the
 * first kube-proxy starts, and gives it to {@link KubeProxy#start} on every node.
 */
public final class KubeProxyDependencies {
  private final ApiServer api;
  private final KubeProxyNodes nodes;
  private final ServicePortInfoCache portInfos = new ServicePortInfoCache();
  private final List<Cidr> serviceCidrs;

  private KubeProxyDependencies(ApiServer api, List<Cidr> serviceCidrs) {
    this.api = api;
    this.nodes = new KubeProxyNodes(api);
    this.serviceCidrs = List.copyOf(serviceCidrs);
  }

  /**
   * The kube-proxies' shared parts for the cluster behind {@code api}; their Node watch is
   * registered now, so make them where the first kube-proxy starts.
   *
   * @param serviceCidrs the cluster's service CIDRs: the ranges of the ServiceCIDR objects that
   *     kube-proxy watches (the API server makes the default one from its service range)
   */
  public static KubeProxyDependencies start(ApiServer api, List<Cidr> serviceCidrs) {
    return new KubeProxyDependencies(api, serviceCidrs);
  }

  List<Cidr> serviceCidrs() {
    return serviceCidrs;
  }

  ApiServer api() {
    return api;
  }

  KubeProxyNodes nodes() {
    return nodes;
  }

  ServicePortInfoCache portInfos() {
    return portInfos;
  }
}
