package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Probe;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.sim.EventLoop;
import dev.kubesim.impl.sim.Steady;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The probes of one pod, as the kubelet's {@code prober.Manager} and its per-probe workers run
 * them: when each startup, readiness and liveness run is due, the success and failure counters against the
 * probe's thresholds, the container's readiness, the kill of a container whose liveness fails,
 * and the coalescing of runs that change nothing into steady periodic timers. The {@link Prober}
 * runs a probe once; the {@link PodWorker} owns the pod's lifecycle and is told to write the
 * status or restart a container.
 */
final class ProbeManager {
  /** The latest a pod's first readiness probe may be due for settling to wait for it. */
  static final Duration FIRST_READINESS_HORIZON = Duration.ofMinutes(10);
  /** The periodic probes running. */
  private final List<EventLoop.Periodic> probes = new ArrayList<>(2);
  /** The probes' scope: what one of them leaves behind in the pod, only they may see. */
  private final EventLoop.Scope scope = new EventLoop.Scope();

  private final Kubelet kubelet;
  private final PodWorker worker;
  private final ObjectKey key;

  ProbeManager(Kubelet kubelet, PodWorker worker, ObjectKey key) {
    this.kubelet = kubelet;
    this.worker = worker;
    this.key = key;
  }

  private EventLoop loop() {
    return kubelet.api().loop();
  }

  /**
   * Starts a probe of a container: the first readiness run comes after {@code initialDelaySeconds}.
   * Without a delay it is work (a write returns with every pod probed once); a delay is awaited (a
   * write returns before it, so the not-ready window can be seen; settling waits for it) unless it
   * ends later than {@link #FIRST_READINESS_HORIZON} (then a timer, or settling would run years of
   * virtual time: initialDelaySeconds may be any int32); then the probe runs every {@code
   * periodSeconds} as a periodic timer.
   */
  void startProbe(ContainerRun c, Probe probe, boolean readiness, int generation) {
    if (!readiness) {
      startPeriodicProbe(c, probe, false, generation);
      return;
    }
    Duration delay = Duration.ofSeconds(probe.initialDelaySeconds().orElse(0));
    PodWorker.Wait wait = delay.isZero() ? PodWorker.Wait.WORK
        : delay.compareTo(FIRST_READINESS_HORIZON) <= 0 ? PodWorker.Wait.AWAITED : PodWorker.Wait.TIMER;
    worker.later(delay, "readiness probe " + c.name(), wait, () -> {
      if (stale(c, generation)) {
        return;
      }
      runProbe(c, probe, true, null);
      if (!stale(c, generation)) {
        startPeriodicProbe(c, probe, true, generation);
      }
    });
  }

  /**
   * Starts a container's startup probe: it runs every {@code periodSeconds} (the first run once
   * {@code initialDelaySeconds} have passed) until it succeeds, when {@code onStarted} starts the
   * other probes, or fails {@code failureThreshold} times, when the container is killed and
   * restarted as a failed liveness probe's is.
   */
  void startStartupProbe(ContainerRun c, Probe probe, int generation, Runnable onStarted) {
    long period = Math.max(1, probe.periodSeconds().orElse(10));
    long delay = probe.initialDelaySeconds().orElse(0);
    long first = Math.max(period, (delay + period - 1) / period * period);
    String name = "kubelet " + kubelet.nodeName() + " startup probe " + c.name() + " " + key;
    probes.add(loop().schedulePeriodic(Duration.ofSeconds(first), Duration.ofSeconds(period), name, run -> {
      if (worker.gone() || stale(c, generation)) {
        stopProbe(run);
        return;
      }
      Pod pod = worker.current().orElse(null);
      if (pod == null || !kubelet.isRunning()) {
        return;
      }
      Prober.Result result = kubelet.prober().probe(pod, c.runtime, probe);
      if (result.success()) {
        stopProbe(run);
        onStarted.run();
        return;
      }
      c.startupFailures++;
      kubelet.events().warning(pod, "Unhealthy", "Startup probe failed: " + result.message());
      if (c.startupFailures >= probe.failureThreshold().orElse(3)) {
        stopProbe(run);
        kubelet.events().normal(pod, "Killing", "Container " + c.name() + " failed startup probe, will be restarted");
        worker.killForRestart(c, probe);
      }
    }).scope(scope));
  }

  private boolean stale(ContainerRun c, int generation) {
    return worker.terminating() || !c.running || c.restarts != generation;
  }

  private void startPeriodicProbe(ContainerRun c, Probe probe, boolean readiness, int generation) {
    Duration period = Duration.ofSeconds(probe.periodSeconds().orElse(10));
    String name = "kubelet " + kubelet.nodeName() + " " + (readiness ? "readiness" : "liveness") + " probe " + c.name() + " " + key;
    probes.add(loop().schedulePeriodic(period, period, name, run -> {
      if (worker.gone() || stale(c, generation)) {
        stopProbe(run);
        return;
      }
      if (!kubelet.isRunning()) {
        // A stopped kubelet probes nothing; it probes again once it runs, and every period after.
        stopProbe(run);
        kubelet.defer(worker.guarded(() -> {
          if (!stale(c, generation)) {
            runProbe(c, probe, readiness, null);
            if (!stale(c, generation)) {
              startPeriodicProbe(c, probe, readiness, generation);
            }
          }
        }));
        return;
      }
      runProbe(c, probe, readiness, run);
      if (stale(c, generation)) {
        stopProbe(run);
      }
    }).scope(scope));
  }

  private void stopProbe(EventLoop.Periodic run) {
    run.cancel();
    probes.remove(run);
  }

  /**
   * Runs a probe once and acts on the result. When the result and everything the run did are as
   * the run before, and the prober knows what running it again does, the run is declared steady:
   * a probe that keeps passing changes nothing; one that keeps failing counts its event.
   */
  private void runProbe(ContainerRun c, Probe probe, boolean readiness, EventLoop.Periodic run) {
    Pod pod = worker.current().orElse(null);
    if (pod == null) {
      return;
    }
    Prober.Result result = kubelet.prober().probe(pod, c.runtime, probe);
    int successThreshold = probe.successThreshold().orElse(1);
    int failureThreshold = probe.failureThreshold().orElse(3);
    String outcome = result.success() ? "" : "failed: " + result.message();
    String previous = readiness ? c.readinessOutcome : c.livenessOutcome;
    boolean same = outcome.equals(previous);
    if (readiness) {
      c.readinessOutcome = outcome;
    } else {
      c.livenessOutcome = outcome;
    }
    Steady repeat = null;
    if (readiness) {
      boolean wasReady = c.ready;
      boolean settled;
      if (result.success()) {
        settled = c.readinessSuccesses >= successThreshold;
        c.readinessFailures = 0;
        // The counters only meet their thresholds: they stop there rather than run on.
        c.readinessSuccesses = Math.min(c.readinessSuccesses + 1, successThreshold);
        if (c.readinessSuccesses >= successThreshold) {
          c.ready = true;
        }
      } else {
        settled = c.readinessFailures >= failureThreshold && c.readinessProbed;
        c.readinessSuccesses = 0;
        c.readinessFailures = Math.min(c.readinessFailures + 1, failureThreshold);
        if (c.readinessFailures >= failureThreshold || !c.readinessProbed) {
          c.ready = false;
        }
        String message = "Readiness probe failed: " + result.message();
        kubelet.events().warning(pod, "Unhealthy", message);
        if (run != null && same && settled) {
          repeat = kubelet.events().repeating(pod, "Warning", "Unhealthy", message, run.period()).orElse(null);
          settled = repeat != null;
        }
      }
      c.readinessProbed = true;
      if (wasReady != c.ready) {
        worker.writeStatus();
      } else if (run != null && same && settled && result.repeat().isPresent()) {
        run.steady(steady(result.repeat().get(), repeat));
      }
      return;
    }
    if (result.success()) {
      boolean settled = c.livenessFailures == 0;
      c.livenessFailures = 0;
      if (run != null && same && settled && result.repeat().isPresent()) {
        run.steady(steady(result.repeat().get(), null));
      }
      return;
    }
    if (c.killing) {
      return; // the container is being stopped: the next instance's probes decide
    }
    c.livenessFailures++;
    kubelet.events().warning(pod, "Unhealthy", "Liveness probe failed: " + result.message());
    if (c.livenessFailures >= failureThreshold) {
      kubelet.events().normal(pod, "Killing", "Container " + c.name() + " failed liveness probe, will be restarted");
      worker.killForRestart(c, probe);
    }
  }

  /** A probe's steady runs: what the prober says each run leaves behind, and the event each records, if any. */
  private static Steady steady(Steady prober, Steady event) {
    if (event == null) {
      return prober;
    }
    return new Steady() {
      @Override
      public boolean holds() {
        return prober.holds() && event.holds();
      }

      @Override
      public long writes(long runs) {
        return event.writes(runs);
      }

      @Override
      public long lastWriteRun(long runs) {
        return event.lastWriteRun(runs);
      }

      @Override
      public String renews() {
        return event.renews();
      }

      @Override
      public long nextWriteRun() {
        return event.nextWriteRun();
      }

      @Override
      public long writeGapRuns() {
        return event.writeGapRuns();
      }

      @Override
      public void write(long run) {
        event.write(run);
      }

      @Override
      public void skip(long runs) {
        prober.skip(runs);
        event.skip(runs);
      }
    };
  }

  /** The pod is gone: every periodic probe stops. */
  void stopAll() {
    for (EventLoop.Periodic p : List.copyOf(probes)) {
      p.cancel();
    }
    probes.clear();
  }
}
