package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.ReplicationController;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.sim.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl delete}'s {@code --wait} (on by default): after the deletions it waits until each
 * deleted object (by uid) is gone, so {@code kubectl delete pod x} returns once the pod has
 * terminated. Here that is virtual time passing in small steps.
 *
 * <p>The real command waits up to {@code --timeout} (a week when not given). Without a timeout
 * the simulation stops waiting after the longest grace period involved plus a margin (at most that
 * week) and returns quietly: an object still there then (a pod on a stopped node, a finalizer
 * nobody removes) would have kept the real kubectl waiting, which a simulation that must return
 * cannot mirror. Steps in which no event is due are taken together, so a long wait costs what
 * happens in it.
 */
final class DeletionWait {
  private static final Duration STEP = Duration.ofMillis(100);
  private static final Duration MARGIN = Duration.ofSeconds(30);
  /** kubectl delete's wait when {@code --timeout} is not given ({@code 168 * time.Hour}). */
  private static final Duration WEEK = Duration.ofHours(168);
  private static final long DEFAULT_GRACE_SECONDS = 30;

  private record Deleted(String prefix, String kind, String namespace, String name, String uid) {}

  private final ApiServer api;
  private final EventLoop loop;
  private final List<Deleted> deleted = new ArrayList<>();
  private Duration longestGrace = Duration.ZERO;

  DeletionWait(ApiServer api, EventLoop loop) {
    this.api = api;
    this.loop = loop;
  }

  /** Records a deleted object, as the API server returned it. */
  void add(String resourcePrefix, KubeObject object, boolean foreground) {
    String namespace = ObjectStore.keyOf(object).namespace();
    deleted.add(new Deleted(resourcePrefix, object.kind(), namespace, object.metadata().nameOrEmpty(),
        object.metadata().uid().orElse("")));
    long grace = object.metadata().deletionGracePeriodSeconds().orElse(0L);
    if (foreground) {
      // the owner waits for its dependents, whose grace period its pod template tells
      grace = Math.max(grace, templateGrace(object));
    }
    longestGrace = max(longestGrace, Duration.ofSeconds(grace));
  }

  /**
   * Lets time pass until every recorded object is gone.
   *
   * @param timeout {@code --timeout}, or zero for none
   * @throws KubectlException {@code timed out waiting for the condition on pods/x} when an explicit
   *     timeout passes first
   */
  void await(Duration timeout) {
    Duration bound = timeout;
    if (timeout.isZero()) {
      // a grace period can be any int64 of seconds: compare before adding the margin
      bound = longestGrace.compareTo(WEEK.minus(MARGIN)) >= 0 ? WEEK : longestGrace.plus(MARGIN);
    }
    Duration waited = Duration.ZERO;
    while (true) {
      Optional<Deleted> left = deleted.stream().filter(this::exists).findFirst();
      if (left.isEmpty()) {
        return;
      }
      if (waited.compareTo(bound) >= 0) {
        if (timeout.isZero()) {
          return;
        }
        throw KubectlException.error("timed out waiting for the condition on " + left.get().prefix() + "/" + left.get().name());
      }
      long steps = stepsUntilNextEvent(ceilDiv(bound.minus(waited), STEP));
      Duration step = STEP.multipliedBy(steps);
      loop.advance(step);
      waited = waited.plus(step);
    }
  }

  /**
   * How many steps may pass before the next check can see a change: objects go only when an event
   * runs, so the steps before the one in which the next event falls are taken at once.
   */
  private long stepsUntilNextEvent(long remaining) {
    java.util.OptionalLong next = loop.nextEventTime();
    if (next.isEmpty()) {
      return Math.max(1, remaining);
    }
    long until = next.getAsLong() - loop.clock().nanos();
    long steps = Math.max(1, (until + STEP.toNanos() - 1) / STEP.toNanos());
    return Math.max(1, Math.min(steps, remaining));
  }

  private static long ceilDiv(Duration a, Duration b) {
    return (a.toNanos() + b.toNanos() - 1) / b.toNanos();
  }

  private boolean exists(Deleted d) {
    return api.get(d.kind(), d.namespace(), d.name()).filter(o -> o.metadata().uid().orElse("").equals(d.uid())).isPresent();
  }

  private static long templateGrace(KubeObject owner) {
    Optional<PodTemplateSpec> template = Optional.empty();
    if (owner instanceof ReplicationController rc) {
      template = rc.specOrEmpty().template();
    } else if (owner instanceof ReplicaSet rs) {
      template = rs.specOrEmpty().template();
    } else if (owner instanceof Deployment d) {
      template = d.specOrEmpty().template();
    } else if (owner instanceof Pod) {
      return 0;
    }
    return template.flatMap(t -> t.spec()).flatMap(PodSpec::terminationGracePeriodSeconds).orElse(DEFAULT_GRACE_SECONDS);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
