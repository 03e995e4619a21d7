package dev.kubesim.impl.controller;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeCondition;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodCondition;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.NodeStates;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.sim.EventLoop;
import dev.kubesim.impl.sim.WorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node lifecycle controller of kube-controller-manager: it watches the kubelets' Leases in
 * {@code kube-node-lease} and, every node-monitor period (5 s), marks a node whose kubelet has not
 * renewed for longer than the grace period (40 s) {@code Ready=Unknown} ({@code NodeStatusUnknown},
 * "Kubelet stopped posting node status.") and its pods not ready. It also keeps the taints that
 * follow the node's state: {@code node.kubernetes.io/unreachable} (NoSchedule and NoExecute) while
 * Ready is Unknown, {@code node.kubernetes.io/unschedulable:NoSchedule} while cordoned. Evicting
 * pods from the tainted node is the {@link TaintEvictionController}'s job.
 *
 * <p>The monitor does not poll: each heartbeat re-arms one timer per node at the first monitor tick
 * past its grace period, so a healthy cluster costs nothing between renewals and still settles.
 */
public final class NodeLifecycleController {
  static final Duration MONITOR_PERIOD = Duration.ofSeconds(5);
  static final Duration GRACE_PERIOD = Duration.ofSeconds(40);
  private static final String LEASE_NAMESPACE = "kube-node-lease";

  private final ApiServer api;
  private final EventRecorder events;
  private final WorkQueue<ObjectKey> taintQueue;
  private final Map<String, EventLoop.Event> checks = new HashMap<>();
  private final Map<String, Long> lastHeartbeat = new HashMap<>();

  private NodeLifecycleController(ApiServer api) {
    this.api = api;
    this.events = new EventRecorder(api, "node-controller", "");
    this.taintQueue = new WorkQueue<>(api.loop(), "node-lifecycle-controller taints", this::syncTaints);
  }

  /** Starts the controller, and the taint eviction controller that acts on its NoExecute taint. */
  public static NodeLifecycleController start(ApiServer api) {
    NodeLifecycleController c = new NodeLifecycleController(api);
    api.store().watch(Node.KIND, c::onNode);
    api.store().watch("Lease", c::onLease);
    TaintEvictionController.start(api);
    return c;
  }

  private void onNode(WatchEvent e) {
    String name = e.object().metadata().nameOrEmpty();
    if (e.type() == WatchEvent.Type.DELETED) {
      lastHeartbeat.remove(name);
      Optional.ofNullable(checks.remove(name)).ifPresent(EventLoop.Event::cancel);
      return;
    }
    Node node = (Node) e.object();
    boolean wasReady = e.previous().filter(p -> e.type() != WatchEvent.Type.ADDED)
        .map(p -> NodeStates.readyStatus((Node) p).equals("True")).orElse(false);
    boolean ready = NodeStates.readyStatus(node).equals("True");
    // Registration, and a kubelet posting Ready again, count as heartbeats.
    if (e.type() == WatchEvent.Type.ADDED || (ready && !wasReady)) {
      heartbeat(name);
    }
    if (!desiredTaints(node).equals(node.specOrEmpty().taints())) {
      taintQueue.add(new ObjectKey("", name));
    }
  }

  private void onLease(WatchEvent e) {
    ObjectKey key = ObjectStore.keyOf(e.object());
    if (e.type() != WatchEvent.Type.DELETED && key.namespace().equals(LEASE_NAMESPACE)) {
      heartbeat(key.name());
    }
  }

  private void heartbeat(String node) {
    long now = api.loop().clock().nanos();
    lastHeartbeat.put(node, now);
    Optional.ofNullable(checks.remove(node)).ifPresent(EventLoop.Event::cancel);
    // The first monitor tick at which the heartbeat is more than the grace period old.
    long period = MONITOR_PERIOD.toNanos();
    long due = ((now + GRACE_PERIOD.toNanos()) / period + 1) * period;
    // A deadline: while the kubelet renews its Lease, each renewal pushes the check back before it is due.
    String lease = EventLoop.renewalKey("Lease", LEASE_NAMESPACE, node);
    checks.put(node, api.loop().scheduleDeadline(Duration.ofNanos(due - now), "node-lifecycle-controller monitor " + node,
        () -> check(node),
        d -> api.loop().renewed(lease, d.time(), d.seq(), GRACE_PERIOD.toNanos()) ? Long.MAX_VALUE : d.time()));
  }

  private void check(String name) {
    checks.remove(name);
    Optional<Node> found = api.get(Node.KIND, "", name).map(Node.class::cast);
    if (found.isEmpty() || NodeStates.readyStatus(found.get()).equals("Unknown")) {
      return;
    }
    Node node = found.get();
    String now = api.loop().clock().timestamp();
    Optional<NodeCondition> old = NodeStates.ready(node);
    NodeCondition unknown = new NodeCondition(Optional.of("Ready"), Optional.of("Unknown"),
        old.flatMap(NodeCondition::lastHeartbeatTime).or(() -> Optional.of(now)), Optional.of(now),
        Optional.of("NodeStatusUnknown"), Optional.of("Kubelet stopped posting node status."));
    Node updated = api.write(NodeStates.withReady(node, unknown));
    events.normal(updated, "NodeNotReady", "Node " + name + " status is now: NodeNotReady");
    markPodsNotReady(name);
  }

  /** {@code MarkPodsNotReady}: the pods of an unreachable node stop counting as ready endpoints. */
  private void markPodsNotReady(String node) {
    for (KubeObject o : api.list(Pod.KIND, Optional.empty())) {
      Pod pod = (Pod) o;
      if (!PodStates.nodeName(pod).equals(node) || !PodStates.isReady(pod)) {
        continue;
      }
      String now = api.loop().clock().timestamp();
      PodStatus status = pod.status().orElseThrow();
      List<PodCondition> conditions = new ArrayList<>();
      for (PodCondition c : status.conditions()) {
        boolean readyTrue = c.type().filter("Ready"::equals).isPresent() && c.status().filter("True"::equals).isPresent();
        conditions.add(readyTrue
            ? new PodCondition(c.type(), c.observedGeneration(), Optional.of("False"), c.lastProbeTime(), Optional.of(now),
                c.reason(), c.message())
            : c);
      }
      Pod updated = api.write(pod.withStatus(status.withConditions(conditions)));
      events.warning(updated, "NodeNotReady", "Node is not ready");
    }
  }

  private void syncTaints(ObjectKey key) {
    api.get(Node.KIND, "", key.name()).map(Node.class::cast).ifPresent(node -> {
      List<Object> desired = desiredTaints(node);
      if (!desired.equals(node.specOrEmpty().taints())) {
        api.write(NodeStates.withTaints(node, desired));
      }
    });
  }

  /** The node's taints with the managed ones added or removed as its state says; others kept in place. */
  private List<Object> desiredTaints(Node node) {
    boolean unknown = NodeStates.readyStatus(node).equals("Unknown");
    boolean cordoned = NodeStates.isCordoned(node);
    List<Object> out = new ArrayList<>();
    for (Object t : node.specOrEmpty().taints()) {
      boolean drop = (Taints.is(t, Taints.UNREACHABLE, Taints.NO_SCHEDULE) || Taints.is(t, Taints.UNREACHABLE, Taints.NO_EXECUTE))
          ? !unknown
          : Taints.is(t, Taints.UNSCHEDULABLE, Taints.NO_SCHEDULE) && !cordoned;
      if (!drop) {
        out.add(t);
      }
    }
    String now = api.loop().clock().timestamp();
    addIfMissing(out, cordoned, Taints.UNSCHEDULABLE, Taints.NO_SCHEDULE, now);
    addIfMissing(out, unknown, Taints.UNREACHABLE, Taints.NO_SCHEDULE, now);
    addIfMissing(out, unknown, Taints.UNREACHABLE, Taints.NO_EXECUTE, now);
    return out;
  }

  private static void addIfMissing(List<Object> taints, boolean wanted, String key, String effect, String now) {
    if (wanted && taints.stream().noneMatch(t -> Taints.is(t, key, effect))) {
      taints.add(Taints.taint(key, effect, now));
    }
  }
}
