package dev.kubesim.impl.proxy;

import dev.kubesim.api.model.Node;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.WatchEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * One Node watch for all the kube-proxies of a cluster, handing each Node's events to the
 * kube-proxy of that node only, as each real kube-proxy's Node informer is field-selected to its
 * own node; a heartbeat then costs the same with 3 nodes or 5,000.
 */
final class KubeProxyNodes {
  private final Map<String, KubeProxy> byNode = new HashMap<>();

  /** The watch of a cluster's API server, registered now; made once per cluster by {@link KubeProxyDependencies}. */
  KubeProxyNodes(ApiServer api) {
    api.store().watch(Node.KIND, this::onNode);
  }

  void add(KubeProxy proxy) {
    byNode.put(proxy.nodeName(), proxy);
  }

  private void onNode(WatchEvent e) {
    KubeProxy proxy = byNode.get(e.object().metadata().nameOrEmpty());
    if (proxy != null) {
      proxy.onNode(e);
    }
  }
}
