package dev.kubesim.impl.cloud;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.Service;
import dev.kubesim.impl.apiserver.NodeStates;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The static routes an administrator puts on the router in front of the nodes for Services'
 * {@code spec.externalIPs} — Kubernetes leaves routing those addresses to the cluster's owner —
 * here one rule for all of them: each address goes to the first Ready node in name order, whose
 * kube-proxy rules for the externalIP take it from there. Kept from watch events: an index of
 * externalIP to the Services that list it, and the Ready nodes in name order, so that a look-up
 * per connection is a hash and a first element.
 */
final class ExternalIpRoutes {
  /** externalIP → the Services listing it, in (namespace, name) order. */
  private final Map<String, TreeSet<ObjectKey>> services = new HashMap<>();
  private final TreeSet<String> readyNodes = new TreeSet<>();

  void watch(ObjectStore store) {
    store.watch(Service.KIND, this::onService);
    store.watch(Node.KIND, this::onNode);
  }

  private void onService(WatchEvent e) {
    ObjectKey key = ObjectStore.keyOf(e.object());
    e.previous().ifPresent(old -> forget(key, externalIPs(old)));
    if (e.type() != WatchEvent.Type.DELETED) {
      for (String ip : externalIPs(e.object())) {
        services.computeIfAbsent(ip, k -> new TreeSet<>()).add(key);
      }
    }
  }

  private void forget(ObjectKey key, List<String> ips) {
    for (String ip : ips) {
      TreeSet<ObjectKey> holders = services.get(ip);
      if (holders != null) {
        holders.remove(key);
        if (holders.isEmpty()) {
          services.remove(ip);
        }
      }
    }
  }

  private void onNode(WatchEvent e) {
    Node node = (Node) e.object();
    String name = node.metadata().nameOrEmpty();
    if (e.type() != WatchEvent.Type.DELETED && NodeStates.readyStatus(node).equals("True")) {
      readyNodes.add(name);
    } else {
      readyNodes.remove(name);
    }
  }

  /** The first Service listing the address as an externalIP, in (namespace, name) order, if any. */
  Optional<ObjectKey> serviceOf(String address) {
    TreeSet<ObjectKey> holders = services.get(address);
    return holders == null ? Optional.empty() : Optional.of(holders.first());
  }

  /** Where the router sends every externalIP: the first Ready node in name order, if any. */
  Optional<String> node() {
    return readyNodes.isEmpty() ? Optional.empty() : Optional.of(readyNodes.first());
  }

  private static List<String> externalIPs(KubeObject o) {
    return ((Service) o).specOrEmpty().externalIPs();
  }
}
