package dev.kubesim.impl.scheduler;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.PodStates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The NodePorts filter: the host ports each node's pods hold ({@code HostPortInfo} of the
 * scheduler's node info), kept from pod events, and whether a pod's own host ports are free on a
 * node. A port bound to {@code 0.0.0.0} (or no {@code hostIP}) conflicts with the same protocol and
 * port on any address, and any address with it.
 */
final class HostPorts {
  static final String REASON = "node(s) didn't have free ports for the requested pod ports";

  /** One host port a container asks for. */
  record Use(String protocol, String hostIp, int port) {
    boolean conflictsWith(Use other) {
      return protocol.equals(other.protocol) && port == other.port
          && (hostIp.equals(ANY) || other.hostIp.equals(ANY) || hostIp.equals(other.hostIp));
    }
  }

  private static final String ANY = "0.0.0.0";

  private final Map<String, Map<ObjectKey, List<Use>>> byNode = new HashMap<>();
  private final Map<ObjectKey, String> nodeOf = new HashMap<>();

  /** The host ports a pod's containers ask for. */
  static List<Use> wanted(Pod pod) {
    List<Use> out = new ArrayList<>();
    for (Container c : pod.specOrEmpty().containers()) {
      for (ContainerPort p : c.ports()) {
        int port = p.hostPort().orElse(0);
        if (port > 0) {
          String ip = p.hostIP().filter(s -> !s.isEmpty()).orElse(ANY);
          out.add(new Use(p.protocol().orElse("TCP").toUpperCase(Locale.ROOT), ip, port));
        }
      }
    }
    return out;
  }

  /** Follows a pod: what it holds on its node while it is bound and not finished; returns whether ports were freed. */
  boolean update(ObjectKey key, Pod pod, boolean deleted) {
    boolean freed = remove(key);
    String node = deleted ? "" : PodStates.nodeName(pod);
    String phase = deleted ? "" : PodStates.phase(pod);
    if (!node.isEmpty() && !phase.equals("Succeeded") && !phase.equals("Failed")) {
      List<Use> uses = wanted(pod);
      if (!uses.isEmpty()) {
        byNode.computeIfAbsent(node, n -> new HashMap<>()).put(key, uses);
        nodeOf.put(key, node);
        freed = false;
      }
    }
    return freed;
  }

  private boolean remove(ObjectKey key) {
    String node = nodeOf.remove(key);
    if (node == null) {
      return false;
    }
    Map<ObjectKey, List<Use>> pods = byNode.get(node);
    pods.remove(key);
    if (pods.isEmpty()) {
      byNode.remove(node);
    }
    return true;
  }

  /** Whether every host port the pod asks for is free on the node. */
  boolean fits(List<Use> wanted, String node) {
    if (wanted.isEmpty()) {
      return true;
    }
    Map<ObjectKey, List<Use>> pods = byNode.getOrDefault(node, Map.of());
    for (List<Use> held : pods.values()) {
      for (Use h : held) {
        for (Use w : wanted) {
          if (w.conflictsWith(h)) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
