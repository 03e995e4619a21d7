package dev.kubesim.impl.controller;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.EnvVar;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.JobObjects;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.sim.Timestamps;
import dev.kubesim.impl.sim.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Job controller of kube-controller-manager ({@code pkg/controller/job}, v1.32): runs a Job's
 * pods to completion. It keeps {@code min(parallelism, completions - succeeded)} pods active,
 * each created from the template with a generated name, the Job as controller and the {@code
 * batch.kubernetes.io/job-tracking} finalizer, which it removes once it has counted the finished
 * pod in {@code status.succeeded} or {@code status.failed}. A failed pod is replaced after the
 * back-off (10 s, doubling per failure since the last success, at most 10 min); more failures than
 * {@code backoffLimit} (for {@code OnFailure}, as many container restarts) or a run longer than
 * {@code activeDeadlineSeconds} fail the Job ({@code FailureTarget}, then {@code Failed} once no
 * pod is terminating), enough successes complete it ({@code SuccessCriteriaMet}, then {@code
 * Complete}); a suspended Job has no pods. Indexed Jobs give each pod its completion index
 * (annotation, label, {@code JOB_COMPLETION_INDEX}, hostname {@code <job>-<index>}).
 *
 * <p>Simplified: a sync runs as soon as a pod or the Job changes (not batched by a second), the
 * finished pods are counted in one status write (no intermediate {@code uncountedTerminatedPods}),
 * orphans are not adopted, and there is no pod failure policy, success policy or per-index
 * back-off limit.
 */
public final class JobController {
  static final String COMPONENT = "job-controller";
  /** {@code DefaultJobPodFailureBackOff}. */
  static final Duration POD_FAILURE_BACKOFF = Duration.ofSeconds(10);
  /** {@code MaxJobPodFailureBackOff}. */
  static final Duration MAX_POD_FAILURE_BACKOFF = Duration.ofMinutes(10);
  /** {@code MaxPodCreateDeletePerSync}. */
  static final int MAX_PER_SYNC = 500;

  private final ApiServer api;
  private final WorkQueue<ObjectKey> queue;
  private final WorkQueue<ObjectKey> orphanQueue;
  private final EventRecorder events;
  private final Map<String, TreeSet<ObjectKey>> podsByJobUid = new HashMap<>();
  /** Pods that went with the tracking finalizer still on (deleted at once): counted at the next sync, by Job uid. */
  private final Map<String, TreeMap<String, Boolean>> vanished = new HashMap<>();
  /** The back-off record of each Job (by uid): failures since the last success, and when the last one was seen. */
  private final Map<String, long[]> backoff = new HashMap<>();
  /** When each Job's timer (back-off, deadline) is due, in virtual nanoseconds. */
  private final Map<ObjectKey, Long> wakeAt = new HashMap<>();

  private JobController(ApiServer api) {
    this.api = api;
    this.queue = new WorkQueue<>(api.loop(), COMPONENT, this::sync);
    this.orphanQueue = new WorkQueue<>(api.loop(), COMPONENT + " orphan", this::syncOrphanPod);
    this.events = new EventRecorder(api, COMPONENT, "");
  }

  /** Starts the controller. */
  public static JobController start(ApiServer api) {
    JobController c = new JobController(api);
    api.store().watch(JobObjects.KIND, c::onJob);
    api.store().watch(Pod.KIND, c::onPod);
    return c;
  }

  private void onJob(WatchEvent e) {
    ObjectKey key = ObjectStore.keyOf(e.object());
    if (e.type() == WatchEvent.Type.DELETED) {
      String uid = e.object().metadata().uid().orElse("");
      vanished.remove(uid);
      backoff.remove(uid);
      for (ObjectKey podKey : podsByJobUid.getOrDefault(uid, new TreeSet<>())) {
        orphanQueue.add(podKey);
      }
      return;
    }
    queue.add(key);
  }

  private static Optional<OwnerReference> jobRef(Pod pod) {
    return pod.metadata().controllerRef().filter(r -> r.kind().equals(JobObjects.KIND));
  }

  private static boolean tracked(Pod pod) {
    return pod.metadata().finalizers().contains(JobObjects.TRACKING_FINALIZER);
  }

  private void onPod(WatchEvent e) {
    Pod pod = (Pod) e.object();
    ObjectKey key = ObjectStore.keyOf(pod);
    Optional<Pod> before = e.previous().map(Pod.class::cast).filter(p -> e.type() != WatchEvent.Type.ADDED);
    before.flatMap(JobController::jobRef).ifPresent(ref -> unindex(ref.uid(), key));
    Optional<OwnerReference> ref = jobRef(pod);
    if (e.type() != WatchEvent.Type.DELETED) {
      ref.ifPresent(r -> podsByJobUid.computeIfAbsent(r.uid(), u -> new TreeSet<>()).add(key));
    }
    before.flatMap(JobController::jobRef).filter(r -> ref.isEmpty() || !ref.get().uid().equals(r.uid()))
        .ifPresent(r -> queue.add(new ObjectKey(key.namespace(), r.name())));
    if (ref.isEmpty()) {
      if (tracked(pod) && e.type() != WatchEvent.Type.DELETED) {
        orphanQueue.add(key);
      }
      return;
    }
    Optional<GenericObject> job = ownJob(key.namespace(), ref.get());
    if (job.isEmpty() || JobObjects.finished(job.get())) {
      if (tracked(pod) && e.type() != WatchEvent.Type.DELETED) {
        orphanQueue.add(key);
      }
      return;
    }
    if (e.type() == WatchEvent.Type.DELETED && tracked(pod)) {
      // Gone before it was counted: it counts as it ended (a pod deleted while running failed).
      vanished.computeIfAbsent(ref.get().uid(), u -> new TreeMap<>())
          .put(pod.metadata().uid().orElse(key.name()), PodStates.phase(pod).equals("Succeeded"));
    }
    queue.add(new ObjectKey(key.namespace(), ref.get().name()));
  }

  private void unindex(String uid, ObjectKey key) {
    TreeSet<ObjectKey> set = podsByJobUid.get(uid);
    if (set != null) {
      set.remove(key);
      if (set.isEmpty()) {
        podsByJobUid.remove(uid);
      }
    }
  }

  private Optional<GenericObject> ownJob(String namespace, OwnerReference ref) {
    return api.get(JobObjects.KIND, namespace, ref.name())
        .flatMap(JobObjects::of)
        .filter(j -> j.metadata().uid().orElse("").equals(ref.uid()));
  }

  /** {@code syncOrphanPod}: a pod whose Job is gone or finished, or that has none, loses the tracking finalizer. */
  private void syncOrphanPod(ObjectKey key) {
    Optional<Pod> pod = api.get(Pod.KIND, key.namespace(), key.name()).map(Pod.class::cast);
    if (pod.isEmpty() || !tracked(pod.get())) {
      return;
    }
    Optional<OwnerReference> ref = pod.get().metadata().controllerRef();
    if (ref.isPresent()) {
      if (!ref.get().kind().equals(JobObjects.KIND)) {
        return;
      }
      Optional<GenericObject> job = ownJob(key.namespace(), ref.get());
      if (job.isPresent() && !JobObjects.finished(job.get())) {
        return;
      }
    }
    api.removeFinalizer(pod.get(), JobObjects.TRACKING_FINALIZER);
  }

  private void sync(ObjectKey key) {
    Optional<GenericObject> found = api.get(JobObjects.KIND, key.namespace(), key.name()).flatMap(JobObjects::of);
    if (found.isEmpty()) {
      return;
    }
    GenericObject job = found.get();
    String uid = job.metadata().uid().orElse("");
    if (JobObjects.finished(job)) {
      backoff.remove(uid);
      vanished.remove(uid);
      return;
    }
    Map<String, Object> spec = JobObjects.spec(job);
    Object mode = spec.getOrDefault("completionMode", "NonIndexed");
    if (!mode.equals("NonIndexed") && !mode.equals("Indexed")) {
      events.warning(job, "UnknownCompletionMode", "Skipped Job sync because completion mode is unknown");
      return;
    }
    new Sync(key, job, uid, spec).run();
  }

  /** One sync of one Job: what {@code syncJob} computes, then does. */
  private final class Sync {
    final ObjectKey key;
    final GenericObject job;
    final String uid;
    final Map<String, Object> spec;
    final Map<String, Object> oldStatus;
    final Instant now = api.loop().clock().instant();
    final String nowStamp = api.loop().clock().timestamp();
    final boolean indexed;
    final Optional<Long> completions;
    final long parallelism;
    final long backoffLimit;
    final boolean suspended;
    List<Map<String, Object>> conditions = new ArrayList<>();
    String startTime;
    String completionTime;

    Sync(ObjectKey key, GenericObject job, String uid, Map<String, Object> spec) {
      this.key = key;
      this.job = job;
      this.uid = uid;
      this.spec = spec;
      this.oldStatus = JobObjects.status(job);
      this.indexed = JobObjects.indexed(job);
      this.completions = JobObjects.num(spec, "completions");
      this.parallelism = JobObjects.num(spec, "parallelism").orElse(1L);
      this.backoffLimit = JobObjects.num(spec, "backoffLimit").orElse(6L);
      this.suspended = JobObjects.flag(spec, "suspend");
      for (Object c : JobObjects.list(oldStatus, "conditions")) {
        conditions.add(new LinkedHashMap<>(StorageObjects.map(c)));
      }
      startTime = StorageObjects.str(oldStatus, "startTime");
      completionTime = StorageObjects.str(oldStatus, "completionTime");
    }

    List<Pod> pods() {
      List<Pod> pods = new ArrayList<>();
      for (ObjectKey podKey : List.copyOf(podsByJobUid.getOrDefault(uid, new TreeSet<>()))) {
        api.get(Pod.KIND, podKey.namespace(), podKey.name()).map(Pod.class::cast).ifPresent(pods::add);
      }
      return pods;
    }

    void run() {
      List<Pod> pods = pods();
      List<Pod> active = pods.stream().filter(PodStates::isActive).toList();
      int terminating = (int) pods.stream().filter(JobController::isTerminating).count();
      long succeededBefore = JobObjects.num(oldStatus, "succeeded").orElse(0L);
      long failedBefore = JobObjects.num(oldStatus, "failed").orElse(0L);
      TreeMap<String, Boolean> gone = vanished.getOrDefault(uid, new TreeMap<>());
      List<Pod> newSucceeded = pods.stream().filter(p -> tracked(p) && PodStates.phase(p).equals("Succeeded")).toList();
      List<Pod> newFailed = pods.stream().filter(p -> tracked(p) && isPodFailed(p)).toList();
      long goneSucceeded = gone.values().stream().filter(b -> b).count();
      long goneFailed = gone.size() - goneSucceeded;
      TreeSet<Integer> completedIndexes = indexed ? parseIndexes(StorageObjects.str(oldStatus, "completedIndexes")) : new TreeSet<>();
      if (indexed) {
        for (Pod p : newSucceeded) {
          int ix = completionIndex(p);
          if (ix >= 0 && ix < completions.orElse(0L)) {
            completedIndexes.add(ix);
          }
        }
      }
      long succeeded = indexed ? completedIndexes.size() : succeededBefore + newSucceeded.size() + goneSucceeded;
      long failed = failedBefore + newFailed.size() + goneFailed;
      if (startTime.isEmpty() && !suspended) {
        startTime = nowStamp;
      }
      long[] record = newBackoffRecord(newSucceeded.size() + goneSucceeded, newFailed.size() + goneFailed);

      // The condition the Job finishes with, if it does: interim type first.
      Map<String, Object> finished = null;
      if (hasTrue("SuccessCriteriaMet")) {
        finished = condition("SuccessCriteriaMet", findCondition("SuccessCriteriaMet"));
      } else if (hasTrue("FailureTarget")) {
        finished = condition("Failed", findCondition("FailureTarget"));
      } else if (failed > backoffLimit || pastBackoffLimitOnFailure(pods)) {
        finished = newCondition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
      } else if (pastActiveDeadline()) {
        finished = newCondition("FailureTarget", "DeadlineExceeded", "Job was active longer than specified deadline");
      } else if (JobObjects.num(spec, "activeDeadlineSeconds").isPresent() && !suspended && !startTime.isEmpty()) {
        Instant deadline = Timestamps.parse(startTime).plusSeconds(JobObjects.num(spec, "activeDeadlineSeconds").get());
        wake(Duration.between(now, deadline));
      }

      int activeCount = active.size();
      if (finished != null) {
        // A Job that failed (or met its success criteria) deletes its active pods.
        for (Pod p : active) {
          if (deletePod(p)) {
            activeCount--;
            terminating++;
          }
        }
      } else {
        if (job.metadata().deletionTimestamp().isEmpty()) {
          int[] counts = manage(active, succeeded, completedIndexes, record, terminating);
          activeCount = counts[0];
          terminating = counts[1];
        }
        boolean complete = completions.isEmpty() ? succeeded > 0 && activeCount == 0
            : succeeded >= completions.get() && activeCount == 0;
        if (complete) {
          finished = newCondition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods");
        } else if (job.metadata().deletionTimestamp().isEmpty()) {
          if (suspended) {
            if (ensureCondition("Suspended", "True", "JobSuspended", "Job suspended")) {
              events.normal(job, "Suspended", "Job suspended");
            }
          } else if (ensureCondition("Suspended", "False", "JobResumed", "Job resumed")) {
            events.normal(job, "Resumed", "Job resumed");
            startTime = nowStamp;
          }
        }
      }

      // Count the finished pods and let them go.
      java.util.Set<String> counted = new java.util.HashSet<>();
      newSucceeded.forEach(p -> counted.add(p.metadata().uid().orElse("")));
      newFailed.forEach(p -> counted.add(p.metadata().uid().orElse("")));
      for (Pod p : pods()) {
        if (!tracked(p)) {
          continue;
        }
        boolean podSucceeded = PodStates.phase(p).equals("Succeeded");
        boolean podFailed = isPodFailed(p);
        if (finished == null && !podSucceeded && !podFailed && job.metadata().deletionTimestamp().isEmpty()) {
          continue;
        }
        if (!counted.contains(p.metadata().uid().orElse(""))) {
          if (podSucceeded) {
            succeeded += indexed ? 0 : 1;
          } else if (podFailed || (finished != null && !finished.get("type").equals("SuccessCriteriaMet"))) {
            failed++; // when the Job fails, a pod not yet finished counts as failed
          }
        }
        api.removeFinalizer(p, JobObjects.TRACKING_FINALIZER);
      }
      vanished.remove(uid);
      backoff.put(uid, record);
      terminating = (int) pods().stream().filter(JobController::isTerminating).count();

      boolean jobFinished = false;
      if (finished != null) {
        String type = (String) finished.get("type");
        if (type.equals("FailureTarget")) {
          conditions.add(finished);
          finished = condition("Failed", finished);
        } else if (type.equals("SuccessCriteriaMet")) {
          if (findCondition("SuccessCriteriaMet") == null) {
            conditions.add(finished);
          }
          finished = condition("Complete", finished);
        }
        if (terminating == 0) {
          ensureCondition((String) finished.get("type"), "True", (String) finished.get("reason"), (String) finished.get("message"));
          if (finished.get("type").equals("Complete")) {
            completionTime = nowStamp;
          }
          jobFinished = true;
        }
      }
      int ready = (int) pods().stream().filter(p -> PodStates.isActive(p) && PodStates.isReady(p)).count();
      Map<String, Object> status = new LinkedHashMap<>();
      if (!conditions.isEmpty()) {
        status.put("conditions", conditions);
      }
      if (!startTime.isEmpty()) {
        status.put("startTime", startTime);
      }
      if (!completionTime.isEmpty()) {
        status.put("completionTime", completionTime);
      }
      if (activeCount != 0) {
        status.put("active", activeCount);
      }
      if (succeeded != 0) {
        status.put("succeeded", (int) succeeded);
      }
      if (failed != 0) {
        status.put("failed", (int) failed);
      }
      status.put("terminating", terminating);
      if (indexed && !completedIndexes.isEmpty()) {
        status.put("completedIndexes", formatIndexes(completedIndexes));
      }
      status.put("uncountedTerminatedPods", Map.of());
      status.put("ready", ready);
      if (!status.equals(oldStatus)) {
        api.get(JobObjects.KIND, key.namespace(), key.name()).flatMap(JobObjects::of)
            .ifPresent(current -> api.write(JobObjects.withStatus(current, status)));
      }
      if (jobFinished) {
        GenericObject current = api.get(JobObjects.KIND, key.namespace(), key.name()).flatMap(JobObjects::of).orElse(job);
        if (finished.get("type").equals("Complete")) {
          if (completions.isPresent() && succeeded > completions.get()) {
            events.warning(current, "TooManySucceededPods", "Too many succeeded pods running after completion count reached");
          }
          events.normal(current, "Completed", "Job completed");
        } else {
          events.warning(current, (String) finished.get("reason"), (String) finished.get("message"));
        }
        backoff.remove(uid);
      }
    }

    /**
     * {@code manageJob}: deletes surplus pods (all of a suspended Job's), or creates the missing
     * ones once the back-off has passed.
     *
     * @return the active and terminating counts after it
     */
    int[] manage(List<Pod> active, long succeeded, TreeSet<Integer> completedIndexes, long[] record, int terminating) {
      int activeCount = active.size();
      if (suspended) {
        for (Pod p : rankedForRemoval(active, active.size())) {
          api.removeFinalizer(p, JobObjects.TRACKING_FINALIZER);
          if (deletePod(p)) {
            activeCount--;
            terminating++;
          }
        }
        return new int[] {activeCount, terminating};
      }
      long wantActive;
      if (completions.isEmpty()) {
        wantActive = succeeded > 0 ? activeCount : parallelism;
      } else {
        wantActive = Math.max(0, Math.min(completions.get() - succeeded, parallelism));
      }
      int rm = (int) Math.min(MAX_PER_SYNC, Math.max(0, activeCount - wantActive));
      if (rm > 0) {
        for (Pod p : rankedForRemoval(active, rm)) {
          api.removeFinalizer(p, JobObjects.TRACKING_FINALIZER);
          if (deletePod(p)) {
            activeCount--;
            terminating++;
          }
        }
        return new int[] {activeCount, terminating};
      }
      int replacingTerminating = "Failed".equals(spec.get("podReplacementPolicy")) ? terminating : 0;
      long diff = wantActive - replacingTerminating - activeCount;
      if (diff <= 0) {
        return new int[] {activeCount, terminating};
      }
      Duration remaining = remainingBackoff(record);
      if (!remaining.isZero()) {
        wake(remaining.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : remaining);
        return new int[] {activeCount, terminating};
      }
      diff = Math.min(diff, MAX_PER_SYNC);
      List<Integer> indexes = new ArrayList<>();
      if (indexed) {
        TreeSet<Integer> activeIndexes = new TreeSet<>();
        active.forEach(p -> activeIndexes.add(completionIndex(p)));
        for (int ix = 0; ix < completions.orElse(0L) && indexes.size() < diff; ix++) {
          if (!completedIndexes.contains(ix) && !activeIndexes.contains(ix)) {
            indexes.add(ix);
          }
        }
        diff = indexes.size();
      }
      // Slow start: batches of 1, 2, 4, ...; a batch with a failure ends the creations.
      int done = 0;
      for (long batch = Math.min(diff, 1); done < diff; batch = Math.min(2 * batch, diff - done)) {
        boolean failedBatch = false;
        for (int i = 0; i < batch; i++) {
          int ix = indexed ? indexes.get(done + i) : -1;
          if (createPod(ix)) {
            activeCount++;
          } else {
            failedBatch = true;
          }
        }
        done += (int) batch;
        if (failedBatch) {
          queue.addRateLimited(key);
          break;
        }
      }
      return new int[] {activeCount, terminating};
    }

    boolean createPod(int index) {
      PodTemplateSpec template = JobObjects.template(job);
      String name = job.metadata().nameOrEmpty();
      Map<String, String> labels = new TreeMap<>(template.metadata().labels());
      Map<String, String> annotations = new TreeMap<>(template.metadata().annotations());
      List<String> finalizers = new ArrayList<>(template.metadata().finalizers());
      if (!finalizers.contains(JobObjects.TRACKING_FINALIZER)) {
        finalizers.add(JobObjects.TRACKING_FINALIZER);
      }
      PodSpec podSpec = template.specOrEmpty();
      String generateName = name + "-";
      if (index >= 0) {
        annotations.put(JobObjects.COMPLETION_INDEX, Integer.toString(index));
        labels.put(JobObjects.COMPLETION_INDEX, Integer.toString(index));
        podSpec = podSpec.toBuilder()
            .hostname(name + "-" + index)
            .containers(withIndexEnv(podSpec.containers()))
            .initContainers(withIndexEnv(podSpec.initContainers()))
            .build();
        generateName = name + "-" + index + "-";
      }
      ObjectMeta meta = ObjectMeta.builder()
          .generateName(generateName)
          .namespace(key.namespace())
          .labels(new LinkedHashMap<>(labels))
          .annotations(new LinkedHashMap<>(annotations))
          .finalizers(finalizers)
          .ownerReferences(List.of(new OwnerReference(job.apiVersion(), JobObjects.KIND, name, uid,
              Optional.of(true), Optional.of(true))))
          .build();
      try {
        Pod pod = api.create(Pod.of(meta, podSpec));
        events.normal(job, "SuccessfulCreate", "Created pod: " + pod.metadata().nameOrEmpty());
        return true;
      } catch (KubeSimException e) {
        events.warning(job, "FailedCreate", "Error creating: " + e.getMessage());
        return false;
      }
    }

    boolean deletePod(Pod pod) {
      try {
        api.delete(Pod.KIND, key.namespace(), pod.metadata().nameOrEmpty());
        events.normal(job, "SuccessfulDelete", "Deleted pod: " + pod.metadata().nameOrEmpty());
        return true;
      } catch (dev.kubesim.api.NotFoundException e) {
        return true;
      } catch (KubeSimException e) {
        events.warning(job, "FailedDelete", "Error deleting: " + e.getMessage());
        return false;
      }
    }

    /** {@code pastBackoffLimitOnFailure}: the restarts of running and pending pods reach the limit. */
    boolean pastBackoffLimitOnFailure(List<Pod> pods) {
      if (!"OnFailure".equals(JobObjects.template(job).specOrEmpty().restartPolicy().orElse(""))) {
        return false;
      }
      long restarts = 0;
      for (Pod p : pods) {
        String phase = PodStates.phase(p);
        if (phase.equals("Running") || phase.equals("Pending")) {
          restarts += PodStates.restarts(p);
          restarts += p.status().stream().flatMap(s -> s.initContainerStatuses().stream())
              .mapToInt(c -> c.restartCount().orElse(0)).sum();
        }
      }
      return backoffLimit == 0 ? restarts > 0 : restarts >= backoffLimit;
    }

    boolean pastActiveDeadline() {
      Optional<Long> ads = JobObjects.num(spec, "activeDeadlineSeconds");
      if (ads.isEmpty() || startTime.isEmpty() || suspended) {
        return false;
      }
      return !Timestamps.parse(startTime).plusSeconds(ads.get()).isAfter(now);
    }

    /** The back-off record after these newly counted pods: a success starts it afresh. */
    long[] newBackoffRecord(long newSucceeded, long newFailed) {
      long[] old = backoff.getOrDefault(uid, new long[] {0, 0});
      if (newSucceeded > 0) {
        return new long[] {0, 0};
      }
      if (newFailed == 0) {
        return old;
      }
      return new long[] {old[0] + newFailed, api.loop().clock().nanos()};
    }

    Duration remainingBackoff(long[] record) {
      if (record[0] == 0) {
        return Duration.ZERO;
      }
      long base = POD_FAILURE_BACKOFF.toNanos();
      long max = MAX_POD_FAILURE_BACKOFF.toNanos();
      long delay = record[0] - 1 >= 20 ? max : Math.min(max, base << (record[0] - 1));
      long left = record[1] + delay - api.loop().clock().nanos();
      return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Syncs the Job again after this delay (back-off, deadline), as a timer that does not hold up settling. */
    void wake(Duration delay) {
      long at = api.loop().clock().nanos() + Math.max(0, delay.toNanos());
      Long pending = wakeAt.get(key);
      if (pending != null && pending <= at && pending >= api.loop().clock().nanos()) {
        return;
      }
      wakeAt.put(key, at);
      api.loop().scheduleTimer(Duration.ofNanos(Math.max(0, delay.toNanos())), COMPONENT + " resync " + key, () -> {
        if (Long.valueOf(at).equals(wakeAt.get(key))) {
          wakeAt.remove(key);
        }
        queue.add(key);
      });
    }

    boolean hasTrue(String type) {
      Map<String, Object> c = findCondition(type);
      return c != null && "True".equals(c.get("status"));
    }

    Map<String, Object> findCondition(String type) {
      for (Map<String, Object> c : conditions) {
        if (type.equals(c.get("type"))) {
          return c;
        }
      }
      return null;
    }

    Map<String, Object> newCondition(String type, String reason, String message) {
      return newCondition(type, "True", reason, message);
    }

    Map<String, Object> newCondition(String type, String status, String reason, String message) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("type", type);
      c.put("status", status);
      c.put("lastProbeTime", nowStamp);
      c.put("lastTransitionTime", nowStamp);
      if (!reason.isEmpty()) {
        c.put("reason", reason);
      }
      if (!message.isEmpty()) {
        c.put("message", message);
      }
      return c;
    }

    /** A new condition of this type with another's reason and message. */
    Map<String, Object> condition(String type, Map<String, Object> from) {
      return newCondition(type, "True", StorageObjects.str(from, "reason"), StorageObjects.str(from, "message"));
    }

    /** {@code ensureJobConditionStatus}: sets or adds the condition; a False one is never added. */
    boolean ensureCondition(String type, String status, String reason, String message) {
      Map<String, Object> c = findCondition(type);
      if (c != null) {
        if (!status.equals(c.get("status")) || !reason.equals(StorageObjects.str(c, "reason"))
            || !message.equals(StorageObjects.str(c, "message"))) {
          conditions.set(conditions.indexOf(c), newCondition(type, status, reason, message));
          return true;
        }
        return false;
      }
      if (!status.equals("False")) {
        conditions.add(newCondition(type, status, reason, message));
        return true;
      }
      return false;
    }

    boolean isPodFailed(Pod p) {
      if (PodStates.phase(p).equals("Failed")) {
        return true;
      }
      if ("Failed".equals(spec.get("podReplacementPolicy"))) {
        return false;
      }
      return p.metadata().deletionTimestamp().isPresent() && !PodStates.phase(p).equals("Succeeded");
    }
  }

  private static boolean isTerminating(Pod p) {
    String phase = PodStates.phase(p);
    return p.metadata().deletionTimestamp().isPresent() && !phase.equals("Failed") && !phase.equals("Succeeded");
  }

  /** {@code activePodsForRemoval} outside Indexed duplicates: the first in Kubernetes' ranking. */
  private static List<Pod> rankedForRemoval(List<Pod> active, int count) {
    List<Pod> ranked = new ArrayList<>(active);
    ranked.sort(ReplicaManager.deletionOrder(ranked));
    return ranked.subList(0, Math.min(count, ranked.size()));
  }

  private static List<Container> withIndexEnv(List<Container> containers) {
    List<Container> out = new ArrayList<>();
    for (Container c : containers) {
      boolean has = c.env().stream().anyMatch(v -> v.name().orElse("").equals("JOB_COMPLETION_INDEX"));
      if (has) {
        out.add(c);
        continue;
      }
      List<EnvVar> env = new ArrayList<>(c.env());
      Map<String, Object> fieldRef = new LinkedHashMap<>();
      fieldRef.put("fieldPath", "metadata.annotations['" + JobObjects.COMPLETION_INDEX + "']");
      env.add(new EnvVar(Optional.of("JOB_COMPLETION_INDEX"), Optional.empty(), Optional.of(Map.of("fieldRef", fieldRef))));
      out.add(c.toBuilder().env(env).build());
    }
    return out;
  }

  /** The pod's completion index annotation, or -1. */
  static int completionIndex(Pod p) {
    String v = p.metadata().annotations().get(JobObjects.COMPLETION_INDEX);
    if (v == null) {
      return -1;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** {@code completedIndexes}: {@code 1,3-5,7}. */
  static TreeSet<Integer> parseIndexes(String text) {
    TreeSet<Integer> out = new TreeSet<>();
    if (text.isEmpty()) {
      return out;
    }
    for (String part : text.split(",")) {
      try {
        int dash = part.indexOf('-');
        if (dash < 0) {
          out.add(Integer.parseInt(part));
        } else {
          int from = Integer.parseInt(part.substring(0, dash));
          int to = Integer.parseInt(part.substring(dash + 1));
          for (int i = from; i <= to; i++) {
            out.add(i);
          }
        }
      } catch (NumberFormatException e) {
        // an interval that does not parse is skipped, as the controller logs and skips it
      }
    }
    return out;
  }

  /** The ordered intervals' text: consecutive indexes as {@code a-b}. */
  static String formatIndexes(TreeSet<Integer> indexes) {
    StringBuilder sb = new StringBuilder();
    Integer start = null;
    Integer prev = null;
    for (int ix : indexes) {
      if (start == null) {
        start = ix;
      } else if (ix != prev + 1) {
        append(sb, start, prev);
        start = ix;
      }
      prev = ix;
    }
    if (start != null) {
      append(sb, start, prev);
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, int from, int to) {
    if (sb.length() > 0) {
      sb.append(',');
    }
    sb.append(from);
    if (to != from) {
      sb.append('-').append(to);
    }
  }
}
