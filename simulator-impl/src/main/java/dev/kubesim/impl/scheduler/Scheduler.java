package dev.kubesim.impl.scheduler;

import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeCondition;
import dev.kubesim.api.model.NodeSpec;
import dev.kubesim.api.model.NodeStatus;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodCondition;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.labels.NodeAffinity;
import dev.kubesim.impl.sim.WorkQueue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The default scheduler, reduced to what networking needs and fully deterministic: every unbound
 * pod of {@code default-scheduler} goes to the schedulable node (Ready; not cordoned unless the pod
 * tolerates {@code node.kubernetes.io/unschedulable:NoSchedule}, as NodeUnschedulable allows; its
 * taints tolerated; matching its {@code nodeSelector} and required node affinity) with the fewest
 * pods, ties broken by node name, which spreads replicas across nodes. A pod's PersistentVolumeClaims are checked as the VolumeBinding plugin does ({@link
 * VolumeBinding}). A pod no node can take stays Pending with {@code PodScheduled=False} and a {@code
 * FailedScheduling} event, and is retried when nodes or its claims change.
 */
public final class Scheduler {
  private static final String NAME = "default-scheduler";

  private final ApiServer api;
  private final WorkQueue<ObjectKey> queue;
  private final EventRecorder events;
  /** Schedulable nodes ordered by (pods bound, name): the head is the least loaded. */
  private final TreeSet<Slot> slots = new TreeSet<>(Comparator.comparingInt(Slot::pods).thenComparing(Slot::node));
  private final Map<String, Slot> slotByNode = new HashMap<>();
  private final Map<String, Integer> podsPerNode = new HashMap<>();
  private final Map<String, Node> nodes = new TreeMap<>();
  private final TreeSet<ObjectKey> unschedulable = new TreeSet<>();
  /** Pods whose claims PreBind handed to the PV controller, waiting for them to be bound. */
  private final TreeSet<ObjectKey> waitingForVolumes = new TreeSet<>();
  private final VolumeBinding volumeBinding;
  private final HostPorts hostPorts = new HostPorts();

  private record Slot(String node, int pods) {}

  private Scheduler(ApiServer api) {
    this.api = api;
    this.queue = new WorkQueue<>(api.loop(), NAME, this::schedule);
    this.events = new EventRecorder(api, NAME, "");
    this.volumeBinding = new VolumeBinding(api);
  }

  /** Starts the scheduler on the cluster's API server. */
  public static Scheduler start(ApiServer api) {
    Scheduler s = new Scheduler(api);
    api.store().watch(Node.KIND, s::onNode);
    api.store().watch(Pod.KIND, s::onPod);
    api.store().watch(StorageObjects.PVC, s::onClaim);
    return s;
  }

  private void onNode(WatchEvent e) {
    Node node = (Node) e.object();
    String name = node.metadata().nameOrEmpty();
    if (e.type() == WatchEvent.Type.MODIFIED && e.previous().map(p -> heartbeatOnly((Node) p, node)).orElse(false)) {
      // The kubelet's periodic status report: nothing the scheduler looks at has changed.
      nodes.put(name, node);
      return;
    }
    Slot slot = slotByNode.remove(name);
    if (slot != null) {
      slots.remove(slot);
    }
    if (e.type() == WatchEvent.Type.DELETED) {
      nodes.remove(name);
      return;
    }
    nodes.put(name, node);
    if (ready(node)) {
      Slot s = new Slot(name, podsPerNode.getOrDefault(name, 0));
      slots.add(s);
      slotByNode.put(name, s);
      // A node that became available may take the pods no node could take before.
      for (ObjectKey key : List.copyOf(unschedulable)) {
        queue.add(key);
      }
    }
  }

  /** Whether two versions of a node differ only in their conditions' heartbeat times (and resourceVersion). */
  static boolean heartbeatOnly(Node a, Node b) {
    return withoutHeartbeats(a).equals(withoutHeartbeats(b));
  }

  private static Node withoutHeartbeats(Node n) {
    Node blank = n.withMetadata(n.metadata().toBuilder().resourceVersion(null).build());
    return blank.status().map(s -> blank.withStatus(new NodeStatus(s.capacity(), s.allocatable(), s.phase(),
        s.conditions().stream()
            .map(c -> new NodeCondition(c.type(), c.status(), Optional.empty(), c.lastTransitionTime(), c.reason(), c.message()))
            .toList(),
        s.addresses(), s.daemonEndpoints(), s.nodeInfo(), s.images(), s.volumesInUse(), s.volumesAttached(), s.config(),
        s.runtimeHandlers(), s.features(), s.declaredFeatures()))).orElse(blank);
  }

  /** Whether the node is Ready: only those take pods (a cordoned one only pods that tolerate it). */
  static boolean ready(Node node) {
    return node.status().stream()
        .flatMap(s -> s.conditions().stream())
        .anyMatch(c -> c.type().filter("Ready"::equals).isPresent() && c.status().filter("True"::equals).isPresent());
  }

  private static boolean cordoned(Node node) {
    return node.spec().flatMap(NodeSpec::unschedulable).orElse(false);
  }

  /** NodeUnschedulable: a cordoned node takes only pods that tolerate {@code node.kubernetes.io/unschedulable:NoSchedule}. */
  private static boolean unschedulableFor(Node node, List<Object> tolerations) {
    return cordoned(node) && !TaintToleration.tolerates(tolerations, UNSCHEDULABLE_TAINT);
  }

  private static final Map<String, String> UNSCHEDULABLE_TAINT = Map.of("key", "node.kubernetes.io/unschedulable", "effect", "NoSchedule");

  private void onPod(WatchEvent e) {
    Pod pod = (Pod) e.object();
    ObjectKey key = ObjectStore.keyOf(pod);
    String oldNode = e.previous().filter(p -> e.type() != WatchEvent.Type.ADDED).map(p -> PodStates.nodeName((Pod) p)).orElse("");
    String newNode = e.type() == WatchEvent.Type.DELETED ? "" : PodStates.nodeName(pod);
    if (!oldNode.equals(newNode)) {
      count(oldNode, -1);
      count(newNode, +1);
    }
    if (hostPorts.update(key, pod, e.type() == WatchEvent.Type.DELETED)) {
      // a pod that held host ports is gone: the pods waiting for a node may fit now
      List.copyOf(unschedulable).forEach(queue::add);
    }
    if (e.type() == WatchEvent.Type.DELETED) {
      unschedulable.remove(key);
      waitingForVolumes.remove(key);
      return;
    }
    if (newNode.isEmpty() && !PodStates.isTerminating(pod) && isOurs(pod)) {
      queue.add(key);
    }
  }

  /** A claim that appeared, got bound or changed may let its waiting pods on. */
  private void onClaim(WatchEvent e) {
    if (e.type() == WatchEvent.Type.DELETED) {
      return;
    }
    String ns = e.object().metadata().namespace().orElse("default");
    String name = e.object().metadata().nameOrEmpty();
    List<ObjectKey> candidates = new ArrayList<>(unschedulable);
    candidates.addAll(waitingForVolumes);
    for (ObjectKey key : candidates) {
      if (key.namespace().equals(ns) && api.get(Pod.KIND, ns, key.name())
          .filter(p -> StorageObjects.claimNames((Pod) p).contains(name)).isPresent()) {
        queue.add(key);
      }
    }
  }

  private static boolean isOurs(Pod pod) {
    return pod.spec().flatMap(PodSpec::schedulerName).orElse(NAME).equals(NAME);
  }

  private void count(String node, int delta) {
    if (node.isEmpty()) {
      return;
    }
    int n = podsPerNode.merge(node, delta, Integer::sum);
    Slot slot = slotByNode.get(node);
    if (slot != null) {
      slots.remove(slot);
      Slot updated = new Slot(node, n);
      slots.add(updated);
      slotByNode.put(node, updated);
    }
  }

  private void schedule(ObjectKey key) {
    Optional<Pod> found = api.get(Pod.KIND, key.namespace(), key.name()).map(Pod.class::cast);
    waitingForVolumes.remove(key);
    if (found.isEmpty() || PodStates.isScheduled(found.get()) || PodStates.isTerminating(found.get())) {
      unschedulable.remove(key);
      return;
    }
    Pod pod = found.get();
    Map<String, String> selector = pod.spec().map(PodSpec::nodeSelector).orElse(Map.of());
    Object affinity = pod.spec().flatMap(PodSpec::affinity).orElse(null);
    VolumeBinding.Claims claims = volumeBinding.preFilter(pod);
    if (claims.error().isPresent()) {
      unschedulable.add(key);
      markUnschedulable(pod, List.of(claims.error().get()));
      return;
    }
    List<Object> tolerations = pod.specOrEmpty().tolerations();
    List<HostPorts.Use> ports = HostPorts.wanted(pod);
    Optional<String> chosen = Optional.empty();
    for (Slot slot : slots) {
      Node node = nodes.get(slot.node());
      if (!unschedulableFor(node, tolerations) && TaintToleration.firstUntolerated(node, tolerations).isEmpty()
          && NodeAffinity.matches(selector, affinity, node) && hostPorts.fits(ports, slot.node())
          && volumeBinding.filter(claims, node).isEmpty()) {
        chosen = Optional.of(slot.node());
        break;
      }
    }
    if (chosen.isEmpty()) {
      unschedulable.add(key);
      markUnschedulable(pod, filterReasons(selector, affinity, tolerations, ports, claims));
      return;
    }
    unschedulable.remove(key);
    if (!claims.delayed().isEmpty()) {
      // PreBind: the claims are bound for the chosen node first; the pod follows once they are.
      volumeBinding.preBind(claims, nodes.get(chosen.get()));
      waitingForVolumes.add(key);
      return;
    }
    bind(pod, chosen.get());
  }

  /** The binding subresource: sets the node and {@code PodScheduled=True}. */
  private void bind(Pod pod, String node) {
    PodSpec spec = pod.spec().orElseThrow().toBuilder().nodeName(node).build();
    Pod bound = pod.withSpec(spec).withStatus(withCondition(pod, "True", null, null));
    api.write(bound);
    events.normal(bound, "Scheduled", "Successfully assigned " + pod.metadata().namespace().orElse("default") + "/"
        + pod.metadata().nameOrEmpty() + " to " + node);
  }

  /** Each node's first failing filter, in the framework's order, counted as the FitError's histogram. */
  private List<String> filterReasons(Map<String, String> selector, Object affinity, List<Object> tolerations,
      List<HostPorts.Use> ports, VolumeBinding.Claims claims) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Node n : nodes.values()) {
      String reason = null;
      if (unschedulableFor(n, tolerations)) {
        reason = "node(s) were unschedulable";
      } else if (!ready(n)) {
        reason = "node(s) had untolerated taint {node.kubernetes.io/not-ready: }";
      } else if (TaintToleration.firstUntolerated(n, tolerations).isPresent()) {
        reason = TaintToleration.reason(TaintToleration.firstUntolerated(n, tolerations).get());
      } else if (!NodeAffinity.matches(selector, affinity, n)) {
        reason = "node(s) didn't match Pod's node affinity/selector";
      } else if (!hostPorts.fits(ports, n.metadata().nameOrEmpty())) {
        reason = HostPorts.REASON;
      } else {
        reason = volumeBinding.filter(claims, n).orElse(null);
      }
      if (reason != null) {
        counts.merge(reason, 1, Integer::sum);
      }
    }
    List<String> reasons = new ArrayList<>();
    counts.forEach((reason, count) -> reasons.add(count + " " + reason));
    reasons.sort(null); // sortReasonsHistogram sorts the "N reason" strings
    return reasons;
  }

  /**
   * {@code FitError.Error()}: {@code 0/N nodes are available: <reasons>.}, then what preemption
   * found, which is never helpful for these filters' verdicts.
   */
  private void markUnschedulable(Pod pod, List<String> reasons) {
    int total = nodes.size();
    String message = "0/" + total + " nodes are available: " + String.join(", ", reasons) + "."
        + " preemption: 0/" + total + " nodes are available: " + total + " Preemption is not helpful for scheduling.";
    Pod updated = pod.withStatus(withCondition(pod, "False", "Unschedulable", message));
    if (!updated.equals(pod)) {
      api.write(updated);
      events.warning(pod, "FailedScheduling", message);
    }
  }

  private PodStatus withCondition(Pod pod, String status, String reason, String message) {
    PodStatus current = pod.status().orElseGet(() -> PodStatus.builder().phase("Pending").build());
    List<PodCondition> conditions = new ArrayList<>();
    Optional<PodCondition> existing = current.conditions().stream().filter(c -> c.type().filter("PodScheduled"::equals).isPresent()).findFirst();
    String transition = existing.filter(c -> c.status().filter(status::equals).isPresent())
        .flatMap(PodCondition::lastTransitionTime)
        .orElse(api.loop().clock().timestamp());
    conditions.add(new PodCondition(Optional.of("PodScheduled"), Optional.empty(), Optional.of(status), Optional.empty(),
        Optional.of(transition), Optional.ofNullable(reason), Optional.ofNullable(message)));
    current.conditions().stream().filter(c -> c.type().filter("PodScheduled"::equals).isEmpty()).forEach(conditions::add);
    return current.withConditions(conditions);
  }
}
