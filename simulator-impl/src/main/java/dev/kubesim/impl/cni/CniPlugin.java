package dev.kubesim.impl.cni;

import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.kubelet.Kubelet;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Network;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The container network plugin's part, driven by the API state: a pod whose status has an IP gets
 * a namespace on its node's bridge at that address (a {@code hostNetwork} pod's listeners join the
 * node's namespace instead); a deleted pod, or one whose address changed, is taken off. One pod
 * watch for the whole cluster; each event costs the same whatever the number of pods.
 */
public final class CniPlugin {
  /** What a pod is attached as. */
  private record Attachment(String ip, String node, boolean hostNetwork) {}

  private final Network network;
  private final Function<String, Optional<Kubelet>> kubelets;
  private final Map<ObjectKey, Attachment> attached = new HashMap<>();

  private CniPlugin(Network network, Function<String, Optional<Kubelet>> kubelets) {
    this.network = network;
    this.kubelets = kubelets;
  }

  /**
   * Attaches the pods the store holds, then follows every pod change.
   *
   * @param kubelets the kubelet of a node, by name, through which a pod's running containers are found
   */
  public static CniPlugin start(ApiServer api, Network network, Function<String, Optional<Kubelet>> kubelets) {
    CniPlugin plugin = new CniPlugin(Objects.requireNonNull(network, "network"), kubelets);
    api.list(Pod.KIND, Optional.empty()).forEach(o -> plugin.sync(ObjectStore.keyOf(o), (Pod) o));
    api.store().watch(Pod.KIND, plugin::onPod);
    return plugin;
  }

  private void onPod(WatchEvent e) {
    ObjectKey key = ObjectStore.keyOf(e.object());
    if (e.type() == WatchEvent.Type.DELETED) {
      detach(key);
    } else {
      sync(key, (Pod) e.object());
    }
  }

  private void sync(ObjectKey key, Pod pod) {
    Attachment want = attachmentOf(pod);
    Attachment have = attached.get(key);
    if (Objects.equals(want, have)) {
      return;
    }
    detach(key);
    if (want == null || network.node(want.node()).isEmpty()) {
      return;
    }
    String name = key.namespace() + "/" + key.name();
    ContainerSockets sockets = new ContainerSockets(key, want.node(), kubelets, network);
    if (want.hostNetwork()) {
      network.addHostNetworkPod(name, want.node(), sockets);
    } else {
      network.addPod(name, want.ip(), want.node(), sockets);
    }
    attached.put(key, want);
  }

  private void detach(ObjectKey key) {
    Attachment a = attached.remove(key);
    if (a == null) {
      return;
    }
    String name = key.namespace() + "/" + key.name();
    if (a.hostNetwork()) {
      network.removeHostNetworkPod(name, a.node());
    } else {
      network.removePod(name, a.ip());
    }
  }

  /** Where the pod belongs on the network, or null while it has no IPv4 address or node. */
  private static Attachment attachmentOf(Pod pod) {
    String node = PodStates.nodeName(pod);
    String ip = pod.status().flatMap(PodStatus::podIP).orElse("");
    if (node.isEmpty() || ip.isEmpty() || !Ip4.isValid(ip)) {
      return null;
    }
    boolean hostNetwork = pod.spec().flatMap(PodSpec::hostNetwork).orElse(false);
    return new Attachment(ip, node, hostNetwork);
  }
}
