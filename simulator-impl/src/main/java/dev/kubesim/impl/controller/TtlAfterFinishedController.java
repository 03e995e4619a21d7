package dev.kubesim.impl.controller;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.DeleteOptions;
import dev.kubesim.impl.apiserver.JobObjects;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.sim.Timestamps;
import dev.kubesim.impl.sim.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The TTL-after-finished controller ({@code pkg/controller/ttlafterfinished}): a finished Job with
 * {@code spec.ttlSecondsAfterFinished} is deleted (in the foreground, so its pods go first) that
 * many seconds after its {@code Complete} or {@code Failed} condition's transition time. Virtual
 * time brings the deletion: the wait is a timer, not work.
 */
public final class TtlAfterFinishedController {
  private final ApiServer api;
  private final WorkQueue<ObjectKey> queue;
  private final Set<ObjectKey> waiting = new HashSet<>();

  private TtlAfterFinishedController(ApiServer api) {
    this.api = api;
    this.queue = new WorkQueue<>(api.loop(), "ttl-after-finished-controller", this::sync);
  }

  /** Starts the controller. */
  public static TtlAfterFinishedController start(ApiServer api) {
    TtlAfterFinishedController c = new TtlAfterFinishedController(api);
    api.store().watch(JobObjects.KIND, c::onJob);
    return c;
  }

  private void onJob(WatchEvent e) {
    if (e.type() == WatchEvent.Type.DELETED) {
      return;
    }
    GenericObject job = (GenericObject) e.object();
    if (job.metadata().deletionTimestamp().isEmpty() && JobObjects.spec(job).containsKey("ttlSecondsAfterFinished")
        && JobObjects.finished(job)) {
      queue.add(ObjectStore.keyOf(job));
    }
  }

  private void sync(ObjectKey key) {
    Optional<GenericObject> found = api.get(JobObjects.KIND, key.namespace(), key.name()).flatMap(JobObjects::of);
    if (found.isEmpty() || found.get().metadata().deletionTimestamp().isPresent() || !JobObjects.finished(found.get())) {
      return;
    }
    GenericObject job = found.get();
    Optional<Long> ttl = JobObjects.num(JobObjects.spec(job), "ttlSecondsAfterFinished");
    Optional<Instant> finishedAt = finishTime(job);
    if (ttl.isEmpty() || finishedAt.isEmpty()) {
      return;
    }
    Instant expiry = finishedAt.get().plusSeconds(ttl.get());
    Instant now = api.loop().clock().instant();
    if (expiry.isAfter(now)) {
      if (waiting.add(key)) {
        api.loop().scheduleTimer(Duration.between(now, expiry), "ttl-after-finished-controller expire " + key, () -> {
          waiting.remove(key);
          queue.add(key);
        });
      }
      return;
    }
    try {
      api.delete(JobObjects.KIND, key.namespace(), key.name(), DeleteOptions.defaults().withPropagation("Foreground"));
    } catch (KubeSimException e) {
      // already gone, or refused: nothing to retry for a Job that is no longer there
    }
  }

  /** {@code jobFinishTime}: when the Complete or Failed condition became True. */
  private static Optional<Instant> finishTime(GenericObject job) {
    for (String type : new String[] {"Complete", "Failed"}) {
      Optional<Map<String, Object>> c = JobObjects.condition(job, type);
      if (c.isPresent() && "True".equals(c.get().get("status"))) {
        String t = StorageObjects.str(c.get(), "lastTransitionTime");
        return t.isEmpty() ? Optional.empty() : Optional.of(Timestamps.parse(t));
      }
    }
    return Optional.empty();
  }
}
