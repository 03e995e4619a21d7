package dev.kubesim.impl.netpol;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Namespace;
import dev.kubesim.api.model.NetworkPolicy;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Packet;
import dev.kubesim.impl.net.PacketDecision;
import dev.kubesim.impl.net.PodFirewall;
import dev.kubesim.impl.net.PolicyRef.Direction;
import dev.kubesim.impl.net.PolicyRef;
import dev.kubesim.impl.net.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The CNI plugin's policy agent: it follows NetworkPolicies, pods and namespaces through watches
 * and judges each new connection the network asks about. A connection to or from a pod that no
 * policy isolates in that direction is not its business (empty answer); otherwise the first rule,
 * in (policy name, rule index) order, that admits it names an {@link Verdict#ACCEPT}, and without
 * one every isolating policy is named in a {@link Verdict#DROP}.
 *
 * <p>A decision costs the rules of the policies selecting the pod, whatever the number of pods,
 * namespaces, Services and other policies: pods are found by address through a hash, and the
 * policies selecting a pod are remembered until a policy of its namespace or the pod's labels
 * change (then found again by one pass over that namespace's policies).
 */
public final class NetworkPolicyEnforcer implements PodFirewall {
  /** Compiled policies by namespace, then by name: the order decisions are taken in. */
  private final Map<String, TreeMap<String, CompiledPolicy>> policies = new HashMap<>();
  private final Map<Integer, PodEntry> podsByAddress = new HashMap<>();
  private final Map<ObjectKey, Integer> addressOf = new HashMap<>();
  private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
  /** The policies selecting each pod (by address), by namespace: dropped with the namespace's policy changes. */
  private final Map<String, Map<Integer, List<CompiledPolicy>>> selecting = new HashMap<>();

  private NetworkPolicyEnforcer() {}

  /** Starts enforcement from what the store holds, then follows every change. */
  public static NetworkPolicyEnforcer start(ApiServer api) {
    NetworkPolicyEnforcer e = new NetworkPolicyEnforcer();
    ObjectStore store = api.store();
    api.list(Namespace.KIND, Optional.empty()).forEach(e::namespaceChanged);
    api.list(Pod.KIND, Optional.empty()).forEach(o -> e.podChanged(ObjectStore.keyOf(o), (Pod) o));
    api.list(NetworkPolicy.KIND, Optional.empty()).forEach(e::policyChanged);
    store.watch(Namespace.KIND, ev -> {
      if (ev.type() == WatchEvent.Type.DELETED) {
        e.namespaceLabels.remove(ev.object().metadata().nameOrEmpty());
      } else {
        e.namespaceChanged(ev.object());
      }
    });
    store.watch(Pod.KIND, ev -> {
      ObjectKey key = ObjectStore.keyOf(ev.object());
      if (ev.type() == WatchEvent.Type.DELETED) {
        e.forgetPod(key);
      } else {
        e.podChanged(key, (Pod) ev.object());
      }
    });
    store.watch(NetworkPolicy.KIND, ev -> {
      if (ev.type() == WatchEvent.Type.DELETED) {
        e.policyDeleted(ev.object());
      } else {
        e.policyChanged(ev.object());
      }
    });
    return e;
  }

  private void namespaceChanged(KubeObject ns) {
    namespaceLabels.put(ns.metadata().nameOrEmpty(), Map.copyOf(ns.metadata().labels()));
  }

  private void podChanged(ObjectKey key, Pod pod) {
    forgetPod(key);
    String ip = pod.status().flatMap(PodStatus::podIP).orElse("");
    boolean hostNetwork = pod.spec().flatMap(PodSpec::hostNetwork).orElse(false);
    OptionalInt address = Ip4.tryParse(ip);
    if (address.isPresent() && !hostNetwork) {
      podsByAddress.put(address.getAsInt(), PodEntry.of(pod));
      addressOf.put(key, address.getAsInt());
    }
  }

  private void forgetPod(ObjectKey key) {
    Integer address = addressOf.remove(key);
    if (address != null) {
      podsByAddress.remove(address);
      Map<Integer, List<CompiledPolicy>> cached = selecting.get(key.namespace());
      if (cached != null) {
        cached.remove(address);
      }
    }
  }

  private void policyChanged(KubeObject o) {
    CompiledPolicy p = CompiledPolicy.of((NetworkPolicy) o);
    policies.computeIfAbsent(p.namespace(), n -> new TreeMap<>()).put(p.name(), p);
    selecting.remove(p.namespace());
  }

  private void policyDeleted(KubeObject o) {
    String namespace = o.metadata().namespace().orElse("");
    TreeMap<String, CompiledPolicy> inNamespace = policies.get(namespace);
    if (inNamespace != null) {
      inNamespace.remove(o.metadata().nameOrEmpty());
    }
    selecting.remove(namespace);
  }

  /** The policies of the pod's namespace whose pod selector selects it, in name order. */
  private List<CompiledPolicy> selecting(int address, PodEntry pod) {
    TreeMap<String, CompiledPolicy> inNamespace = policies.get(pod.namespace());
    if (inNamespace == null || inNamespace.isEmpty()) {
      return List.of();
    }
    return selecting.computeIfAbsent(pod.namespace(), n -> new HashMap<>()).computeIfAbsent(address, a -> {
      List<CompiledPolicy> out = new ArrayList<>();
      for (CompiledPolicy p : inNamespace.values()) {
        if (p.selects(pod)) {
          out.add(p);
        }
      }
      return List.copyOf(out);
    });
  }

  @Override
  public Optional<PacketDecision> egress(Netns pod, Packet packet) {
    PodEntry client = podsByAddress.get(pod.address());
    if (client == null) {
      return Optional.empty();
    }
    PodEntry server = podsByAddress.get(packet.destination());
    return judge(pod.address(), client, Direction.EGRESS, packet, packet.destination(), server,
        server == null ? NamedPorts.NONE : server);
  }

  @Override
  public Optional<PacketDecision> ingress(Netns pod, Packet packet) {
    PodEntry server = podsByAddress.get(pod.address());
    if (server == null) {
      return Optional.empty();
    }
    return judge(pod.address(), server, Direction.INGRESS, packet, packet.source(), podsByAddress.get(packet.source()),
        server);
  }

  /**
   * Judges a new connection for {@code pod} in one direction.
   *
   * @param peerAddress the other end (the client for ingress, the server for egress)
   * @param destination where named ports resolve: the server pod
   */
  private Optional<PacketDecision> judge(int address, PodEntry pod, Direction direction, Packet packet, int peerAddress,
      PodEntry peer, NamedPorts destination) {
    List<PolicyRef> isolating = new ArrayList<>();
    for (CompiledPolicy p : selecting(address, pod)) {
      if (!p.isolates(direction)) {
        continue;
      }
      for (CompiledRule r : p.rules(direction)) {
        int matched = r.admits(p.namespace(), peerAddress, peer, packet.protocol(), packet.destinationPort(), destination,
            this::labelsOf);
        if (matched != CompiledRule.NO_MATCH) {
          PolicyRef ref = new PolicyRef(p.namespace(), p.name(), direction, r.index(), matched);
          return Optional.of(PacketDecision.policy(Verdict.ACCEPT, packet, List.of(ref),
              () -> PolicyText.admitted(pod, direction, packet, ref)));
        }
      }
      isolating.add(PolicyRef.isolating(p.namespace(), p.name(), direction));
    }
    if (isolating.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(PacketDecision.policy(Verdict.DROP, packet, isolating, () -> PolicyText.denied(pod, direction, packet,
        isolating)));
  }

  private Map<String, String> labelsOf(String namespace) {
    return namespaceLabels.getOrDefault(namespace, Map.of());
  }
}
