package dev.kubesim.impl.controller;

import com.google.common.collect.ImmutableSortedMap;
import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.DeploymentSpec;
import dev.kubesim.api.model.DeploymentStatus;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.ReplicaSetSpec;
import dev.kubesim.api.model.ReplicaSetStatus;
import dev.kubesim.api.model.RollingUpdateDeployment;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.labels.LabelSelectors;
import dev.kubesim.impl.sim.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The Deployment controller: owns one ReplicaSet per pod template, named {@code
 * <deployment>-<pod-template-hash>}, and rolls from the old ones to the new one within {@code
 * maxSurge} and {@code maxUnavailable} (or all at once for {@code Recreate}), so that for a while
 * old and new pods serve side by side. Revisions are kept in the ReplicaSets' {@code
 * deployment.kubernetes.io/revision} annotation, up to {@code revisionHistoryLimit} old ones.
 */
public final class DeploymentController {
  static final String HASH_LABEL = Deployment.POD_TEMPLATE_HASH_LABEL;
  static final String REVISION = Deployment.REVISION_ANNOTATION;
  private static final String DESIRED = "deployment.kubernetes.io/desired-replicas";
  private static final String MAX = "deployment.kubernetes.io/max-replicas";

  private final ApiServer api;
  private final WorkQueue<ObjectKey> queue;
  private final EventRecorder events;
  private final Map<String, TreeSet<ObjectKey>> byOwner = new HashMap<>();
  private final Map<String, TreeSet<ObjectKey>> orphans = new HashMap<>();
  /** The progress deadline each Deployment's timer is set for. */
  private final Map<ObjectKey, Instant> deadlines = new HashMap<>();

  private DeploymentController(ApiServer api) {
    this.api = api;
    this.queue = new WorkQueue<>(api.loop(), "deployment-controller", this::sync);
    this.events = new EventRecorder(api, "deployment-controller", "");
  }

  public static DeploymentController start(ApiServer api) {
    DeploymentController c = new DeploymentController(api);
    api.store().watch(Deployment.KIND, e -> {
      if (e.type() != WatchEvent.Type.DELETED) {
        c.queue.add(ObjectStore.keyOf(e.object()));
      }
    });
    api.store().watch(ReplicaSet.KIND, c::onReplicaSet);
    return c;
  }

  private void onReplicaSet(WatchEvent e) {
    ObjectKey key = ObjectStore.keyOf(e.object());
    // Keep the owner → ReplicaSets and orphan indexes, so a sync never lists the namespace.
    e.previous().filter(p -> e.type() != WatchEvent.Type.ADDED).ifPresent(p -> unindex(p, key));
    if (e.type() != WatchEvent.Type.DELETED) {
      Optional<OwnerReference> ref = e.object().metadata().controllerRef();
      if (ref.isPresent()) {
        byOwner.computeIfAbsent(ref.get().uid(), u -> new TreeSet<>()).add(key);
      } else {
        orphans.computeIfAbsent(key.namespace(), n -> new TreeSet<>()).add(key);
        // An orphan may be adopted by any Deployment of its namespace: let them look.
        for (KubeObject d : api.list(Deployment.KIND, Optional.of(key.namespace()))) {
          queue.add(ObjectStore.keyOf(d));
        }
      }
    }
    e.object().metadata().controllerRef()
        .filter(r -> r.kind().equals(Deployment.KIND))
        .ifPresent(r -> queue.add(new ObjectKey(key.namespace(), r.name())));
  }

  private void unindex(KubeObject rs, ObjectKey key) {
    Optional<OwnerReference> ref = rs.metadata().controllerRef();
    TreeSet<ObjectKey> set = ref.isPresent() ? byOwner.get(ref.get().uid()) : orphans.get(key.namespace());
    if (set != null) {
      set.remove(key);
    }
  }

  /** The ReplicaSets the index lists under a Deployment uid (or the namespace's orphans). */
  private List<ReplicaSet> indexed(TreeSet<ObjectKey> keys) {
    List<ReplicaSet> out = new ArrayList<>();
    for (ObjectKey k : List.copyOf(keys == null ? new TreeSet<ObjectKey>() : keys)) {
      api.get(ReplicaSet.KIND, k.namespace(), k.name()).map(ReplicaSet.class::cast).ifPresent(out::add);
    }
    return out;
  }

  private static DeploymentSpec spec(Deployment d) {
    return d.spec().orElseThrow();
  }

  private void sync(ObjectKey key) {
    Optional<Deployment> found = api.get(Deployment.KIND, key.namespace(), key.name()).map(Deployment.class::cast);
    if (found.isEmpty() || found.get().metadata().deletionTimestamp().isPresent() || found.get().spec().isEmpty()) {
      return;
    }
    Deployment d = found.get();
    List<ReplicaSet> owned = ownedReplicaSets(d);
    PodTemplateSpec template = spec(d).template().orElseThrow();
    Optional<ReplicaSet> newRs = owned.stream().filter(rs -> sameTemplate(rs, template)).findFirst();
    List<ReplicaSet> old = new ArrayList<>(owned);
    newRs.ifPresent(old::remove);
    if (spec(d).paused().orElse(false)) {
      writeStatus(d);
      return;
    }
    if (newRs.isEmpty()) {
      newRs = Optional.of(createReplicaSet(d, template, owned));
    } else {
      newRs = Optional.of(DeploymentRevisions.updateNewReplicaSet(api, d, newRs.get(), old));
    }
    DeploymentRevisions.setDeploymentRevision(api, d, newRs.get());
    boolean recreate = spec(d).strategy().flatMap(s -> s.type()).filter("Recreate"::equals).isPresent();
    if (recreate) {
      rolloutRecreate(d, newRs.get(), old);
    } else {
      rolloutRolling(d, newRs.get(), old);
    }
    cleanup(d, old);
    writeStatus(d);
  }

  private List<ReplicaSet> ownedReplicaSets(Deployment d) {
    String uid = d.metadata().uid().orElse("");
    List<ReplicaSet> out = indexed(byOwner.get(uid));
    for (ReplicaSet rs : indexed(orphans.get(d.metadata().namespace().orElse("default")))) {
      if (rs.metadata().deletionTimestamp().isEmpty()
          && spec(d).selector().map(s -> LabelSelectors.matches(s, rs.metadata().labels())).orElse(false)) {
        // Adopt a matching orphan ReplicaSet, as the real controller does.
        List<OwnerReference> refs = new ArrayList<>(rs.metadata().ownerReferences());
        refs.add(ownerRef(d));
        out.add(api.write(rs.withMetadata(rs.metadata().toBuilder().ownerReferences(refs).build())));
      }
    }
    return out;
  }

  private static OwnerReference ownerRef(Deployment d) {
    return new OwnerReference(d.apiVersion(), d.kind(), d.metadata().nameOrEmpty(), d.metadata().uid().orElse(""),
        Optional.of(true), Optional.of(true));
  }

  /** Whether the ReplicaSet runs this template (its own template less the hash label). */
  private static boolean sameTemplate(ReplicaSet rs, PodTemplateSpec template) {
    PodTemplateSpec t = rs.spec().flatMap(ReplicaSetSpec::template).orElse(null);
    if (t == null) {
      return false;
    }
    Map<String, String> labels = new LinkedHashMap<>(t.metadata().labels());
    labels.remove(HASH_LABEL);
    PodTemplateSpec stripped = t.withMetadata(t.metadata().toBuilder().labels(labels).build());
    return stripped.equals(template);
  }

  private static int revision(ReplicaSet rs) {
    try {
      return Integer.parseInt(rs.metadata().annotations().getOrDefault(REVISION, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int replicas(ReplicaSet rs) {
    return rs.spec().flatMap(ReplicaSetSpec::replicas).orElse(0);
  }

  private static int available(ReplicaSet rs) {
    return rs.status().flatMap(ReplicaSetStatus::availableReplicas).orElse(0);
  }

  private ReplicaSet createReplicaSet(Deployment d, PodTemplateSpec template, List<ReplicaSet> existing) {
    int collisions = d.status().flatMap(DeploymentStatus::collisionCount).orElse(0);
    String hash = PodTemplateHash.of(template, collisions);
    Map<String, String> podLabels = new LinkedHashMap<>(template.metadata().labels());
    podLabels.put(HASH_LABEL, hash);
    PodTemplateSpec rsTemplate = template.withMetadata(template.metadata().toBuilder().labels(podLabels).build());
    LabelSelector selector = spec(d).selector().orElseThrow();
    Map<String, String> matchLabels = new LinkedHashMap<>(selector.matchLabels());
    matchLabels.put(HASH_LABEL, hash);
    int nextRevision = existing.stream().mapToInt(DeploymentController::revision).max().orElse(0) + 1;
    int desired = spec(d).replicas().orElse(1);
    Map<String, String> annotations = new LinkedHashMap<>(d.metadata().annotations());
    annotations.remove("kubectl.kubernetes.io/last-applied-configuration");
    annotations.remove(REVISION);
    annotations.put(DESIRED, Integer.toString(desired));
    annotations.put(MAX, Integer.toString(desired + maxSurge(d, desired)));
    annotations.put(REVISION, Integer.toString(nextRevision));
    boolean anyOld = existing.stream().anyMatch(rs -> replicas(rs) > 0);
    boolean recreate = spec(d).strategy().flatMap(s -> s.type()).filter("Recreate"::equals).isPresent();
    // A first rollout starts at full size; a later one starts empty and is scaled by the rollout.
    int initial = anyOld || recreate ? 0 : desired;
    ObjectMeta meta = ObjectMeta.builder()
        .namespace(d.metadata().namespace().orElse("default"))
        .name(d.metadata().nameOrEmpty() + "-" + hash)
        .labels(podLabels)
        .annotations(ImmutableSortedMap.copyOf(annotations))
        .ownerReferences(List.of(ownerRef(d)))
        .build();
    ReplicaSetSpec rsSpec = new ReplicaSetSpec(Optional.of(initial), spec(d).minReadySeconds(),
        Optional.of(new LabelSelector(matchLabels, selector.matchExpressions())), Optional.of(rsTemplate));
    ReplicaSet created = api.create(ReplicaSet.of(meta, rsSpec));
    if (initial > 0) {
      // a rollout's new ReplicaSet starts at 0 and is scaled up later, with its own event
      events.normal(d, "ScalingReplicaSet", "Scaled up replica set " + created.metadata().nameOrEmpty() + " from 0 to " + initial);
    }
    return created;
  }

  private int maxSurge(Deployment d, int desired) {
    Optional<RollingUpdateDeployment> ru = spec(d).strategy().flatMap(s -> s.rollingUpdate());
    return resolve(ru.flatMap(RollingUpdateDeployment::maxSurge).orElse(IntOrString.of("25%")), desired, true);
  }

  private int maxUnavailable(Deployment d, int desired) {
    Optional<RollingUpdateDeployment> ru = spec(d).strategy().flatMap(s -> s.rollingUpdate());
    return resolve(ru.flatMap(RollingUpdateDeployment::maxUnavailable).orElse(IntOrString.of("25%")), desired, false);
  }

  /** intstr.GetScaledValueFromIntOrPercent: surge rounds up, unavailability rounds down. */
  static int resolve(IntOrString value, int total, boolean roundUp) {
    if (value.isInt()) {
      return value.intValue().getAsInt();
    }
    String s = value.stringValue();
    int percent = Integer.parseInt(s.substring(0, s.length() - 1));
    double scaled = percent * total / 100.0;
    return (int) (roundUp ? Math.ceil(scaled) : Math.floor(scaled));
  }

  private void rolloutRolling(Deployment d, ReplicaSet newRs, List<ReplicaSet> old) {
    int desired = spec(d).replicas().orElse(1);
    int surge = maxSurge(d, desired);
    int unavailable = maxUnavailable(d, desired);
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    // Scale up the new ReplicaSet within maxSurge.
    int total = replicas(newRs) + old.stream().mapToInt(DeploymentController::replicas).sum();
    int newReplicas = replicas(newRs);
    if (newReplicas < desired) {
      int room = desired + surge - total;
      int up = Math.min(room, desired - newReplicas);
      if (up > 0) {
        scale(d, newRs, newReplicas + up);
        return;
      }
    } else if (newReplicas > desired) {
      scale(d, newRs, desired);
      return;
    }
    // Scale down old ReplicaSets while enough pods stay available.
    int minAvailable = desired - unavailable;
    int availableNow = available(newRs) + old.stream().mapToInt(DeploymentController::available).sum();
    int canDown = availableNow - minAvailable;
    List<ReplicaSet> oldest = new ArrayList<>(old);
    oldest.sort(Comparator.comparingInt(DeploymentController::revision));
    // Old replicas that are not available can go at once: they serve nothing.
    for (ReplicaSet rs : oldest) {
      int unhealthy = replicas(rs) - available(rs);
      if (unhealthy > 0 && replicas(rs) > 0) {
        scale(d, rs, replicas(rs) - unhealthy);
      }
    }
    for (ReplicaSet rs : oldest) {
      if (canDown <= 0) {
        break;
      }
      ReplicaSet cur = (ReplicaSet) api.get(ReplicaSet.KIND, rs.metadata().namespace().orElse(""), rs.metadata().nameOrEmpty()).orElse(rs);
      int down = Math.min(canDown, replicas(cur));
      if (down > 0) {
        scale(d, cur, replicas(cur) - down);
        canDown -= down;
      }
    }
  }

  private void rolloutRecreate(Deployment d, ReplicaSet newRs, List<ReplicaSet> old) {
    boolean oldRunning = false;
    for (ReplicaSet rs : old) {
      if (replicas(rs) > 0) {
        scale(d, rs, 0);
        oldRunning = true;
      }
      if (rs.status().flatMap(ReplicaSetStatus::replicas).orElse(0) > 0) {
        oldRunning = true;
      }
    }
    if (!oldRunning) {
      scale(d, newRs, spec(d).replicas().orElse(1));
    }
  }

  private void scale(Deployment d, ReplicaSet rs, int to) {
    int from = replicas(rs);
    if (from == to) {
      return;
    }
    ReplicaSet scaled = rs.withSpec(rs.spec().orElseThrow().withReplicas(to));
    api.write(scaled);
    events.normal(d, "ScalingReplicaSet", "Scaled " + (to > from ? "up" : "down") + " replica set " + rs.metadata().nameOrEmpty()
        + " from " + from + " to " + to);
  }

  private void cleanup(Deployment d, List<ReplicaSet> old) {
    int limit = spec(d).revisionHistoryLimit().orElse(10);
    List<ReplicaSet> empty = old.stream()
        .filter(rs -> replicas(rs) == 0 && rs.status().flatMap(ReplicaSetStatus::replicas).orElse(0) == 0)
        .sorted(Comparator.comparingInt(DeploymentController::revision))
        .toList();
    for (int i = 0; i < empty.size() - limit; i++) {
      ReplicaSet rs = empty.get(i);
      api.delete(ReplicaSet.KIND, rs.metadata().namespace().orElse(""), rs.metadata().nameOrEmpty());
    }
  }

  private void writeStatus(Deployment d) {
    List<ReplicaSet> owned = indexed(byOwner.get(d.metadata().uid().orElse("")));
    PodTemplateSpec template = spec(d).template().orElseThrow();
    int replicas = 0;
    int updated = 0;
    int ready = 0;
    int available = 0;
    int terminating = 0;
    for (ReplicaSet rs : owned) {
      ReplicaSetStatus s = rs.status().orElse(null);
      if (s == null) {
        continue;
      }
      replicas += s.replicas().orElse(0);
      ready += s.readyReplicas().orElse(0);
      available += s.availableReplicas().orElse(0);
      terminating += s.terminatingReplicas().orElse(0);
      if (sameTemplate(rs, template)) {
        updated += s.replicas().orElse(0);
      }
    }
    int desired = spec(d).replicas().orElse(1);
    int unavailable = Math.max(0, desired - available);
    String now = api.loop().clock().timestamp();
    List<Object> conditions = new ArrayList<>();
    boolean isAvailable = available >= desired - maxUnavailable(d, desired);
    conditions.add(condition(d, "Available", isAvailable,
        isAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
        isAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", now));
    boolean complete = updated == desired && replicas == desired && available == desired;
    String rsName = owned.stream().filter(rs -> sameTemplate(rs, template)).map(rs -> rs.metadata().nameOrEmpty()).findFirst().orElse("");
    progressing(d, rsName, complete, new Progress(replicas, updated, ready, available), now).ifPresent(conditions::add);
    DeploymentStatus status = new DeploymentStatus(d.metadata().generation(), Optional.of(replicas),
        Optional.of(updated), Optional.of(ready), Optional.of(available),
        unavailable == 0 ? Optional.empty() : Optional.of(unavailable),
        terminating == 0 ? Optional.empty() : Optional.of(terminating), conditions,
        d.status().flatMap(DeploymentStatus::collisionCount));
    Deployment current = (Deployment) api.get(Deployment.KIND, d.metadata().namespace().orElse(""), d.metadata().nameOrEmpty()).orElse(d);
    if (!current.status().filter(status::equals).isPresent()) {
      api.write(current.withStatus(status));
    }
  }

  /** The replica counts a status reports, to tell progress from one sync to the next. */
  private record Progress(int replicas, int updated, int ready, int available) {
    static Progress of(DeploymentStatus s) {
      return new Progress(s.replicas().orElse(0), s.updatedReplicas().orElse(0), s.readyReplicas().orElse(0),
          s.availableReplicas().orElse(0));
    }

    /** {@code DeploymentProgressing}: more updated, ready or available replicas, or fewer old ones. */
    boolean since(Progress before) {
      return updated > before.updated || ready > before.ready
          || replicas - updated < before.replicas - before.updated || available > before.available;
    }
  }

  /**
   * The Progressing condition as {@code syncRolloutStatus} keeps it: a rollout that ends is {@code
   * NewReplicaSetAvailable}; one that made progress since the last status is {@code
   * ReplicaSetUpdated} with its update time renewed; one that made none for {@code
   * progressDeadlineSeconds} (600 by default) since that time is {@code False/ProgressDeadlineExceeded},
   * and the Deployment is looked at again when its deadline passes. No condition without a deadline.
   */
  private Optional<Map<String, Object>> progressing(Deployment d, String rsName, boolean complete, Progress now,
      String timestamp) {
    int deadline = spec(d).progressDeadlineSeconds().orElse(600);
    if (deadline == Integer.MAX_VALUE) {
      return Optional.empty();
    }
    Optional<Map<?, ?>> current = conditionOf(d, "Progressing");
    String reason = current.map(c -> String.valueOf(c.get("reason"))).orElse("");
    if (current.isPresent() && reason.equals("NewReplicaSetAvailable") && now.replicas() == now.updated()) {
      return Optional.of(condition(d, "Progressing", true, reason, String.valueOf(current.get().get("message")), timestamp));
    }
    if (complete) {
      return Optional.of(condition(d, "Progressing", true, "NewReplicaSetAvailable",
          "ReplicaSet \"" + rsName + "\" has successfully progressed.", timestamp));
    }
    Progress before = d.status().map(Progress::of).orElse(new Progress(0, 0, 0, 0));
    if (current.isEmpty() || now.since(before)) {
      Map<String, Object> c = condition(d, "Progressing", true, "ReplicaSetUpdated",
          "ReplicaSet \"" + rsName + "\" is progressing.", timestamp);
      c.put("lastUpdateTime", timestamp);
      requeueAtDeadline(d, timestamp, deadline);
      return Optional.of(c);
    }
    if (reason.equals("ProgressDeadlineExceeded")) {
      return Optional.of(condition(d, "Progressing", false, reason, String.valueOf(current.get().get("message")), timestamp));
    }
    Instant lastUpdate = Instant.parse(String.valueOf(current.get().get("lastUpdateTime")));
    if (lastUpdate.plusSeconds(deadline).isBefore(Instant.parse(timestamp))) {
      return Optional.of(condition(d, "Progressing", false, "ProgressDeadlineExceeded",
          "ReplicaSet \"" + rsName + "\" has timed out progressing.", timestamp));
    }
    requeueAtDeadline(d, String.valueOf(current.get().get("lastUpdateTime")), deadline);
    return Optional.of(condition(d, "Progressing", true, reason, String.valueOf(current.get().get("message")), timestamp));
  }

  /**
   * {@code requeueStuckDeployment}: look again a second after the deadline, when it may have passed.
   * A timer, not queued work: settling does not wait for a deadline, and the key stays free for the
   * syncs the rollout's own changes bring before it.
   */
  private void requeueAtDeadline(Deployment d, String lastUpdate, int deadlineSeconds) {
    ObjectKey key = ObjectStore.keyOf(d);
    Instant due = Instant.parse(lastUpdate).plusSeconds(deadlineSeconds + 1L);
    if (due.equals(deadlines.get(key))) {
      return;
    }
    deadlines.put(key, due);
    Duration after = Duration.between(api.loop().clock().instant(), due);
    api.loop().scheduleTimer(after.isNegative() ? Duration.ZERO : after, "deployment-controller deadline " + key, () -> {
      if (due.equals(deadlines.get(key))) {
        deadlines.remove(key);
        queue.add(key);
      }
    });
  }

  private static Optional<Map<?, ?>> conditionOf(Deployment d, String type) {
    for (Object o : d.status().map(DeploymentStatus::conditions).orElse(List.of())) {
      if (o instanceof Map<?, ?> m && type.equals(m.get("type"))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** A condition as a generic map (the model keeps Deployment conditions untyped), transition time kept. */
  private static Map<String, Object> condition(Deployment d, String type, boolean value, String reason, String message, String now) {
    String status = value ? "True" : "False";
    String transition = now;
    String updated = now;
    for (Object o : d.status().map(DeploymentStatus::conditions).orElse(List.of())) {
      if (o instanceof Map<?, ?> m && type.equals(m.get("type"))) {
        if (status.equals(m.get("status")) && m.get("lastTransitionTime") instanceof String t) {
          transition = t;
          if (reason.equals(m.get("reason")) && m.get("lastUpdateTime") instanceof String u) {
            updated = u;
          }
        }
      }
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", type);
    c.put("status", status);
    c.put("lastUpdateTime", updated);
    c.put("lastTransitionTime", transition);
    c.put("reason", reason);
    c.put("message", message);
    return c;
  }
}
