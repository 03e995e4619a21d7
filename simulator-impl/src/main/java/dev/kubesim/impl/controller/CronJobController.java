package dev.kubesim.impl.controller;

import dev.kubesim.api.AlreadyExistsException;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.CronSchedule;
import dev.kubesim.impl.apiserver.DeleteOptions;
import dev.kubesim.impl.apiserver.JobObjects;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.apiserver.registry.CronJobStrategy;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.sim.Timestamps;
import dev.kubesim.impl.sim.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CronJob controller ({@code pkg/controller/cronjob}, v2, Kubernetes v1.32): at each
 * scheduled time (in {@code spec.timeZone}, UTC by default) it creates a Job from the job
 * template named {@code <cronjob>-<scheduled time in minutes since the epoch>}, with the scheduled
 * time annotated; it keeps {@code status.active}, {@code lastScheduleTime} and {@code
 * lastSuccessfulTime}, honours {@code suspend}, {@code concurrencyPolicy} (Allow, Forbid: skip
 * while one runs, Replace: delete the running ones) and {@code startingDeadlineSeconds}, and
 * deletes the oldest finished Jobs beyond the history limits. Of the start times missed while it
 * could not run, only the most recent starts a Job. Virtual time brings each schedule: the wait
 * is a timer, not work.
 */
public final class CronJobController {
  static final String COMPONENT = "cronjob-controller";
  /** The annotation with the Job's scheduled time, RFC 3339 in the CronJob's time zone. */
  static final String SCHEDULED_TIMESTAMP = "batch.kubernetes.io/cronjob-scheduled-timestamp";
  /** The requeue after a schedule: {@code nextScheduleTimeDuration} adds 100 ms. */
  static final Duration REQUEUE_SLACK = Duration.ofMillis(100);

  private final ApiServer api;
  private final WorkQueue<ObjectKey> queue;
  private final EventRecorder events;
  private final Map<ObjectKey, Long> wakeAt = new HashMap<>();

  private CronJobController(ApiServer api) {
    this.api = api;
    this.queue = new WorkQueue<>(api.loop(), COMPONENT, this::sync);
    this.events = new EventRecorder(api, COMPONENT, "");
  }

  /** Starts the controller. */
  public static CronJobController start(ApiServer api) {
    CronJobController c = new CronJobController(api);
    api.store().watch(JobObjects.CRON_JOB, e -> {
      if (e.type() != WatchEvent.Type.DELETED) {
        c.queue.add(ObjectStore.keyOf(e.object()));
      }
    });
    api.store().watch(JobObjects.KIND, c::onJob);
    return c;
  }

  private void onJob(WatchEvent e) {
    Optional<OwnerReference> ref = e.object().metadata().controllerRef().filter(r -> r.kind().equals(JobObjects.CRON_JOB));
    ref.ifPresent(r -> queue.add(new ObjectKey(ObjectStore.keyOf(e.object()).namespace(), r.name())));
  }

  private void sync(ObjectKey key) {
    Optional<GenericObject> found = api.get(JobObjects.CRON_JOB, key.namespace(), key.name())
        .flatMap(o -> StorageObjects.of(o, JobObjects.CRON_JOB));
    if (found.isEmpty()) {
      wakeAt.remove(key);
      return;
    }
    GenericObject cj = found.get();
    String uid = cj.metadata().uid().orElse("");
    Map<String, Object> spec = StorageObjects.section(cj, "spec");
    Map<String, Object> oldStatus = StorageObjects.section(cj, "status");
    List<Map<String, Object>> active = new ArrayList<>();
    for (Object a : JobObjects.list(oldStatus, "active")) {
      active.add(new LinkedHashMap<>(StorageObjects.map(a)));
    }
    String lastSchedule = StorageObjects.str(oldStatus, "lastScheduleTime");
    String lastSuccessful = StorageObjects.str(oldStatus, "lastSuccessfulTime");
    Instant now = api.loop().clock().instant();

    // The Jobs it owns, by name.
    TreeMap<String, GenericObject> children = new TreeMap<>();
    for (KubeObject o : api.list(JobObjects.KIND, Optional.of(key.namespace()))) {
      JobObjects.of(o).filter(j -> j.metadata().controllerRef().map(r -> r.uid().equals(uid)).orElse(false))
          .ifPresent(j -> children.put(j.metadata().nameOrEmpty(), j));
    }
    for (GenericObject j : children.values()) {
      String jobUid = j.metadata().uid().orElse("");
      boolean inActive = active.stream().anyMatch(a -> jobUid.equals(a.get("uid")));
      boolean finished = JobObjects.finished(j);
      if (!inActive && !finished) {
        events.warning(cj, "UnexpectedJob", "Saw a job that the controller did not create or forgot: " + j.metadata().nameOrEmpty());
      } else if (inActive && finished) {
        active.removeIf(a -> jobUid.equals(a.get("uid")));
        String condition = JobObjects.conditionTrue(j, "Complete") ? "Complete" : "Failed";
        events.normal(cj, "SawCompletedJob", "Saw completed job: " + j.metadata().nameOrEmpty() + ", condition: " + condition);
      } else if (JobObjects.conditionTrue(j, "Complete")) {
        String completed = StorageObjects.str(JobObjects.status(j), "completionTime");
        if (!completed.isEmpty() && (lastSuccessful.isEmpty()
            || Timestamps.parse(completed).isAfter(Timestamps.parse(lastSuccessful)))) {
          lastSuccessful = completed;
        }
      }
    }
    for (Map<String, Object> a : List.copyOf(active)) {
      String name = StorageObjects.str(a, "name");
      if (!children.containsKey(name) && api.get(JobObjects.KIND, key.namespace(), name).isEmpty()) {
        events.normal(cj, "MissingJob", "Active job went missing: " + name);
        active.remove(a);
      }
    }

    if (cj.metadata().deletionTimestamp().isEmpty()) {
      String scheduled = schedule(cj, spec, active, lastSchedule, now, key);
      if (scheduled != null) {
        lastSchedule = scheduled;
      }
      cleanupFinishedJobs(cj, spec, children);
    }

    Map<String, Object> status = new LinkedHashMap<>();
    if (!active.isEmpty()) {
      status.put("active", active);
    }
    if (!lastSchedule.isEmpty()) {
      status.put("lastScheduleTime", lastSchedule);
    }
    if (!lastSuccessful.isEmpty()) {
      status.put("lastSuccessfulTime", lastSuccessful);
    }
    if (!status.equals(oldStatus)) {
      api.get(JobObjects.CRON_JOB, key.namespace(), key.name()).flatMap(o -> StorageObjects.of(o, JobObjects.CRON_JOB))
          .ifPresent(current -> {
            Map<String, Object> content = new LinkedHashMap<>(current.content());
            content.put("status", status);
            api.write(new GenericObject(current.apiVersion(), current.kind(), current.metadata(), content));
          });
    }
  }

  /**
   * The scheduling part of {@code syncCronJob}: starts the Job of the most recent missed time,
   * unless suspended, too late, already started or forbidden by the concurrency policy.
   *
   * @return the new {@code lastScheduleTime}, or null when it stays
   */
  private String schedule(GenericObject cj, Map<String, Object> spec, List<Map<String, Object>> active,
      String lastSchedule, Instant now, ObjectKey key) {
    if (JobObjects.flag(spec, "suspend")) {
      return null;
    }
    CronSchedule sched;
    try {
      sched = CronSchedule.parse(StorageObjects.str(spec, "schedule"));
    } catch (CronSchedule.ParseException e) {
      events.warning(cj, "UnparseableSchedule", "unparseable schedule: \"" + StorageObjects.str(spec, "schedule") + "\" : " + e.getMessage());
      return null;
    }
    ZoneId zone = ZoneOffset.UTC;
    if (spec.get("timeZone") instanceof String tz) {
      zone = CronJobStrategy.zoneOf(tz);
      if (zone == null) {
        events.warning(cj, "UnknownTimeZone", "invalid timeZone: \"" + tz + "\": unknown time zone " + tz);
        return null;
      }
    }
    Instant earliest = lastSchedule.isEmpty()
        ? Timestamps.parse(cj.metadata().creationTimestamp().orElse(api.loop().clock().timestamp()))
        : Timestamps.parse(lastSchedule);
    Optional<Long> deadline = JobObjects.num(spec, "startingDeadlineSeconds");
    if (deadline.isPresent() && now.minusSeconds(deadline.get()).isAfter(earliest)) {
      earliest = now.minusSeconds(deadline.get());
    }
    // mostRecentScheduleTime: the last scheduled time in (earliest, now]
    Instant mostRecent = null;
    int missed = 0;
    for (Optional<Instant> t = sched.next(earliest, zone); t.isPresent() && !t.get().isAfter(now); t = sched.next(t.get(), zone)) {
      mostRecent = t.get();
      if (++missed > 100) {
        // far behind: jump to the latest start time before now
        Instant probe = now.minus(Duration.ofDays(1));
        if (probe.isAfter(mostRecent)) {
          t = Optional.of(probe);
          mostRecent = null;
        }
      }
    }
    if (missed > 100) {
      events.warning(cj, "TooManyMissedTimes",
          "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew");
    }
    Optional<Instant> next = sched.next(now, zone);
    next.ifPresent(n -> wake(key, Duration.between(now, n).plus(REQUEUE_SLACK)));
    if (mostRecent == null) {
      return null;
    }
    Instant scheduledTime = mostRecent;
    if (deadline.isPresent() && scheduledTime.plusSeconds(deadline.get()).isBefore(now)) {
      events.warning(cj, "MissSchedule", "Missed scheduled time to start a job: "
          + DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", java.util.Locale.US).format(scheduledTime.atOffset(ZoneOffset.UTC)));
      return null;
    }
    String name = cj.metadata().nameOrEmpty() + "-" + (scheduledTime.getEpochSecond() / 60);
    if (active.stream().anyMatch(a -> name.equals(a.get("name")))) {
      return null;
    }
    String policy = StorageObjects.str(spec, "concurrencyPolicy");
    if (policy.equals("Forbid") && !active.isEmpty()) {
      events.normal(cj, "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid");
      return null;
    }
    if (policy.equals("Replace")) {
      for (Map<String, Object> a : List.copyOf(active)) {
        if (deleteJob(cj, StorageObjects.str(a, "name"))) {
          active.remove(a);
        }
      }
    }
    GenericObject job;
    try {
      job = api.create(jobFromTemplate(cj, name, scheduledTime, zone));
    } catch (AlreadyExistsException e) {
      return null;
    } catch (KubeSimException e) {
      events.warning(cj, "FailedCreate", "Error creating job: " + e.getMessage());
      return null;
    }
    events.normal(cj, "SuccessfulCreate", "Created job " + name);
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("kind", JobObjects.KIND);
    ref.put("namespace", key.namespace());
    ref.put("name", name);
    ref.put("uid", job.metadata().uid().orElse(""));
    ref.put("apiVersion", "batch/v1");
    ref.put("resourceVersion", job.metadata().resourceVersion().orElse(""));
    active.add(ref);
    return scheduledTime.toString();
  }

  /** {@code getJobFromTemplate2}. */
  private static GenericObject jobFromTemplate(GenericObject cj, String name, Instant scheduledTime, ZoneId zone) {
    Map<String, Object> jobTemplate = StorageObjects.map(StorageObjects.section(cj, "spec").get("jobTemplate"));
    Map<String, Object> meta = StorageObjects.map(jobTemplate.get("metadata"));
    Map<String, String> labels = new TreeMap<>();
    StorageObjects.map(meta.get("labels")).forEach((k, v) -> labels.put(k, String.valueOf(v)));
    Map<String, String> annotations = new TreeMap<>();
    StorageObjects.map(meta.get("annotations")).forEach((k, v) -> annotations.put(k, String.valueOf(v)));
    annotations.put(SCHEDULED_TIMESTAMP,
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", java.util.Locale.US).format(scheduledTime.atZone(zone)));
    ObjectMeta m = ObjectMeta.builder()
        .name(name)
        .namespace(cj.metadata().namespace().orElse("default"))
        .labels(new LinkedHashMap<>(labels))
        .annotations(new LinkedHashMap<>(annotations))
        .ownerReferences(List.of(new OwnerReference("batch/v1", JobObjects.CRON_JOB, cj.metadata().nameOrEmpty(),
            cj.metadata().uid().orElse(""), Optional.of(true), Optional.of(true))))
        .build();
    Map<String, Object> content = new LinkedHashMap<>();
    Object jobSpec = jobTemplate.get("spec");
    if (jobSpec != null) {
      content.put("spec", jobSpec);
    }
    return new GenericObject("batch/v1", JobObjects.KIND, m, content);
  }

  /** {@code cleanupFinishedJobs}: the oldest finished Jobs beyond each history limit go. */
  private void cleanupFinishedJobs(GenericObject cj, Map<String, Object> spec, TreeMap<String, GenericObject> children) {
    Optional<Long> successLimit = JobObjects.num(spec, "successfulJobsHistoryLimit");
    Optional<Long> failedLimit = JobObjects.num(spec, "failedJobsHistoryLimit");
    List<GenericObject> succeeded = new ArrayList<>();
    List<GenericObject> failed = new ArrayList<>();
    for (GenericObject j : children.values()) {
      if (JobObjects.conditionTrue(j, "Complete")) {
        succeeded.add(j);
      } else if (JobObjects.conditionTrue(j, "Failed")) {
        failed.add(j);
      }
    }
    successLimit.ifPresent(limit -> removeOldest(cj, succeeded, limit));
    failedLimit.ifPresent(limit -> removeOldest(cj, failed, limit));
  }

  private void removeOldest(GenericObject cj, List<GenericObject> jobs, long limit) {
    if (jobs.size() <= limit) {
      return;
    }
    // byJobStartTime: by start time, Jobs without one last, then by name
    List<GenericObject> sorted = new ArrayList<>(jobs);
    sorted.sort(Comparator.comparing((GenericObject j) -> {
      String s = StorageObjects.str(JobObjects.status(j), "startTime");
      return s.isEmpty() ? Instant.MAX : Timestamps.parse(s);
    }).thenComparing(j -> j.metadata().nameOrEmpty()));
    for (GenericObject j : sorted.subList(0, (int) (sorted.size() - limit))) {
      deleteJob(cj, j.metadata().nameOrEmpty());
    }
  }

  private boolean deleteJob(GenericObject cj, String name) {
    try {
      api.delete(JobObjects.KIND, cj.metadata().namespace().orElse("default"), name,
          DeleteOptions.defaults().withPropagation("Background"));
    } catch (dev.kubesim.api.NotFoundException e) {
      return true;
    } catch (KubeSimException e) {
      events.warning(cj, "FailedDelete", "Deleted job: " + e.getMessage());
      return false;
    }
    events.normal(cj, "SuccessfulDelete", "Deleted job " + name);
    return true;
  }

  /** Syncs the CronJob again after this delay, as a timer: the next schedule does not hold up settling. */
  private void wake(ObjectKey key, Duration delay) {
    long now = api.loop().clock().nanos();
    long at = now + Math.max(0, delay.toNanos());
    Long pending = wakeAt.get(key);
    if (pending != null && pending == at) {
      return;
    }
    wakeAt.put(key, at);
    api.loop().scheduleTimer(Duration.ofNanos(at - now), COMPONENT + " schedule " + key, () -> {
      if (Long.valueOf(at).equals(wakeAt.get(key))) {
        wakeAt.remove(key);
        queue.add(key);
      }
    });
  }
}
