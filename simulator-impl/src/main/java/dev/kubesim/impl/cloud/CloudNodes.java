package dev.kubesim.impl.cloud;

import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeAddress;
import dev.kubesim.api.model.NodeStatus;
import dev.kubesim.impl.apiserver.NodeStates;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The nodes a cloud load balancer can send to, as the service controller keeps them: every Node
 * with an InternalIP except those labelled {@value #EXCLUDE_LABEL}, each with whether it answers at
 * all (its {@code Ready} condition stands for the node and its kube-proxy being up).
 */
final class CloudNodes {
  /** The label that keeps a node out of every load balancer (the service controller's). */
  static final String EXCLUDE_LABEL = "node.kubernetes.io/exclude-from-external-load-balancers";

  /** One node as a load balancer target. */
  record Target(String name, String address, boolean up) {}

  private final TreeMap<String, Target> nodes = new TreeMap<>();
  // Rebuilt on the first read after a change, so that a route does not copy the node list and a
  // cluster's nodes registering one by one do not copy it once per node.
  private List<Target> all = List.of();
  private List<Target> up = List.of();
  private boolean stale;

  void watch(ObjectStore store) {
    store.watch(Node.KIND, this::onNode);
  }

  private void onNode(WatchEvent e) {
    Node node = (Node) e.object();
    String name = node.metadata().nameOrEmpty();
    Target target = null;
    if (e.type() != WatchEvent.Type.DELETED && !node.metadata().labels().containsKey(EXCLUDE_LABEL)) {
      target = internalIP(node).map(ip -> new Target(name, ip, NodeStates.readyStatus(node).equals("True"))).orElse(null);
    }
    // Most node updates are heartbeats that leave the target as it was: the lists stand.
    if (Objects.equals(target, nodes.get(name))) {
      return;
    }
    if (target == null) {
      nodes.remove(name);
    } else {
      nodes.put(name, target);
    }
    stale = true;
  }

  private void refresh() {
    if (stale) {
      all = List.copyOf(nodes.values());
      up = all.stream().filter(Target::up).toList();
      stale = false;
    }
  }

  /** The candidate nodes in name order. */
  List<Target> all() {
    refresh();
    return all;
  }

  /** The candidate nodes that are up, in name order. */
  List<Target> up() {
    refresh();
    return up;
  }

  Optional<Target> get(String name) {
    return Optional.ofNullable(nodes.get(name));
  }

  private static Optional<String> internalIP(Node node) {
    return node.status().map(NodeStatus::addresses).orElse(List.of()).stream()
        .filter(a -> a.type().filter("InternalIP"::equals).isPresent())
        .map(NodeAddress::address)
        .flatMap(Optional::stream)
        .findFirst();
  }
}
