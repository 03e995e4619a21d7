package dev.kubesim.impl.proxy;

import dev.kubesim.impl.apiserver.ApiServer;

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

  private KubeProxyDependencies(ApiServer api) {
    this.api = api;
    this.nodes = new KubeProxyNodes(api);
  }

  /**
   * The kube-proxies' shared parts for the cluster behind {@code api}; their Node watch is
   * registered now, so make them where the first kube-proxy starts.
   */
  public static KubeProxyDependencies start(ApiServer api) {
    return new KubeProxyDependencies(api);
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
