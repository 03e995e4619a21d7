package dev.kubesim.impl.controller;

import dev.kubesim.api.AlreadyExistsException;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.labels.LabelSelectors;
import dev.kubesim.impl.sim.Timestamps;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The StatefulSet controller of kube-controller-manager ({@code pkg/controller/statefulset}, v1.32):
 * pods with stable names {@code <set>-<ordinal>}, hostnames and subdomains, each with its claims
 * {@code <template>-<set>-<ordinal>} made from {@code volumeClaimTemplates} before the pod and kept
 * when it goes. {@code OrderedReady} creates one pod at a time, each Running and Ready (and
 * available for {@code minReadySeconds}) before the next, and removes them highest ordinal first;
 * {@code Parallel} does both at once. A {@code RollingUpdate} replaces pods at the old revision from
 * the highest ordinal down to the {@code partition}, one at a time ({@code maxUnavailable} is an
 * alpha field, off in v1.32); {@code OnDelete} leaves that to the user.
 *
 * <p>Revisions: the real controller keeps each template in a ControllerRevision. kubesim serves no
 * ControllerRevisions; the controller keeps the templates it has seen in memory, named as the real
 * ones are, {@code <set>-<hash>}, the hash being that of the template and collision count.
 */
public final class StatefulSetController {
  static final String KIND = "StatefulSet";
  /** The label naming a pod's revision. */
  public static final String REVISION_LABEL = "controller-revision-hash";
  /** The label naming the pod, for a Service per pod. */
  public static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
  /** The label holding the pod's ordinal (PodIndexLabel, on since v1.28). */
  public static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
  private static final String COMPONENT = "statefulset-controller";
  private static final String PVC = "PersistentVolumeClaim";
  private static final Pattern ORDINAL = Pattern.compile("(.*)-([0-9]+)$");

  private final ApiServer api;
  private final WorkQueue<ObjectKey> queue;
  private final EventRecorder events;
  private final OwnedPods ownedPods = new OwnedPods(KIND);
  /** The templates of each set's revisions, by set uid and revision name: its ControllerRevisions. */
  private final Map<String, Map<String, PodTemplateSpec>> revisions = new HashMap<>();
  /** Sets with a sync pending for when a pod becomes available (membership only). */
  private final java.util.Set<ObjectKey> availabilityChecks = new java.util.HashSet<>();

  private StatefulSetController(ApiServer api) {
    this.api = api;
    this.queue = new WorkQueue<>(api.loop(), COMPONENT, this::sync);
    this.events = new EventRecorder(api, COMPONENT, "");
  }

  /** Starts the controller, watching StatefulSets and pods. */
  public static StatefulSetController start(ApiServer api) {
    StatefulSetController c = new StatefulSetController(api);
    api.store().watch(KIND, c::onSet);
    api.store().watch(Pod.KIND, c::onPod);
    return c;
  }

  private void onSet(WatchEvent e) {
    if (e.type() != WatchEvent.Type.DELETED) {
      queue.add(ObjectStore.keyOf(e.object()));
    } else {
      e.object().metadata().uid().ifPresent(revisions::remove);
    }
  }

  private Optional<OwnerReference> ourRef(Pod pod) {
    return ownedPods.ourRef(pod);
  }

  private void onPod(WatchEvent e) {
    Pod pod = (Pod) e.object();
    ObjectKey key = ObjectStore.keyOf(pod);
    Optional<Pod> before = e.previous().map(Pod.class::cast).filter(p -> e.type() != WatchEvent.Type.ADDED);
    before.ifPresent(old -> ownedPods.remove(old, key));
    if (e.type() != WatchEvent.Type.DELETED) {
      ownedPods.add(pod, key);
    }
    before.flatMap(this::ourRef).ifPresent(ref -> queue.add(new ObjectKey(key.namespace(), ref.name())));
    ourRef(pod).ifPresent(ref -> queue.add(new ObjectKey(key.namespace(), ref.name())));
    boolean orphan = pod.metadata().controllerRef().isEmpty();
    boolean labelsChanged = before.map(old -> !old.metadata().labels().equals(pod.metadata().labels())).orElse(false);
    if (e.type() != WatchEvent.Type.DELETED && (orphan || labelsChanged) && !PodStates.isTerminating(pod)) {
      for (KubeObject set : api.list(KIND, Optional.of(key.namespace()))) {
        if (set instanceof GenericObject g && selects(StatefulSetSpec.of(g), pod.metadata().labels())) {
          queue.add(ObjectStore.keyOf(set));
        }
      }
    }
  }

  /** An empty or absent selector selects nothing (validation refuses both). */
  private static boolean selects(StatefulSetSpec spec, Map<String, String> labels) {
    return spec.selector().isPresent()
        && !(spec.selector().get().matchLabels().isEmpty() && spec.selector().get().matchExpressions().isEmpty())
        && LabelSelectors.matches(spec.selector().get(), labels);
  }

  /** One slot of the set: the pod there, and whether it exists in the API server ({@code isCreated}). */
  private static final class Slot {
    Pod pod;
    boolean created;

    Slot(Pod pod, boolean created) {
      this.pod = pod;
      this.created = created;
    }
  }

  /** A sync's view of the set: its revisions and what one sync may still do. */
  private final class Round {
    final GenericObject set;
    final StatefulSetSpec spec;
    final String currentRevision;
    final String updateRevision;
    final PodTemplateSpec currentTemplate;
    boolean failed;

    Round(GenericObject set, StatefulSetSpec spec, String currentRevision, String updateRevision, PodTemplateSpec currentTemplate) {
      this.set = set;
      this.spec = spec;
      this.currentRevision = currentRevision;
      this.updateRevision = updateRevision;
      this.currentTemplate = currentTemplate;
    }
  }

  private void sync(ObjectKey key) {
    Optional<KubeObject> found = api.get(KIND, key.namespace(), key.name());
    if (found.isEmpty() || !(found.get() instanceof GenericObject set)) {
      return;
    }
    StatefulSetSpec spec = StatefulSetSpec.of(set);
    if (spec.selector().isEmpty()) {
      return;
    }
    String uid = set.metadata().uid().orElse("");
    List<Pod> claimed = claimPods(set, spec, key, uid);

    // getStatefulSetRevisions: the update revision is the current template's; the current one is the status's, if still known.
    String updateRevision = key.name() + "-" + PodTemplateHash.of(spec.template(), spec.collisionCount());
    Map<String, PodTemplateSpec> known = revisions.computeIfAbsent(uid, u -> new LinkedHashMap<>());
    known.put(updateRevision, spec.template());
    String currentRevision = known.containsKey(spec.currentRevision()) ? spec.currentRevision() : updateRevision;
    Round round = new Round(set, spec, currentRevision, updateRevision, known.get(currentRevision));

    int start = spec.startOrdinal();
    List<Slot> replicas = new ArrayList<>();
    for (int i = 0; i < spec.replicas(); i++) {
      replicas.add(null);
    }
    List<Pod> condemned = new ArrayList<>();
    for (Pod pod : claimed) {
      int ord = ordinal(pod, key.name());
      if (ord < 0) {
        continue; // not a member: its parent name or ordinal does not fit
      }
      if (ord >= start && ord < start + spec.replicas()) {
        replicas.set(ord - start, new Slot(pod, true));
      } else {
        condemned.add(pod);
      }
    }
    for (int i = 0; i < replicas.size(); i++) {
      if (replicas.get(i) == null) {
        replicas.set(i, new Slot(newVersionedPod(round, start + i), false));
      }
    }
    condemned.sort(Comparator.comparingInt(p -> ordinal(p, key.name())));

    Pod firstUnhealthy = null;
    for (Slot s : replicas) {
      if (s.created && !isHealthy(s.pod) && firstUnhealthy == null) {
        firstUnhealthy = s.pod;
      }
    }
    for (int i = condemned.size() - 1; i >= 0 && firstUnhealthy == null; i--) {
      if (!isHealthy(condemned.get(i))) {
        firstUnhealthy = condemned.get(i);
      }
    }

    int rollingDeleted = 0;
    if (set.metadata().deletionTimestamp().isEmpty()) {
      rollingDeleted = act(round, replicas, condemned, firstUnhealthy);
    }
    writeStatus(round, key, replicas, condemned, rollingDeleted);
    if (round.failed) {
      queue.addRateLimited(key);
    } else {
      queue.forget(key);
    }
  }

  /**
   * The work of {@code updateStatefulSet}: replicas, then condemned pods, then the rolling update.
   *
   * @return how many pods the rolling update deleted (0 or 1), which the status counts out of the current ones
   */
  private int act(Round round, List<Slot> replicas, List<Pod> condemned, Pod firstUnhealthy) {
    boolean monotonic = !round.spec.parallel();
    for (int i = 0; i < replicas.size(); i++) {
      boolean exit = processReplica(round, replicas, i, monotonic);
      if (round.failed || (exit && monotonic)) {
        return 0;
      }
    }
    if (round.spec.deleteClaimsOnScaleDown()) {
      for (Pod pod : condemned) {
        ownClaimsByPod(round, pod);
      }
    }
    for (int i = condemned.size() - 1; i >= 0; i--) {
      boolean exit = processCondemned(round, condemned.get(i), firstUnhealthy, monotonic);
      if (round.failed || (exit && monotonic)) {
        return 0;
      }
    }
    if (round.spec.onDelete()) {
      return 0;
    }
    for (int target = replicas.size() - 1; target >= round.spec.partition(); target--) {
      Slot s = replicas.get(target);
      if (!round.updateRevision.equals(revision(s.pod)) && !PodStates.isTerminating(s.pod)) {
        deletePod(round, s.pod);
        return round.failed ? 0 : 1;
      }
      if (!s.created || !isHealthy(s.pod)) {
        return 0;
      }
    }
    return 0;
  }

  /** {@code processReplica}: whether the sync must stop here in OrderedReady mode. */
  private boolean processReplica(Round round, List<Slot> replicas, int i, boolean monotonic) {
    Slot slot = replicas.get(i);
    String phase = slot.created ? PodStates.phase(slot.pod) : "";
    if (phase.equals("Failed") || phase.equals("Succeeded")) {
      String ns = round.set.metadata().namespace().orElse("default");
      String setName = round.set.metadata().nameOrEmpty();
      if (phase.equals("Failed")) {
        events.warning(round.set, "RecreatingFailedPod",
            "StatefulSet " + ns + "/" + setName + " is recreating failed Pod " + slot.pod.metadata().nameOrEmpty());
      } else {
        events.normal(round.set, "RecreatingTerminatedPod",
            "StatefulSet " + ns + "/" + setName + " is recreating terminated Pod " + slot.pod.metadata().nameOrEmpty());
      }
      deletePod(round, slot.pod);
      if (round.failed) {
        return true;
      }
      slot = new Slot(newVersionedPod(round, round.spec.startOrdinal() + i), false);
      replicas.set(i, slot);
    }
    if (!slot.created) {
      if (!createClaims(round, slot.pod)) {
        return true;
      }
      try {
        api.create(slot.pod);
        events.normal(round.set, "SuccessfulCreate",
            "create Pod " + slot.pod.metadata().nameOrEmpty() + " in StatefulSet " + round.set.metadata().nameOrEmpty() + " successful");
      } catch (AlreadyExistsException e) {
        round.failed = true; // the old pod is still there: the next sync sees it
        return true;
      } catch (KubeSimException e) {
        events.warning(round.set, "FailedCreate", "create Pod " + slot.pod.metadata().nameOrEmpty() + " in StatefulSet "
            + round.set.metadata().nameOrEmpty() + " failed error: " + e.getMessage());
        round.failed = true;
        return true;
      }
      return monotonic;
    }
    if (phase.equals("Pending") && !createClaims(round, slot.pod)) {
      return true;
    }
    if (PodStates.isTerminating(slot.pod) && monotonic) {
      return true;
    }
    if (!isRunningAndReady(slot.pod) && monotonic) {
      return true;
    }
    return !isRunningAndAvailable(slot.pod, round.spec.minReadySeconds()) && monotonic;
  }

  /** {@code processCondemned}: deletes a pod above the replica count, in OrderedReady mode only when its predecessors are healthy. */
  private boolean processCondemned(Round round, Pod pod, Pod firstUnhealthy, boolean monotonic) {
    if (PodStates.isTerminating(pod)) {
      return monotonic;
    }
    if (!isRunningAndReady(pod) && monotonic && pod != firstUnhealthy) {
      return true;
    }
    if (!isRunningAndAvailable(pod, round.spec.minReadySeconds()) && monotonic && pod != firstUnhealthy) {
      return true;
    }
    deletePod(round, pod);
    return monotonic;
  }

  private void deletePod(Round round, Pod pod) {
    String name = pod.metadata().nameOrEmpty();
    try {
      api.delete(Pod.KIND, pod.metadata().namespace().orElse("default"), name);
      events.normal(round.set, "SuccessfulDelete", "delete Pod " + name + " in StatefulSet " + round.set.metadata().nameOrEmpty() + " successful");
    } catch (KubeSimException e) {
      events.warning(round.set, "FailedDelete",
          "delete Pod " + name + " in StatefulSet " + round.set.metadata().nameOrEmpty() + " failed error: " + e.getMessage());
      round.failed = true;
    }
  }

  /** {@code newVersionedStatefulSetPod}: ordinals below the partition keep the current revision. */
  private Pod newVersionedPod(Round round, int ordinal) {
    boolean current = !round.spec.onDelete() && ordinal < round.spec.startOrdinal() + round.spec.partition();
    return current
        ? newPod(round, round.currentTemplate, round.currentRevision, ordinal)
        : newPod(round, round.spec.template(), round.updateRevision, ordinal);
  }

  /** {@code newStatefulSetPod}: the template with the pod's identity, its claims as volumes, and its revision. */
  private Pod newPod(Round round, PodTemplateSpec template, String revision, int ordinal) {
    GenericObject set = round.set;
    String name = set.metadata().nameOrEmpty() + "-" + ordinal;
    Map<String, String> labels = new LinkedHashMap<>(template.metadata().labels());
    labels.put(POD_NAME_LABEL, name);
    labels.put(POD_INDEX_LABEL, Integer.toString(ordinal));
    labels.put(REVISION_LABEL, revision);
    ObjectMeta meta = ObjectMeta.builder()
        .name(name)
        .namespace(set.metadata().namespace().orElse("default"))
        .labels(labels)
        .annotations(template.metadata().annotations())
        .finalizers(template.metadata().finalizers())
        .ownerReferences(List.of(controllerRef(set)))
        .build();
    PodSpec spec = template.specOrEmpty();
    List<Object> volumes = new ArrayList<>();
    List<String> claimed = new ArrayList<>();
    for (Map<String, Object> claim : round.spec.claimTemplates()) {
      String volume = claimTemplateName(claim);
      claimed.add(volume);
      Map<String, Object> source = new LinkedHashMap<>();
      source.put("claimName", claimName(claim, set, ordinal));
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("name", volume);
      v.put("persistentVolumeClaim", source);
      volumes.add(v);
    }
    for (Object v : spec.volumes()) {
      if (!(v instanceof Map<?, ?> m && claimed.contains(String.valueOf(m.get("name"))))) {
        volumes.add(v);
      }
    }
    PodSpec.Builder b = spec.toBuilder().hostname(name).volumes(volumes);
    if (!round.spec.serviceName().isEmpty()) {
      b.subdomain(round.spec.serviceName());
    }
    return Pod.of(meta, b.build());
  }

  private static OwnerReference controllerRef(GenericObject set) {
    return new OwnerReference(set.apiVersion(), set.kind(), set.metadata().nameOrEmpty(), set.metadata().uid().orElse(""),
        Optional.of(true), Optional.of(true));
  }

  private static String claimTemplateName(Map<String, Object> claim) {
    return StatefulSetSpec.text(StatefulSetSpec.map(claim.get("metadata")).get("name"));
  }

  /** {@code getPersistentVolumeClaimName}: {@code <template>-<set>-<ordinal>}. */
  static String claimName(Map<String, Object> claim, GenericObject set, int ordinal) {
    return claimTemplateName(claim) + "-" + set.metadata().nameOrEmpty() + "-" + ordinal;
  }

  /**
   * {@code createPersistentVolumeClaims}: each claim of the pod that does not exist is made from its
   * template, labelled with the selector's labels, owned by the set when {@code whenDeleted} is
   * {@code Delete}. A claim still being deleted holds the pod back.
   *
   * @return whether every claim exists and is not being deleted
   */
  private boolean createClaims(Round round, Pod pod) {
    GenericObject set = round.set;
    String ns = set.metadata().namespace().orElse("default");
    int ordinal = ordinal(pod, set.metadata().nameOrEmpty());
    for (Map<String, Object> template : round.spec.claimTemplates()) {
      String name = claimName(template, set, ordinal);
      Optional<KubeObject> existing = api.get(PVC, ns, name);
      if (existing.isPresent()) {
        if (existing.get().metadata().deletionTimestamp().isPresent()) {
          events.warning(set, "FailedCreate", "create Pod " + pod.metadata().nameOrEmpty() + " in StatefulSet "
              + set.metadata().nameOrEmpty() + " failed error: pvc " + name + " is being deleted");
          round.failed = true;
          return false;
        }
        continue;
      }
      Map<String, Object> meta = StatefulSetSpec.map(template.get("metadata"));
      Map<String, String> labels = new LinkedHashMap<>();
      StatefulSetSpec.map(meta.get("labels")).forEach((k, v) -> labels.put(k, String.valueOf(v)));
      labels.putAll(round.spec.selector().map(s -> s.matchLabels()).orElse(Map.of()));
      Map<String, String> annotations = new LinkedHashMap<>();
      StatefulSetSpec.map(meta.get("annotations")).forEach((k, v) -> annotations.put(k, String.valueOf(v)));
      ObjectMeta.Builder claimMeta = ObjectMeta.builder().name(name).namespace(ns).labels(labels).annotations(annotations);
      if (round.spec.deleteClaimsWithSet()) {
        claimMeta.ownerReferences(List.of(new OwnerReference(set.apiVersion(), set.kind(), set.metadata().nameOrEmpty(),
            set.metadata().uid().orElse(""), Optional.of(true), Optional.of(true))));
      }
      Map<String, Object> content = new LinkedHashMap<>();
      Object claimSpec = template.get("spec");
      if (claimSpec != null) {
        content.put("spec", claimSpec);
      }
      try {
        api.create(new GenericObject("v1", PVC, claimMeta.build(), content));
        events.normal(set, "SuccessfulCreate", "create Claim " + name + " Pod " + pod.metadata().nameOrEmpty()
            + " in StatefulSet " + set.metadata().nameOrEmpty() + " success");
      } catch (KubeSimException e) {
        events.warning(set, "FailedCreate", "create Claim " + name + " for Pod " + pod.metadata().nameOrEmpty()
            + " in StatefulSet " + set.metadata().nameOrEmpty() + " failed error: " + e.getMessage());
        round.failed = true;
        return false;
      }
    }
    return true;
  }

  /** {@code whenScaled: Delete}: a condemned pod's claims get the pod as owner, so they go with it. */
  private void ownClaimsByPod(Round round, Pod pod) {
    GenericObject set = round.set;
    String ns = set.metadata().namespace().orElse("default");
    int ordinal = ordinal(pod, set.metadata().nameOrEmpty());
    String podUid = pod.metadata().uid().orElse("");
    for (Map<String, Object> template : round.spec.claimTemplates()) {
      Optional<KubeObject> claim = api.get(PVC, ns, claimName(template, set, ordinal));
      if (claim.isEmpty() || claim.get().metadata().ownerReferences().stream().anyMatch(r -> r.uid().equals(podUid))) {
        continue;
      }
      List<OwnerReference> refs = new ArrayList<>(claim.get().metadata().ownerReferences());
      refs.add(new OwnerReference("v1", Pod.KIND, pod.metadata().nameOrEmpty(), podUid, Optional.empty(), Optional.empty()));
      api.write(claim.get().withMetadata(claim.get().metadata().toBuilder().ownerReferences(refs).build()));
    }
  }

  /** {@code ClaimPods}: the set's own pods that it still selects, and matching orphans, adopted. */
  private List<Pod> claimPods(GenericObject set, StatefulSetSpec spec, ObjectKey key, String uid) {
    List<Pod> claimed = new ArrayList<>();
    boolean deleting = set.metadata().deletionTimestamp().isPresent();
    for (ObjectKey podKey : ownedPods.ownedBy(uid)) {
      Optional<Pod> pod = api.get(Pod.KIND, podKey.namespace(), podKey.name()).map(Pod.class::cast);
      if (pod.isEmpty()) {
        continue;
      }
      if (selects(spec, pod.get().metadata().labels()) || deleting) {
        claimed.add(pod.get());
      } else if (!PodStates.isTerminating(pod.get())) {
        List<OwnerReference> refs = new ArrayList<>(pod.get().metadata().ownerReferences());
        refs.removeIf(r -> r.uid().equals(uid));
        api.write(pod.get().withMetadata(pod.get().metadata().toBuilder().ownerReferences(refs).build()));
      }
    }
    if (!deleting) {
      for (ObjectKey podKey : ownedPods.orphans(key.namespace())) {
        Optional<Pod> orphan = api.get(Pod.KIND, podKey.namespace(), podKey.name()).map(Pod.class::cast);
        if (orphan.isPresent() && !PodStates.isTerminating(orphan.get()) && selects(spec, orphan.get().metadata().labels())) {
          List<OwnerReference> refs = new ArrayList<>(orphan.get().metadata().ownerReferences());
          refs.add(controllerRef(set));
          claimed.add(api.write(orphan.get().withMetadata(orphan.get().metadata().toBuilder().ownerReferences(refs).build())));
        }
      }
    }
    return claimed;
  }

  /** {@code getParentNameAndOrdinal}: the ordinal when the pod is named {@code <set>-<n>}, else -1. */
  static int ordinal(Pod pod, String setName) {
    Matcher m = ORDINAL.matcher(pod.metadata().nameOrEmpty());
    if (!m.matches() || !m.group(1).equals(setName)) {
      return -1;
    }
    try {
      return Integer.parseInt(m.group(2));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String revision(Pod pod) {
    return pod.metadata().labels().getOrDefault(REVISION_LABEL, "");
  }

  private static boolean isRunningAndReady(Pod pod) {
    return PodStates.phase(pod).equals("Running") && PodStates.isReady(pod);
  }

  private static boolean isHealthy(Pod pod) {
    return isRunningAndReady(pod) && !PodStates.isTerminating(pod);
  }

  private boolean isRunningAndAvailable(Pod pod, int minReadySeconds) {
    if (!isRunningAndReady(pod)) {
      return false;
    }
    if (minReadySeconds <= 0) {
      return true;
    }
    Instant now = api.loop().clock().instant();
    Instant since = PodStates.readySince(pod).map(Timestamps::parse).orElse(now);
    return !since.plusSeconds(minReadySeconds).isAfter(now);
  }

  /** {@code updateStatus} and {@code completeRollingUpdate}, written when it changed. */
  private void writeStatus(Round round, ObjectKey key, List<Slot> replicas, List<Pod> condemned, int rollingDeleted) {
    int count = 0;
    int ready = 0;
    int available = 0;
    int current = 0;
    int updated = 0;
    List<Pod> pods = new ArrayList<>();
    for (Slot s : replicas) {
      if (s.created) {
        pods.add(s.pod);
      }
    }
    pods.addAll(condemned);
    for (Pod pod : pods) {
      count++;
      if (isRunningAndReady(pod)) {
        ready++;
        if (isRunningAndAvailable(pod, round.spec.minReadySeconds())) {
          available++;
        }
      }
      if (!PodStates.isTerminating(pod)) {
        String rev = revision(pod);
        if (rev.equals(round.currentRevision)) {
          current++;
        }
        if (rev.equals(round.updateRevision)) {
          updated++;
        }
      }
    }
    current -= rollingDeleted;
    String currentRevision = round.currentRevision;
    if (!round.spec.onDelete() && updated == count && ready == count) {
      current = updated;
      currentRevision = round.updateRevision;
    }
    GenericObject set = (GenericObject) api.get(KIND, key.namespace(), key.name()).orElse(round.set);
    Map<String, Object> status = new LinkedHashMap<>();
    set.metadata().generation().ifPresent(g -> status.put("observedGeneration", g));
    status.put("replicas", count);
    putIfNonZero(status, "readyReplicas", ready);
    putIfNonZero(status, "currentReplicas", current);
    putIfNonZero(status, "updatedReplicas", updated);
    status.put("currentRevision", currentRevision);
    status.put("updateRevision", round.updateRevision);
    status.put("collisionCount", round.spec.collisionCount());
    status.put("availableReplicas", available);
    Object conditions = StatefulSetSpec.map(set.content().get("status")).get("conditions");
    if (conditions != null) {
      status.put("conditions", conditions);
    }
    if (!String.valueOf(status).equals(String.valueOf(set.content().get("status")))) {
      Map<String, Object> content = new LinkedHashMap<>(set.content());
      content.put("status", status);
      api.write(new GenericObject(set.apiVersion(), set.kind(), set.metadata(), content));
    }
    if (round.spec.minReadySeconds() > 0 && available != round.spec.replicas() && availabilityChecks.add(key)) {
      // enqueueSSAfter: a delay the set's author asked for, which does not hold the queue (pod events still sync at once)
      api.loop().scheduleAwaited(Duration.ofSeconds(round.spec.minReadySeconds()), COMPONENT + " minReadySeconds " + key, () -> {
        availabilityChecks.remove(key);
        queue.add(key);
      });
    }
  }

  private static void putIfNonZero(Map<String, Object> map, String key, int value) {
    if (value != 0) {
      map.put(key, value);
    }
  }
}
