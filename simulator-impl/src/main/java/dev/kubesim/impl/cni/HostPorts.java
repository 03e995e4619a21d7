package dev.kubesim.impl.cni;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.Netfilter;
import dev.kubesim.impl.net.Packet;
import dev.kubesim.impl.net.PacketDecision;
import dev.kubesim.impl.net.Verdict;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CNI {@code portmap} plugin, which the kubelet's CNI configuration chains after the bridge on
 * kind and most clusters: a container port with a {@code hostPort} is reachable at that port of its
 * node's own addresses ({@code -m addrtype --dst-type LOCAL}), or of its {@code hostIP} only. Its
 * {@code CNI-HOSTPORT-DNAT} chain is jumped to from nat PREROUTING and OUTPUT after kube-proxy's
 * {@code KUBE-SERVICES}, so a Service's rules match first and a host port catches what they leave.
 */
public final class HostPorts {
  /** One mapping: where a node's port goes, and whose it is. */
  private record Mapping(ObjectKey pod, int podIp, int containerPort, String chain) {}

  /** The host port of a node: its protocol and port, and the one address it is bound to (0: any). */
  private record HostPort(IpProtocol protocol, int port, int hostIp) {}

  private final Map<String, Map<HostPort, Mapping>> byNode = new HashMap<>();
  private final Map<ObjectKey, String> nodeOf = new HashMap<>();

  private HostPorts() {}

  /** The plugin with no pods yet; {@link #start} follows the pods. */
  public static HostPorts create() {
    return new HostPorts();
  }

  /** Maps the host ports of the pods the store holds, then follows every pod change. */
  public void start(ApiServer api) {
    api.list(Pod.KIND, Optional.empty()).forEach(o -> sync(ObjectStore.keyOf(o), (Pod) o));
    api.store().watch(Pod.KIND, e -> {
      ObjectKey key = ObjectStore.keyOf(e.object());
      if (e.type() == WatchEvent.Type.DELETED) {
        remove(key);
      } else {
        sync(key, (Pod) e.object());
      }
    });
  }

  /**
   * A node's rules with the plugin's after them: what {@code rules} leaves unmatched, a host port
   * of one of the node's {@code addresses} may DNAT to its pod.
   */
  public Netfilter after(Netfilter rules, String node, List<String> addresses) {
    Set<Integer> local = new HashSet<>();
    addresses.stream().filter(Ip4::isValid).forEach(a -> local.add(Ip4.parse(a)));
    local.add(Ip4.parse("127.0.0.1"));
    return (packet, locallyGenerated) -> {
      PacketDecision decided = rules.decide(packet, locallyGenerated);
      if (decided.verdict() != Verdict.NO_MATCH || !local.contains(packet.destination())) {
        return decided;
      }
      return decide(node, packet).orElse(decided);
    };
  }

  private Optional<PacketDecision> decide(String node, Packet p) {
    Map<HostPort, Mapping> ports = byNode.get(node);
    if (ports == null) {
      return Optional.empty();
    }
    Mapping m = ports.get(new HostPort(p.protocol(), p.destinationPort(), p.destination()));
    if (m == null) {
      m = ports.get(new HostPort(p.protocol(), p.destinationPort(), 0));
    }
    if (m == null) {
      return Optional.empty();
    }
    String proto = p.protocol().name().toLowerCase(Locale.ROOT);
    String to = Ip4.format(m.podIp()) + ":" + m.containerPort();
    List<String> rules = List.of(
        "-A CNI-HOSTPORT-DNAT -p " + proto + " -m multiport --dports " + p.destinationPort() + " -j " + m.chain(),
        "-A " + m.chain() + " -p " + proto + " -m " + proto + " --dport " + p.destinationPort()
            + " -j DNAT --to-destination " + to);
    Mapping mapping = m;
    return Optional.of(new PacketDecision(Verdict.DNAT, m.podIp(), m.containerPort(), List.of(to), false,
        Optional.empty(), List.of("CNI-HOSTPORT-DNAT", m.chain()), rules,
        "hostPort " + p.destinationPort() + "/" + p.protocol() + " of pod " + mapping.pod().namespace() + "/"
            + mapping.pod().name() + " (CNI portmap)", rules.size()));
  }

  private void sync(ObjectKey key, Pod pod) {
    remove(key);
    String node = PodStates.nodeName(pod);
    String ip = pod.status().flatMap(PodStatus::podIP).orElse("");
    if (node.isEmpty() || !Ip4.isValid(ip) || !PodStates.isActive(pod)
        || pod.specOrEmpty().hostNetwork().orElse(false)) {
      return;
    }
    Map<HostPort, Mapping> nodePorts = byNode.computeIfAbsent(node, n -> new HashMap<>());
    for (Container c : pod.specOrEmpty().containers()) {
      for (ContainerPort port : c.ports()) {
        int hostPort = port.hostPort().orElse(0);
        int containerPort = port.containerPort().orElse(0);
        if (hostPort <= 0 || containerPort <= 0) {
          continue;
        }
        IpProtocol protocol = IpProtocol.valueOf(port.protocol().orElse("TCP").toUpperCase(Locale.ROOT));
        int hostIp = port.hostIP().filter(Ip4::isValid).map(Ip4::parse).orElse(0);
        // the first pod to hold a host port keeps it (the scheduler keeps a second one off the node)
        nodePorts.putIfAbsent(new HostPort(protocol, hostPort, hostIp),
            new Mapping(key, Ip4.parse(ip), containerPort, chainName(key)));
        nodeOf.put(key, node);
      }
    }
  }

  private void remove(ObjectKey key) {
    String node = nodeOf.remove(key);
    if (node != null) {
      byNode.get(node).values().removeIf(m -> m.pod().equals(key));
    }
  }

  /** {@code CNI-DN-<hash>}: the plugin names each container's chain after a hash of its ID. */
  private static String chainName(ObjectKey pod) {
    String hash = com.google.common.hash.Hashing.sha512()
        .hashString(pod.namespace() + "/" + pod.name(), java.nio.charset.StandardCharsets.UTF_8).toString();
    return "CNI-DN-" + hash.substring(0, 17);
  }
}
