package dev.kubesim.impl.controller;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.ReplicationController;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.sim.Timestamps;
import dev.kubesim.impl.sim.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ReplicaSet controller of kube-controller-manager, which also runs ReplicationControllers:
 * keeps {@code spec.replicas} active pods, creating them from the template with a generated name
 * and a controller reference, adopting matching orphans, releasing pods whose labels stop
 * matching, deleting surplus pods in Kubernetes' ranking order, and writing the status counts.
 *
 * <p>It reacts to watch events on what changed: an index from owner to pods (and of orphans per
 * namespace) means a sync touches only the owner's own pods.
 *
 * @param <T> ReplicationController or ReplicaSet
 */
public final class ReplicaManager<T extends KubeObject> {
  /** How many pods one sync creates or deletes at most ({@code burstReplicas}). */
  static final int BURST = 500;
  /** The first batch of a sync's creations ({@code SlowStartInitialBatchSize}); each next one doubles. */
  static final int SLOW_START_INITIAL_BATCH = 1;
  /**
   * How long a full burst takes the controller's API client to send: 500 requests at
   * kube-controller-manager's 20 per second. An owner missing more than a burst of pods gets the
   * next burst that much later, so that one call does at most a burst's work per owner and a
   * large scale proceeds as virtual time passes.
   */
  static final Duration BURST_INTERVAL = Duration.ofSeconds(BURST / 20);

  private final ApiServer api;
  private final ReplicatedWorkload<T> workload;
  private final WorkQueue<ObjectKey> queue;
  private final EventRecorder events;
  private final OwnedPods ownedPods;
  /** Owners (by uid) that used a full burst: virtual time from which they may have the next one. */
  private final Map<String, Long> nextBurst = new HashMap<>();
  /** Owners with a resync pending for their next burst. */
  private final java.util.Set<ObjectKey> awaitingBurst = new java.util.HashSet<>();

  private ReplicaManager(ApiServer api, ReplicatedWorkload<T> workload) {
    this.api = api;
    this.workload = workload;
    this.ownedPods = new OwnedPods(workload.kind());
    this.queue = new WorkQueue<>(api.loop(), workload.component(), this::sync);
    this.events = new EventRecorder(api, workload.component(), "");
  }

  /** Starts the ReplicationController manager. */
  public static ReplicaManager<ReplicationController> replicationControllers(ApiServer api) {
    return start(api, new ReplicationControllerWorkload());
  }

  /** Starts the ReplicaSet controller. */
  public static ReplicaManager<ReplicaSet> replicaSets(ApiServer api) {
    return start(api, new ReplicaSetWorkload());
  }

  private static <T extends KubeObject> ReplicaManager<T> start(ApiServer api, ReplicatedWorkload<T> workload) {
    ReplicaManager<T> m = new ReplicaManager<>(api, workload);
    api.store().watch(workload.kind(), m::onOwner);
    api.store().watch(Pod.KIND, m::onPod);
    return m;
  }

  private void onOwner(WatchEvent e) {
    if (e.type() != WatchEvent.Type.DELETED) {
      queue.add(ObjectStore.keyOf(e.object()));
    } else {
      e.object().metadata().uid().ifPresent(nextBurst::remove);
    }
  }

  private Optional<OwnerReference> ourRef(Pod pod) {
    return ownedPods.ourRef(pod);
  }

  private void onPod(WatchEvent e) {
    Pod pod = (Pod) e.object();
    ObjectKey key = ObjectStore.keyOf(pod);
    String ns = key.namespace();
    Optional<Pod> before = e.previous().map(Pod.class::cast).filter(p -> e.type() != WatchEvent.Type.ADDED);
    before.ifPresent(old -> ownedPods.remove(old, key));
    if (e.type() != WatchEvent.Type.DELETED) {
      ownedPods.add(pod, key);
    }
    // Wake the old and the new owner; an orphan (or a pod whose labels changed) wakes the owners that select it.
    before.flatMap(this::ourRef).ifPresent(ref -> queue.add(new ObjectKey(ns, ref.name())));
    ourRef(pod).ifPresent(ref -> queue.add(new ObjectKey(ns, ref.name())));
    boolean orphan = pod.metadata().controllerRef().isEmpty();
    boolean labelsChanged = before.map(old -> !old.metadata().labels().equals(pod.metadata().labels())).orElse(false);
    if (e.type() != WatchEvent.Type.DELETED && (orphan || labelsChanged) && PodStates.isActive(pod)) {
      for (KubeObject owner : api.list(workload.kind(), Optional.of(ns))) {
        if (workload.selects(workload.type().cast(owner), pod.metadata().labels())) {
          queue.add(ObjectStore.keyOf(owner));
        }
      }
    }
  }

  private void sync(ObjectKey key) {
    Optional<KubeObject> found = api.get(workload.kind(), key.namespace(), key.name());
    if (found.isEmpty()) {
      return;
    }
    T owner = workload.type().cast(found.get());
    if (owner.metadata().deletionTimestamp().isPresent()) {
      return;
    }
    String uid = owner.metadata().uid().orElse("");
    List<Pod> owned = new ArrayList<>();
    for (ObjectKey podKey : ownedPods.ownedBy(uid)) {
      api.get(Pod.KIND, podKey.namespace(), podKey.name()).map(Pod.class::cast).ifPresent(owned::add);
    }
    List<Pod> claimed = new ArrayList<>();
    for (Pod pod : owned) {
      if (workload.selects(owner, pod.metadata().labels())) {
        claimed.add(pod);
      } else if (PodStates.isActive(pod)) {
        release(pod);
      }
    }
    for (ObjectKey podKey : ownedPods.orphans(key.namespace())) {
      Optional<Pod> orphan = api.get(Pod.KIND, podKey.namespace(), podKey.name()).map(Pod.class::cast);
      if (orphan.isPresent() && PodStates.isActive(orphan.get()) && workload.selects(owner, orphan.get().metadata().labels())) {
        claimed.add(adopt(owner, orphan.get()));
      }
    }
    List<Pod> active = claimed.stream().filter(PodStates::isActive).toList();
    int diff = active.size() - workload.replicas(owner);
    if (diff != 0 && burstAllowed(uid, key)) {
      int count = Math.min(Math.abs(diff), BURST);
      if (diff < 0) {
        if (slowStartCreate(owner, count)) {
          queue.forget(key);
        } else {
          queue.addRateLimited(key); // the sync's error: the key comes back after the rate limiter's delay
        }
      } else {
        List<Pod> ranked = new ArrayList<>(active);
        ranked.sort(deletionOrder(ranked));
        for (Pod pod : ranked.subList(0, count)) {
          deletePod(owner, pod);
        }
      }
      if (Math.abs(diff) > BURST) {
        nextBurst.put(uid, api.loop().clock().nanos() + BURST_INTERVAL.toNanos());
        resyncForBurst(key, BURST_INTERVAL);
      } else {
        nextBurst.remove(uid);
      }
    }
    writeStatus(owner, key);
  }

  /** Whether the owner may have a burst now; if not, its resync at the time it may is scheduled. */
  private boolean burstAllowed(String uid, ObjectKey key) {
    Long from = nextBurst.get(uid);
    long now = api.loop().clock().nanos();
    if (from == null || now >= from) {
      return true;
    }
    resyncForBurst(key, Duration.ofNanos(from - now));
    return false;
  }

  /** A timer, not work: a write returns after the first burst, and time brings the next ones. */
  private void resyncForBurst(ObjectKey key, Duration delay) {
    if (awaitingBurst.add(key)) {
      api.loop().scheduleTimer(delay, workload.component() + " burst " + key, () -> {
        awaitingBurst.remove(key);
        queue.add(key);
      });
    }
  }

  /**
   * slowStartBatch: creations in batches of 1, 2, 4, ... up to {@code count}; a batch with a
   * failure ends the sync's creations, so a template the API server refuses fails once, not 500
   * times.
   *
   * @return whether every creation succeeded
   */
  private boolean slowStartCreate(T owner, int count) {
    int done = 0;
    for (int batch = Math.min(count, SLOW_START_INITIAL_BATCH); done < count; batch = Math.min(2 * batch, count - done)) {
      boolean failed = false;
      for (int i = 0; i < batch; i++) {
        failed |= !createPod(owner);
      }
      done += batch;
      if (failed) {
        return false;
      }
    }
    return true;
  }

  private void release(Pod pod) {
    List<OwnerReference> refs = new ArrayList<>(pod.metadata().ownerReferences());
    refs.removeIf(r -> r.isController() && r.kind().equals(workload.kind()));
    api.write(pod.withMetadata(pod.metadata().toBuilder().ownerReferences(refs).build()));
  }

  private Pod adopt(T owner, Pod pod) {
    List<OwnerReference> refs = new ArrayList<>(pod.metadata().ownerReferences());
    refs.add(controllerRef(owner));
    return api.write(pod.withMetadata(pod.metadata().toBuilder().ownerReferences(refs).build()));
  }

  private OwnerReference controllerRef(T owner) {
    return new OwnerReference(owner.apiVersion(), owner.kind(), owner.metadata().nameOrEmpty(),
        owner.metadata().uid().orElse(""), Optional.of(true), Optional.of(true));
  }

  /** Creates one pod from the template; false when the API server refuses it. */
  private boolean createPod(T owner) {
    PodTemplateSpec template = workload.template(owner);
    String name = owner.metadata().nameOrEmpty();
    ObjectMeta meta =
        ObjectMeta.builder()
            .generateName(name + "-")
            .namespace(owner.metadata().namespace().orElse("default"))
            .labels(template.metadata().labels())
            .annotations(template.metadata().annotations())
            .ownerReferences(List.of(controllerRef(owner)))
            .build();
    try {
      Pod pod = api.create(Pod.of(meta, template.specOrEmpty()));
      events.normal(owner, "SuccessfulCreate", "Created pod: " + pod.metadata().nameOrEmpty());
      return true;
    } catch (KubeSimException e) {
      events.warning(owner, "FailedCreate", "Error creating: " + e.getMessage());
      return false;
    }
  }

  private void deletePod(T owner, Pod pod) {
    try {
      api.delete(Pod.KIND, pod.metadata().namespace().orElse("default"), pod.metadata().nameOrEmpty());
      events.normal(owner, "SuccessfulDelete", "Deleted pod: " + pod.metadata().nameOrEmpty());
    } catch (KubeSimException e) {
      events.warning(owner, "FailedDelete", "Error deleting: " + e.getMessage());
    }
  }

  /**
   * Kubernetes' ranking of pods to delete first (controller.ActivePodsWithRanks): unscheduled,
   * then pending before running, not ready before ready, pods sharing a node with more of their
   * siblings, ready for less time, more restarts, newer; the name settles ties.
   */
  static Comparator<Pod> deletionOrder(List<Pod> pods) {
    Map<String, Integer> perNode = new HashMap<>();
    for (Pod p : pods) {
      if (PodStates.isScheduled(p)) {
        perNode.merge(PodStates.nodeName(p), 1, Integer::sum);
      }
    }
    return Comparator.<Pod>comparingInt(p -> PodStates.isScheduled(p) ? 1 : 0)
        .thenComparingInt(p -> phaseRank(PodStates.phase(p)))
        .thenComparingInt(p -> PodStates.isReady(p) ? 1 : 0)
        .thenComparingInt(p -> -perNode.getOrDefault(PodStates.nodeName(p), 0))
        .thenComparing(p -> PodStates.readySince(p).map(Timestamps::parse).orElse(Instant.MAX), Comparator.reverseOrder())
        .thenComparingInt(p -> -PodStates.restarts(p))
        .thenComparing(p -> p.metadata().creationTimestamp().map(Timestamps::parse).orElse(Instant.MIN), Comparator.reverseOrder())
        .thenComparing(p -> p.metadata().nameOrEmpty());
  }

  private static int phaseRank(String phase) {
    return switch (phase) {
      case "Pending" -> 0;
      case "Unknown" -> 1;
      case "Running" -> 2;
      default -> 3;
    };
  }

  private void writeStatus(T owner, ObjectKey key) {
    T current = workload.type().cast(api.get(workload.kind(), key.namespace(), key.name()).orElse(owner));
    int active = 0;
    int fullyLabeled = 0;
    int ready = 0;
    int available = 0;
    int terminating = 0;
    Map<String, String> templateLabels = workload.template(current).metadata().labels();
    Instant now = api.loop().clock().instant();
    Duration minReady = Duration.ofSeconds(workload.minReadySeconds(current));
    for (ObjectKey podKey : ownedPods.ownedBy(current.metadata().uid().orElse(""))) {
      Pod pod = (Pod) api.get(Pod.KIND, podKey.namespace(), podKey.name()).orElse(null);
      if (pod == null) {
        continue;
      }
      if (PodStates.isTerminating(pod)) {
        terminating++;
        continue;
      }
      if (!PodStates.isActive(pod)) {
        continue;
      }
      active++;
      if (pod.metadata().labels().entrySet().containsAll(templateLabels.entrySet())) {
        fullyLabeled++;
      }
      if (PodStates.isReady(pod)) {
        ready++;
        Instant since = PodStates.readySince(pod).map(Timestamps::parse).orElse(now);
        if (!since.plus(minReady).isAfter(now)) {
          available++;
        } else {
          queue.addAfter(Duration.between(now, since.plus(minReady)), key);
        }
      }
    }
    long generation = current.metadata().generation().orElse(1L);
    T updated = workload.withStatus(current, new ReplicaCounts(active, fullyLabeled, ready, available, terminating, generation));
    if (updated != current) {
      api.write(updated);
    }
  }
}
