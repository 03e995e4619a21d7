package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.apiserver.WatchEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * One pod watch for all the kubelets of a cluster, handing each event to the kubelet of the pod's
 * node (as the real kubelets' field-selected watches do), so that a pod change costs the same with
 * 3 nodes or 5,000.
 */
final class KubeletHub {
  private final Map<String, Kubelet> byNode = new HashMap<>();

  /** The hub of a cluster's API server, watching from now on; made once per cluster by {@link KubeletDependencies}. */
  KubeletHub(ApiServer api) {
    api.store().watch(Pod.KIND, this::onPod);
    api.store().watch("ConfigMap", this::onConfigData);
    api.store().watch("Secret", this::onConfigData);
    api.store().watch(Service.KIND, this::onService);
  }

  /** A Service changed: pods of unknown images in its namespace may be expected on other ports now. */
  private void onService(WatchEvent e) {
    String namespace = e.object().metadata().namespace().orElse("");
    byNode.values().forEach(k -> k.onService(namespace));
  }

  private void onConfigData(WatchEvent e) {
    String namespace = e.object().metadata().namespace().orElse("");
    byNode.values().forEach(k -> k.onConfigData(namespace));
  }

  void add(Kubelet kubelet) {
    byNode.put(kubelet.nodeName(), kubelet);
  }

  private void onPod(WatchEvent e) {
    String node = PodStates.nodeName((Pod) e.object());
    Kubelet k = byNode.get(node);
    if (k != null) {
      k.onPod(e);
    }
  }
}
