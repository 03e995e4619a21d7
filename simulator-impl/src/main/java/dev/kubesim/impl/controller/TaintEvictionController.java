package dev.kubesim.impl.controller;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodCondition;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.sim.EventLoop;
import dev.kubesim.impl.sim.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The taint eviction controller (the NoExecute taint manager): when a node carries the {@code
 * node.kubernetes.io/unreachable:NoExecute} taint, each pod on it is deleted once its tolerations
 * of that taint run out, counted from the taint's {@code timeAdded} (300 s with the tolerations the
 * DefaultTolerationSeconds admission gives every pod; at once for a pod that does not tolerate it;
 * never for one that tolerates it without a limit). The pod gets a {@code DisruptionTarget}
 * condition and a normal deletion: with its kubelet gone it stays Terminating, while its
 * controller, which no longer counts it, creates a replacement. The taint going away cancels what is
 * pending.
 */
final class TaintEvictionController {
  private final ApiServer api;
  private final EventRecorder events;
  /** Pending evictions by node, then pod. */
  private final Map<String, Map<ObjectKey, EventLoop.Event>> pending = new TreeMap<>();

  private TaintEvictionController(ApiServer api) {
    this.api = api;
    this.events = new EventRecorder(api, "taint-eviction-controller", "");
  }

  static TaintEvictionController start(ApiServer api) {
    TaintEvictionController c = new TaintEvictionController(api);
    api.store().watch(Node.KIND, c::onNode);
    api.store().watch(Pod.KIND, c::onPod);
    return c;
  }

  private Optional<Instant> taintedSince(Node node) {
    return Taints.find(node, Taints.UNREACHABLE, Taints.NO_EXECUTE)
        .map(t -> t.get("timeAdded") instanceof String s ? Timestamps.parse(s) : api.loop().clock().instant());
  }

  private void onNode(WatchEvent e) {
    String name = e.object().metadata().nameOrEmpty();
    Optional<Instant> since = e.type() == WatchEvent.Type.DELETED ? Optional.empty() : taintedSince((Node) e.object());
    if (since.isEmpty()) {
      Map<ObjectKey, EventLoop.Event> cancelled = pending.remove(name);
      if (cancelled != null) {
        cancelled.values().forEach(EventLoop.Event::cancel);
      }
      return;
    }
    if (pending.containsKey(name)) {
      return;
    }
    pending.put(name, new TreeMap<>());
    // A node going unreachable is rare: looking at every pod then is cheaper than an index kept always.
    for (KubeObject o : api.list(Pod.KIND, Optional.empty())) {
      Pod pod = (Pod) o;
      if (PodStates.nodeName(pod).equals(name)) {
        plan(pod, name, since.get());
      }
    }
  }

  private void onPod(WatchEvent e) {
    Pod pod = (Pod) e.object();
    String node = PodStates.nodeName(pod);
    Map<ObjectKey, EventLoop.Event> planned = pending.get(node);
    if (planned == null || e.type() == WatchEvent.Type.DELETED || planned.containsKey(ObjectStore.keyOf(pod))) {
      return;
    }
    // A pod bound to the node after it was tainted.
    api.get(Node.KIND, "", node).map(Node.class::cast).flatMap(this::taintedSince).ifPresent(since -> plan(pod, node, since));
  }

  private void plan(Pod pod, String node, Instant since) {
    if (PodStates.isTerminating(pod)) {
      return;
    }
    ObjectKey key = ObjectStore.keyOf(pod);
    List<Object> tolerations = pod.spec().map(PodSpec::tolerations).orElse(List.of());
    Optional<Long> seconds = Taints.tolerationSeconds(tolerations, Taints.UNREACHABLE);
    if (seconds.isPresent() && seconds.get() < 0) {
      return; // tolerated for ever
    }
    // tolerationSeconds is any int64: count from the taint without forming an instant past time's end
    Duration elapsed = Duration.between(since, api.loop().clock().instant());
    Duration tolerated = Duration.ofSeconds(seconds.orElse(0L));
    Duration delay = elapsed.isNegative() ? tolerated : tolerated.minus(elapsed);
    String what = "taint-eviction-controller evict " + key;
    EventLoop.Event event = delay.isNegative() || delay.isZero()
        ? api.loop().schedule(what, () -> evict(key, node))
        : api.loop().scheduleTimer(delay, what, () -> evict(key, node));
    pending.get(node).put(key, event);
  }

  private void evict(ObjectKey key, String node) {
    Optional<Pod> found = api.get(Pod.KIND, key.namespace(), key.name()).map(Pod.class::cast);
    if (found.isEmpty() || !PodStates.nodeName(found.get()).equals(node) || PodStates.isTerminating(found.get())
        || !pending.containsKey(node)) {
      return;
    }
    Pod pod = found.get();
    String now = api.loop().clock().timestamp();
    PodStatus status = pod.status().orElseGet(() -> PodStatus.builder().build());
    List<PodCondition> conditions = new ArrayList<>(status.conditions());
    conditions.removeIf(c -> c.type().filter("DisruptionTarget"::equals).isPresent());
    conditions.add(new PodCondition(Optional.of("DisruptionTarget"), Optional.empty(), Optional.of("True"), Optional.empty(),
        Optional.of(now), Optional.of("DeletionByTaintManager"), Optional.of("Taint manager: deleting due to NoExecute taint")));
    Pod marked = api.write(pod.withStatus(status.withConditions(conditions)));
    events.normal(marked, "TaintManagerEviction", "Marking for deletion Pod " + key.namespace() + "/" + key.name());
    try {
      api.delete(Pod.KIND, key.namespace(), key.name());
    } catch (KubeSimException e) {
      // gone meanwhile
    }
  }
}
