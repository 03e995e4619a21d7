package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerStateTerminated;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.program.MainProcessRun;
import dev.kubesim.impl.program.RunningContainer;
import dev.kubesim.impl.sim.Sha256;
import java.util.Objects;

/**
 * The state of one container as the kubelet tracks it: its runtime instance, its lifecycle, its
 * probes' counters, and what its status reports. The pod worker drives it, the probe manager reads
 * and sets its readiness and counters, the status manager turns it into a {@code ContainerStatus}.
 */
final class ContainerRun {
  final Container spec;
  /** One of {@code initContainers}. */
  final boolean init;
  /** An init container with {@code restartPolicy: Always}: a native sidecar. */
  final boolean sidecar;
  boolean running;
  boolean ready;
  boolean started;
  /** The container's exits that restart it: the generation of its timers and the length of its back-off. */
  int restarts;
  /**
   * The restart count of the latest instance, as the runtime labels a container when it creates it
   * (the previous instance's plus one): a container waiting out its back-off still reports the
   * instance that last ran.
   */
  int restartCount;
  String startedAt;
  /** The runtime's error for a process that could not start, reported as the termination message once. */
  String terminationMessage;
  String waitingReason = "ContainerCreating";
  String waitingMessage;
  ContainerStateTerminated lastTermination;
  ContainerStateTerminated terminatedState;
  int readinessSuccesses;
  int readinessFailures;
  int livenessFailures;
  /** Failed startup probe runs since the container started (its startup probe still runs while below the threshold). */
  int startupFailures;
  boolean readinessProbed;
  /** The last result of each probe ("" for success), to tell a run that changed nothing. */
  String readinessOutcome;
  String livenessOutcome;
  RunningContainer runtime;
  RunningContainer previous; // the instance before a restart, for kubectl logs --previous
  MainProcessRun main;
  boolean finished;
  /** The syncs in a row whose image could not be had (reset when it is there). */
  int imageFailures;
  /** Waiting for a retry (its configuration was missing, or a back-off): nothing else starts it. */
  boolean pending;
  /** Being stopped for a restart (a probe failed): its probes' verdicts wait for the next instance. */
  boolean killing;
  // The runtime's ID of the current instance, kept for the status writes of every sync instead
  // of hashed again each time.
  private String containerId;
  private int containerIdRestarts;
  private String containerIdStartedAt;

  ContainerRun(Container spec, boolean init) {
    this.spec = spec;
    this.init = init;
    this.sidecar = init && spec.restartPolicy().filter("Always"::equals).isPresent();
  }

  /** A regular init container that ran to completion. */
  boolean completed() {
    return init && !sidecar && finished && terminatedState != null && terminatedState.exitCode().orElse(1) == 0;
  }

  String name() {
    return spec.name().orElse("");
  }

  /**
   * The runtime's ID of the current instance ({@code containerd://} and a hash of the pod, the
   * name, the restart count and the start), kept for the status writes of every sync instead of
   * hashed again each time.
   */
  String containerId(ObjectKey pod) {
    if (containerId == null || containerIdRestarts != restartCount || !Objects.equals(containerIdStartedAt, startedAt)) {
      String seed = pod + "/" + name() + "/" + restartCount + "/" + startedAt;
      containerId = "containerd://" + Sha256.hex(seed);
      containerIdRestarts = restartCount;
      containerIdStartedAt = startedAt;
    }
    return containerId;
  }
}
