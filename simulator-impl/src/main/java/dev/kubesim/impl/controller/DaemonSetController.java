package dev.kubesim.impl.controller;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeCondition;
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
import dev.kubesim.impl.sim.Timestamps;
import dev.kubesim.impl.sim.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The DaemonSet controller of kube-controller-manager ({@code pkg/controller/daemon}): one pod per
 * node that {@code NodeShouldRunDaemonPod} admits, created from the template with the daemon
 * tolerations, the {@code controller-revision-hash} and {@code pod-template-generation} labels and
 * a required node affinity {@code matchFields metadata.name In [node]} by which the default
 * scheduler binds it to its node. Pods on nodes that stop admitting the DaemonSet are deleted (a
 * node tainted NoSchedule keeps its pod; NoExecute does not), a failed pod is deleted and replaced
 * with the controller's per-node backoff (1 s doubling up to 15 min), a second pod on a node is
 * deleted, and the status counts are written. Updates roll out as {@code updateStrategy} says:
 * RollingUpdate deletes old pods within {@code maxUnavailable} (or, with {@code maxSurge}, starts
 * new ones beside them first), OnDelete waits for the user to delete them.
 *
 * <p>kubesim serves no ControllerRevision kind: the revision hash is the pod template's hash (as
 * {@code controller.ComputeHash} names a revision) and no history objects are written.
 */
public final class DaemonSetController {
  static final String HASH_LABEL = "controller-revision-hash";
  static final String GENERATION_LABEL = "pod-template-generation";
  /** {@code BurstReplicas}: creations and deletions one sync makes at most. */
  static final int BURST = 250;
  static final Duration BACKOFF_INITIAL = Duration.ofSeconds(1);
  static final Duration BACKOFF_MAX = Duration.ofMinutes(15);
  private static final String COMPONENT = "daemonset-controller";

  private final ApiServer api;
  private final WorkQueue<ObjectKey> queue;
  private final EventRecorder events;
  private final OwnedPods ownedPods = new OwnedPods(DaemonSetView.KIND);
  /** The failed-pod backoff ({@code flowcontrol.Backoff}), by {@code uid/observedGeneration/node}: delay and last update, in nanos. */
  private final Map<String, long[]> backoff = new HashMap<>();
  /** Delayed resyncs pending, so that one timer per key and delay is armed. */
  private final Set<String> timers = new HashSet<>();
  /** Parsed DaemonSets by key, with the resourceVersion they were parsed at. */
  private final Map<ObjectKey, DaemonSetView> views = new HashMap<>();

  private DaemonSetController(ApiServer api) {
    this.api = api;
    this.queue = new WorkQueue<>(api.loop(), COMPONENT, this::sync);
    this.events = new EventRecorder(api, COMPONENT, "");
  }

  /** Starts the controller on the cluster's API server. */
  public static DaemonSetController start(ApiServer api) {
    DaemonSetController c = new DaemonSetController(api);
    api.store().watch(DaemonSetView.KIND, c::onDaemonSet);
    api.store().watch(Pod.KIND, c::onPod);
    api.store().watch(Node.KIND, c::onNode);
    return c;
  }

  private void onDaemonSet(WatchEvent e) {
    ObjectKey key = ObjectStore.keyOf(e.object());
    if (e.type() == WatchEvent.Type.DELETED) {
      views.remove(key);
      String uid = e.object().metadata().uid().orElse("");
      backoff.keySet().removeIf(k -> k.startsWith(uid + "/"));
      return;
    }
    queue.add(key);
  }

  private Optional<DaemonSetView> view(KubeObject o) {
    if (!(o instanceof GenericObject g)) {
      return Optional.empty();
    }
    ObjectKey key = ObjectStore.keyOf(g);
    DaemonSetView cached = views.get(key);
    if (cached != null && cached.object().metadata().resourceVersion().equals(g.metadata().resourceVersion())
        && cached.object().metadata().uid().equals(g.metadata().uid())) {
      return Optional.of(cached);
    }
    Optional<DaemonSetView> parsed = DaemonSetView.of(g);
    parsed.ifPresentOrElse(v -> views.put(key, v), () -> views.remove(key));
    return parsed;
  }

  private List<DaemonSetView> daemonSets(Optional<String> namespace) {
    List<DaemonSetView> out = new ArrayList<>();
    for (KubeObject o : api.list(DaemonSetView.KIND, namespace)) {
      view(o).ifPresent(out::add);
    }
    return out;
  }

  private static ObjectKey keyOf(DaemonSetView ds) {
    return new ObjectKey(ds.namespace(), ds.name());
  }

  // ---- informers ----------------------------------------------------------------------------

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
    Optional<OwnerReference> oldRef = before.flatMap(this::ourRef);
    Optional<OwnerReference> ref = ourRef(pod);
    if (oldRef.isPresent() && !oldRef.equals(ref)) {
      queue.add(new ObjectKey(ns, oldRef.get().name()));
    }
    if (ref.isPresent()) {
      queue.add(new ObjectKey(ns, ref.get().name()));
      boolean becameReady = before.isPresent() && !PodStates.isReady(before.get()) && PodStates.isReady(pod);
      if (becameReady) {
        api.get(DaemonSetView.KIND, ns, ref.get().name()).flatMap(this::view)
            .filter(ds -> ds.minReadySeconds() > 0 && ds.uid().equals(ref.get().uid()))
            .ifPresent(ds -> resyncAfter(keyOf(ds), Duration.ofSeconds(ds.minReadySeconds() + 1L)));
      }
      return;
    }
    if (pod.metadata().controllerRef().isPresent() || e.type() == WatchEvent.Type.DELETED) {
      return;
    }
    boolean labelsChanged = before.map(old -> !old.metadata().labels().equals(pod.metadata().labels())).orElse(true);
    if (labelsChanged || oldRef.isPresent()) {
      for (DaemonSetView ds : daemonSets(Optional.of(ns))) {
        if (ds.selects(pod.metadata().labels())) {
          queue.add(keyOf(ds));
        }
      }
    }
  }

  private void onNode(WatchEvent e) {
    Node node = (Node) e.object();
    if (e.type() == WatchEvent.Type.DELETED) {
      // The real controller waits for the pod GC; the counts here follow the node at once.
      daemonSets(Optional.empty()).forEach(ds -> queue.add(keyOf(ds)));
      return;
    }
    Optional<Node> old = e.previous().map(Node.class::cast).filter(p -> e.type() != WatchEvent.Type.ADDED);
    if (old.isPresent() && ignoreNodeUpdate(old.get(), node)) {
      return;
    }
    for (DaemonSetView ds : daemonSets(Optional.empty())) {
      DaemonSetView.ShouldRun now = ds.shouldRun(node);
      if (old.isEmpty() ? now.run() : !now.equals(ds.shouldRun(old.get()))) {
        queue.add(keyOf(ds));
      }
    }
  }

  /** {@code shouldIgnoreNodeUpdate}: the same conditions are True and nothing else but them changed. */
  private static boolean ignoreNodeUpdate(Node old, Node cur) {
    if (!trueConditions(old).equals(trueConditions(cur))) {
      return false;
    }
    return withoutConditions(old).equals(withoutConditions(cur));
  }

  private static Set<String> trueConditions(Node node) {
    Set<String> out = new TreeSet<>();
    for (NodeCondition c : node.status().map(s -> s.conditions()).orElse(List.of())) {
      if (c.status().filter("True"::equals).isPresent()) {
        out.add(c.type().orElse(""));
      }
    }
    return out;
  }

  private static Node withoutConditions(Node n) {
    Node blank = n.withMetadata(n.metadata().toBuilder().resourceVersion(null).build());
    return blank.status().map(s -> blank.withStatus(new dev.kubesim.api.model.NodeStatus(s.capacity(), s.allocatable(), s.phase(),
        List.of(), s.addresses(), s.daemonEndpoints(), s.nodeInfo(), s.images(), s.volumesInUse(), s.volumesAttached(), s.config(),
        s.runtimeHandlers(), s.features(), s.declaredFeatures()))).orElse(blank);
  }

  /** {@code enqueueDaemonSetAfter}, as a timer: it does not hold the cluster from settling. */
  private void resyncAfter(ObjectKey key, Duration delay) {
    String id = key + " " + delay.toNanos();
    if (timers.add(id)) {
      api.loop().scheduleTimer(delay, COMPONENT + " resync " + key, () -> {
        timers.remove(id);
        queue.add(key);
      });
    }
  }

  // ---- sync ---------------------------------------------------------------------------------

  private void sync(ObjectKey key) {
    Optional<KubeObject> found = api.get(DaemonSetView.KIND, key.namespace(), key.name());
    if (found.isEmpty()) {
      return;
    }
    Optional<DaemonSetView> parsed = view(found.get());
    if (parsed.isEmpty()) {
      return;
    }
    DaemonSetView ds = parsed.get();
    if (ds.isEmptySelector()) {
      events.warning(ds.object(), "SelectingAll", "This daemon set is selecting all pods. A non-empty selector is required.");
      return;
    }
    if (ds.object().metadata().deletionTimestamp().isPresent()) {
      return;
    }
    List<Node> nodes = new ArrayList<>();
    for (KubeObject o : api.list(Node.KIND, Optional.empty())) {
      nodes.add((Node) o);
    }
    nodes.sort(Comparator.comparing(n -> n.metadata().nameOrEmpty()));
    String hash = PodTemplateHash.of(ds.template(), ds.collisionCount());
    boolean failed = false;
    // manage; the rolling update runs once what manage did has been observed (its expectations)
    Sync work = manage(ds, nodes, hash);
    failed |= work.failed();
    if (!work.acted() && !ds.onDelete()) {
      failed |= rollingUpdate(ds, nodes, hash).failed();
    }
    writeStatus(ds, key, nodes, hash);
    if (failed) {
      queue.addRateLimited(key);
    } else {
      queue.forget(key);
    }
  }

  /** What a batch of creations and deletions did: whether it tried anything, whether anything failed. */
  private record Sync(boolean acted, boolean failed) {}

  /** {@code getDaemonPods}: owned pods that still match (others released) and matching orphans, adopted. */
  private List<Pod> claimPods(DaemonSetView ds) {
    List<Pod> claimed = new ArrayList<>();
    for (ObjectKey podKey : ownedPods.ownedBy(ds.uid())) {
      Optional<Pod> pod = api.get(Pod.KIND, podKey.namespace(), podKey.name()).map(Pod.class::cast);
      if (pod.isEmpty()) {
        continue;
      }
      if (ds.selects(pod.get().metadata().labels())) {
        claimed.add(pod.get());
      } else if (!PodStates.isTerminating(pod.get())) {
        release(pod.get());
      }
    }
    for (ObjectKey podKey : ownedPods.orphans(ds.namespace())) {
      Optional<Pod> orphan = api.get(Pod.KIND, podKey.namespace(), podKey.name()).map(Pod.class::cast);
      if (orphan.isPresent() && !PodStates.isTerminating(orphan.get()) && ds.selects(orphan.get().metadata().labels())) {
        claimed.add(adopt(ds, orphan.get()));
      }
    }
    return claimed;
  }

  private void release(Pod pod) {
    List<OwnerReference> refs = new ArrayList<>(pod.metadata().ownerReferences());
    refs.removeIf(r -> r.isController() && r.kind().equals(DaemonSetView.KIND));
    api.write(pod.withMetadata(pod.metadata().toBuilder().ownerReferences(refs).build()));
  }

  private Pod adopt(DaemonSetView ds, Pod pod) {
    List<OwnerReference> refs = new ArrayList<>(pod.metadata().ownerReferences());
    refs.add(controllerRef(ds));
    return api.write(pod.withMetadata(pod.metadata().toBuilder().ownerReferences(refs).build()));
  }

  private static OwnerReference controllerRef(DaemonSetView ds) {
    return new OwnerReference(ds.object().apiVersion(), DaemonSetView.KIND, ds.name(), ds.uid(), Optional.of(true), Optional.of(true));
  }

  /**
   * {@code getNodesToDaemonPods}: the claimed pods by the node they are for (their {@code nodeName},
   * else their node affinity's {@code metadata.name}), leaving out finished pods being deleted.
   */
  private TreeMap<String, List<Pod>> nodesToDaemonPods(DaemonSetView ds) {
    TreeMap<String, List<Pod>> out = new TreeMap<>();
    for (Pod pod : claimPods(ds)) {
      String phase = PodStates.phase(pod);
      boolean terminal = phase.equals("Succeeded") || phase.equals("Failed");
      if (terminal && pod.metadata().deletionTimestamp().isPresent()) {
        continue;
      }
      targetNode(pod).ifPresent(node -> out.computeIfAbsent(node, n -> new ArrayList<>()).add(pod));
    }
    return out;
  }

  /** {@code GetTargetNodeName}. */
  static Optional<String> targetNode(Pod pod) {
    String bound = PodStates.nodeName(pod);
    if (!bound.isEmpty()) {
      return Optional.of(bound);
    }
    Object affinity = pod.specOrEmpty().affinity().orElse(null);
    Object required = field(field(affinity, "nodeAffinity"), "requiredDuringSchedulingIgnoredDuringExecution");
    if (!(field(required, "nodeSelectorTerms") instanceof List<?> terms)) {
      return Optional.empty();
    }
    for (Object term : terms) {
      if (!(field(term, "matchFields") instanceof List<?> fields)) {
        continue;
      }
      for (Object f : fields) {
        if ("metadata.name".equals(field(f, "key")) && "In".equals(field(f, "operator"))) {
          return field(f, "values") instanceof List<?> values && values.size() == 1
              ? Optional.of(String.valueOf(values.get(0))) : Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static Object field(Object map, String key) {
    return map instanceof Map<?, ?> m ? m.get(key) : null;
  }

  /** {@code podByCreationTimestampAndPhase}: bound pods first, then the oldest, then by name. */
  static final Comparator<Pod> OLDEST_FIRST = Comparator.<Pod>comparingInt(p -> PodStates.isScheduled(p) ? 0 : 1)
      .thenComparing(p -> p.metadata().creationTimestamp().map(Timestamps::parse).orElse(Instant.MIN))
      .thenComparing(p -> p.metadata().nameOrEmpty());

  private Sync manage(DaemonSetView ds, List<Node> nodes, String hash) {
    TreeMap<String, List<Pod>> byNode = nodesToDaemonPods(ds);
    List<String> needing = new ArrayList<>();
    List<Pod> toDelete = new ArrayList<>();
    Set<String> nodeNames = new TreeSet<>();
    for (Node node : nodes) {
      nodeNames.add(node.metadata().nameOrEmpty());
      podsShouldBeOnNode(ds, node, byNode.get(node.metadata().nameOrEmpty()), hash, needing, toDelete);
    }
    // unscheduled pods for nodes that no longer exist: nothing else would delete them
    byNode.forEach((node, pods) -> {
      if (!nodeNames.contains(node)) {
        pods.stream().filter(p -> !PodStates.isScheduled(p)).forEach(toDelete::add);
      }
    });
    return syncNodes(ds, toDelete, needing, hash);
  }

  private void podsShouldBeOnNode(DaemonSetView ds, Node node, List<Pod> pods, String hash, List<String> needing,
      List<Pod> toDelete) {
    DaemonSetView.ShouldRun should = ds.shouldRun(node);
    String nodeName = node.metadata().nameOrEmpty();
    boolean exists = pods != null;
    if (should.run() && !exists) {
      needing.add(nodeName);
      return;
    }
    if (should.continueRunning() && exists) {
      List<Pod> running = new ArrayList<>();
      for (Pod pod : pods) {
        if (pod.metadata().deletionTimestamp().isPresent()) {
          continue;
        }
        String phase = PodStates.phase(pod);
        if (phase.equals("Failed")) {
          String backoffKey = ds.uid() + "/" + ds.observedGeneration() + "/" + nodeName;
          long now = api.loop().clock().nanos();
          long[] entry = backoff.get(backoffKey);
          if (entry != null && now - entry[1] < entry[0]) {
            resyncAfter(keyOf(ds), Duration.ofNanos(entry[0]));
            continue;
          }
          if (entry == null || now - entry[1] > 2 * BACKOFF_MAX.toNanos()) {
            backoff.put(backoffKey, new long[] {BACKOFF_INITIAL.toNanos(), now});
          } else {
            backoff.put(backoffKey, new long[] {Math.min(2 * entry[0], BACKOFF_MAX.toNanos()), now});
          }
          events.warning(ds.object(), "FailedDaemonPod", "Found failed daemon pod " + ds.namespace() + "/"
              + pod.metadata().nameOrEmpty() + " on node " + nodeName + ", will try to kill it");
          toDelete.add(pod);
        } else if (phase.equals("Succeeded")) {
          events.normal(ds.object(), "SucceededDaemonPod", "Found succeeded daemon pod " + ds.namespace() + "/"
              + pod.metadata().nameOrEmpty() + " on node " + nodeName + ", will try to delete it");
          toDelete.add(pod);
        } else {
          running.add(pod);
        }
      }
      running.sort(OLDEST_FIRST);
      if (!ds.allowsSurge()) {
        if (running.size() > 1) {
          toDelete.addAll(running.subList(1, running.size()));
        }
        return;
      }
      if (running.size() <= 1) {
        if (running.isEmpty() && should.run()) {
          needing.add(nodeName);
        }
        return;
      }
      // surging: at most the oldest new pod and the oldest old one, the old one until the new one is available
      Pod oldestNew = null;
      Pod oldestOld = null;
      for (Pod pod : running) {
        if (hash.equals(pod.metadata().labels().get(HASH_LABEL))) {
          if (oldestNew == null) {
            oldestNew = pod;
            continue;
          }
        } else if (oldestOld == null) {
          oldestOld = pod;
          continue;
        }
        toDelete.add(pod);
      }
      if (oldestNew != null && oldestOld != null
          && (!PodStates.isReady(oldestOld) || available(oldestNew, ds.minReadySeconds()))) {
        toDelete.add(oldestOld);
      }
      return;
    }
    if (!should.continueRunning() && exists) {
      pods.stream().filter(p -> p.metadata().deletionTimestamp().isEmpty()).forEach(toDelete::add);
    }
  }

  /** {@code IsPodAvailable}: ready, and for longer than minReadySeconds. */
  private boolean available(Pod pod, int minReadySeconds) {
    if (!PodStates.isReady(pod)) {
      return false;
    }
    if (minReadySeconds == 0) {
      return true;
    }
    Optional<Instant> since = PodStates.readySince(pod).map(Timestamps::parse);
    return since.isPresent() && since.get().plusSeconds(minReadySeconds).isBefore(api.loop().clock().instant());
  }

  /** {@code IsPodUpdated}: the revision hash, or the template generation, is the current one. */
  private static boolean updated(DaemonSetView ds, Pod pod, String hash) {
    Map<String, String> labels = pod.metadata().labels();
    boolean generationMatches = ds.templateGeneration().isPresent()
        && ds.templateGeneration().get().toString().equals(labels.get(GENERATION_LABEL));
    return hash.equals(labels.get(HASH_LABEL)) || generationMatches;
  }

  /** {@code syncNodes}: at most a burst of creations (slow start) and of deletions. */
  private Sync syncNodes(DaemonSetView ds, List<Pod> toDelete, List<String> needing, String hash) {
    int creates = Math.min(needing.size(), BURST);
    int deletes = Math.min(toDelete.size(), BURST);
    boolean failed = false;
    int done = 0;
    for (int batch = Math.min(creates, ReplicaManager.SLOW_START_INITIAL_BATCH); done < creates;
        batch = Math.min(2 * batch, creates - done)) {
      boolean batchFailed = false;
      for (int i = done; i < done + batch; i++) {
        batchFailed |= !createPod(ds, needing.get(i), hash);
      }
      done += batch;
      if (batchFailed) {
        failed = true;
        break;
      }
    }
    for (Pod pod : toDelete.subList(0, deletes)) {
      failed |= !deletePod(ds, pod);
    }
    if (needing.size() > BURST || toDelete.size() > BURST) {
      queue.add(keyOf(ds));
    }
    return new Sync(creates + deletes > 0, failed);
  }

  /** {@code CreatePodTemplate} and the node affinity for one node, then the pod from it. */
  private boolean createPod(DaemonSetView ds, String node, String hash) {
    PodTemplateSpec template = ds.template();
    PodSpec spec = template.specOrEmpty();
    Map<String, String> labels = new LinkedHashMap<>(template.metadata().labels());
    ds.templateGeneration().ifPresent(g -> labels.put(GENERATION_LABEL, g.toString()));
    labels.put(HASH_LABEL, hash);
    PodSpec podSpec = spec.toBuilder()
        .tolerations(DaemonSetView.daemonTolerations(spec))
        .affinity(nodeNameAffinity(spec.affinity().orElse(null), node))
        .build();
    ObjectMeta meta = ObjectMeta.builder()
        .generateName(ds.name() + "-")
        .namespace(ds.namespace())
        .labels(labels)
        .annotations(template.metadata().annotations())
        .finalizers(template.metadata().finalizers())
        .ownerReferences(List.of(controllerRef(ds)))
        .build();
    try {
      Pod pod = api.create(Pod.of(meta, podSpec));
      events.normal(ds.object(), "SuccessfulCreate", "Created pod: " + pod.metadata().nameOrEmpty());
      return true;
    } catch (KubeSimException e) {
      events.warning(ds.object(), "FailedCreate", "Error creating: " + e.getMessage());
      return false;
    }
  }

  /** {@code ReplaceDaemonSetPodNodeNameNodeAffinity}: the required node terms become {@code metadata.name In [node]}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> nodeNameAffinity(Object affinity, String node) {
    Map<String, Object> requirement = new LinkedHashMap<>();
    requirement.put("key", "metadata.name");
    requirement.put("operator", "In");
    requirement.put("values", List.of(node));
    Map<String, Object> term = new LinkedHashMap<>();
    term.put("matchFields", List.of(requirement));
    Map<String, Object> out = affinity instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    Map<String, Object> nodeAffinity = out.get("nodeAffinity") instanceof Map<?, ?> m
        ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    Map<String, Object> required = nodeAffinity.get("requiredDuringSchedulingIgnoredDuringExecution") instanceof Map<?, ?> m
        ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    required.put("nodeSelectorTerms", List.of(term));
    Map<String, Object> rebuilt = new LinkedHashMap<>();
    rebuilt.put("requiredDuringSchedulingIgnoredDuringExecution", required);
    nodeAffinity.forEach((k, v) -> {
      if (!k.equals("requiredDuringSchedulingIgnoredDuringExecution")) {
        rebuilt.put(k, v);
      }
    });
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("nodeAffinity", rebuilt);
    out.forEach((k, v) -> {
      if (!k.equals("nodeAffinity")) {
        result.put(k, v);
      }
    });
    return result;
  }

  private boolean deletePod(DaemonSetView ds, Pod pod) {
    String name = pod.metadata().nameOrEmpty();
    try {
      api.delete(Pod.KIND, ds.namespace(), name);
      events.normal(ds.object(), "SuccessfulDelete", "Deleted pod: " + name);
      return true;
    } catch (NotFoundException e) {
      return true;
    } catch (KubeSimException e) {
      events.warning(ds.object(), "FailedDelete", "Error deleting: " + e.getMessage());
      return false;
    }
  }

  // ---- rolling update -----------------------------------------------------------------------

  private Sync rollingUpdate(DaemonSetView ds, List<Node> nodes, String hash) {
    TreeMap<String, List<Pod>> byNode = nodesToDaemonPods(ds);
    int desired = 0;
    Map<String, Node> nodeByName = new HashMap<>();
    for (Node node : nodes) {
      nodeByName.put(node.metadata().nameOrEmpty(), node);
      if (ds.shouldRun(node).run()) {
        desired++;
        byNode.putIfAbsent(node.metadata().nameOrEmpty(), List.of());
      }
    }
    int maxSurge = ds.surge(desired);
    int maxUnavailable = ds.unavailable(desired);
    if (desired > 0 && maxSurge == 0 && maxUnavailable == 0) {
      maxUnavailable = 1;
    }
    if (maxSurge == 0) {
      int numUnavailable = 0;
      List<Pod> replacements = new ArrayList<>();
      List<Pod> candidates = new ArrayList<>();
      for (Map.Entry<String, List<Pod>> e : byNode.entrySet()) {
        Optional<Pod[]> split = newAndOld(ds, e.getValue(), hash);
        if (split.isEmpty()) {
          numUnavailable++;
          continue;
        }
        Pod newPod = split.get()[0];
        Pod oldPod = split.get()[1];
        if ((newPod == null) == (oldPod == null)) {
          numUnavailable++;
        } else if (newPod != null) {
          if (!available(newPod, ds.minReadySeconds())) {
            numUnavailable++;
          }
        } else if (!available(oldPod, ds.minReadySeconds())) {
          replacements.add(oldPod);
          numUnavailable++;
        } else if (numUnavailable < maxUnavailable) {
          candidates.add(oldPod);
        }
      }
      int remaining = Math.max(0, Math.min(maxUnavailable - numUnavailable, candidates.size()));
      List<Pod> toDelete = new ArrayList<>(replacements);
      toDelete.addAll(candidates.subList(0, remaining));
      return syncNodes(ds, toDelete, List.of(), hash);
    }
    List<Pod> toDelete = new ArrayList<>();
    List<Pod> shouldNotRun = new ArrayList<>();
    List<String> candidateNodes = new ArrayList<>();
    List<String> allowedNodes = new ArrayList<>();
    int numSurge = 0;
    int numAvailable = 0;
    for (Map.Entry<String, List<Pod>> e : byNode.entrySet()) {
      Optional<Pod[]> split = newAndOld(ds, e.getValue(), hash);
      if (split.isEmpty()) {
        numSurge++;
        continue;
      }
      Pod newPod = split.get()[0];
      Pod oldPod = split.get()[1];
      Pod counted = oldPod != null ? oldPod : newPod;
      if (counted != null && available(counted, ds.minReadySeconds())) {
        numAvailable++;
      }
      if (oldPod == null) {
        continue;
      }
      Node node = nodeByName.get(e.getKey());
      boolean run = node != null && ds.shouldRun(node).run();
      if (newPod == null) {
        if (!available(oldPod, ds.minReadySeconds())) {
          if (!run) {
            toDelete.add(oldPod);
          } else {
            allowedNodes.add(e.getKey());
          }
        } else if (!run) {
          shouldNotRun.add(oldPod);
        } else if (numSurge < maxSurge) {
          candidateNodes.add(e.getKey());
        }
      } else if (!available(newPod, ds.minReadySeconds())) {
        numSurge++;
      } else {
        toDelete.add(oldPod);
      }
    }
    int deletable = Math.min(numAvailable - desired, shouldNotRun.size());
    if (deletable > 0) {
      toDelete.addAll(shouldNotRun.subList(0, deletable));
    }
    int remaining = Math.max(0, Math.min(maxSurge - numSurge, candidateNodes.size()));
    List<String> create = new ArrayList<>(allowedNodes);
    create.addAll(candidateNodes.subList(0, remaining));
    return syncNodes(ds, toDelete, create, hash);
  }

  /** {@code findUpdatedPodsOnNode}: the node's new and old pod, or empty when it has more than one of either. */
  private static Optional<Pod[]> newAndOld(DaemonSetView ds, List<Pod> pods, String hash) {
    Pod newPod = null;
    Pod oldPod = null;
    for (Pod pod : pods) {
      if (pod.metadata().deletionTimestamp().isPresent()) {
        continue;
      }
      if (updated(ds, pod, hash)) {
        if (newPod != null) {
          return Optional.empty();
        }
        newPod = pod;
      } else {
        if (oldPod != null) {
          return Optional.empty();
        }
        oldPod = pod;
      }
    }
    return Optional.of(new Pod[] {newPod, oldPod});
  }

  // ---- status -------------------------------------------------------------------------------

  private void writeStatus(DaemonSetView ds, ObjectKey key, List<Node> nodes, String hash) {
    TreeMap<String, List<Pod>> byNode = nodesToDaemonPods(ds);
    int desired = 0;
    int current = 0;
    int misscheduled = 0;
    int ready = 0;
    int updatedCount = 0;
    int availableCount = 0;
    for (Node node : nodes) {
      boolean run = ds.shouldRun(node).run();
      List<Pod> pods = byNode.get(node.metadata().nameOrEmpty());
      boolean scheduled = pods != null && !pods.isEmpty();
      if (!run) {
        if (scheduled) {
          misscheduled++;
        }
        continue;
      }
      desired++;
      if (!scheduled) {
        continue;
      }
      current++;
      List<Pod> sorted = new ArrayList<>(pods);
      sorted.sort(OLDEST_FIRST);
      Pod pod = sorted.get(0);
      if (PodStates.isReady(pod)) {
        ready++;
        if (available(pod, ds.minReadySeconds())) {
          availableCount++;
        }
      }
      if (updated(ds, pod, hash)) {
        updatedCount++;
      }
    }
    int unavailable = desired - availableCount;
    GenericObject cur = (GenericObject) api.get(DaemonSetView.KIND, key.namespace(), key.name()).orElse(ds.object());
    Map<?, ?> old = cur.content().get("status") instanceof Map<?, ?> m ? m : Map.of();
    long generation = cur.metadata().generation().orElse(0L);
    boolean same = number(old, "desiredNumberScheduled") == desired && number(old, "currentNumberScheduled") == current
        && number(old, "numberMisscheduled") == misscheduled && number(old, "numberReady") == ready
        && number(old, "updatedNumberScheduled") == updatedCount && number(old, "numberAvailable") == availableCount
        && number(old, "numberUnavailable") == unavailable && number(old, "observedGeneration") >= generation;
    if (!same) {
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("currentNumberScheduled", current);
      status.put("numberMisscheduled", misscheduled);
      status.put("desiredNumberScheduled", desired);
      status.put("numberReady", ready);
      if (generation != 0) {
        status.put("observedGeneration", generation);
      }
      putIfNonZero(status, "updatedNumberScheduled", updatedCount);
      putIfNonZero(status, "numberAvailable", availableCount);
      putIfNonZero(status, "numberUnavailable", unavailable);
      if (old.get("collisionCount") != null) {
        status.put("collisionCount", old.get("collisionCount"));
      }
      if (old.get("conditions") != null) {
        status.put("conditions", old.get("conditions"));
      }
      Map<String, Object> content = new LinkedHashMap<>(cur.content());
      content.put("status", status);
      api.write(new GenericObject(cur.apiVersion(), cur.kind(), cur.metadata(), content));
    }
    if (ds.minReadySeconds() > 0 && ready != availableCount) {
      resyncAfter(key, Duration.ofSeconds(ds.minReadySeconds()));
    }
  }

  private static void putIfNonZero(Map<String, Object> status, String field, int value) {
    if (value != 0) {
      status.put(field, value);
    }
  }

  private static long number(Map<?, ?> map, String field) {
    return map.get(field) instanceof Number n ? n.longValue() : 0;
  }
}
