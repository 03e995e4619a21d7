package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerState;
import dev.kubesim.api.model.ContainerStateTerminated;
import dev.kubesim.api.model.ContainerStatus;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodCondition;
import dev.kubesim.api.model.PodIP;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.kubectl.print.HumanDuration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code printPod}: NAME READY STATUS RESTARTS AGE, and with {@code -o wide} IP NODE NOMINATED
 * NODE READINESS GATES. STATUS is the phase refined by the containers' waiting and terminated
 * reasons, {@code Init:} states, and {@code Terminating} for a pod being deleted.
 */
public final class PodTable implements TablePrinter {
  @Override
  public List<String> headers() {
    return List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE");
  }

  @Override
  public List<String> wideHeaders() {
    return List.of("IP", "NODE", "NOMINATED NODE", "READINESS GATES");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    Pod pod = (Pod) object;
    PodSpec spec = pod.specOrEmpty();
    PodStatus status = pod.status().orElse(null);
    Summary s = summarize(pod, now);
    List<String> cells = new ArrayList<>();
    cells.add(pod.metadata().nameOrEmpty());
    cells.add(s.ready() + "/" + s.total());
    cells.add(s.status());
    cells.add(s.restarts());
    cells.add(Cells.age(pod, now));
    if (wide) {
      String podIp = status == null ? "" : status.podIPs().stream().findFirst().flatMap(PodIP::ip).orElse("");
      String node = spec.nodeName().orElse("");
      String nominated = status == null ? "" : status.nominatedNodeName().orElse("");
      cells.add(podIp.isEmpty() ? "<none>" : podIp);
      cells.add(node.isEmpty() ? "<none>" : node);
      cells.add(nominated.isEmpty() ? "<none>" : nominated);
      cells.add(readinessGates(spec, status));
    }
    return cells;
  }

  /** The READY, STATUS and RESTARTS cells of a pod, as {@code printPod} computes them. */
  public record Summary(int ready, int total, String status, String restarts) {}

  /** Computes READY, STATUS and RESTARTS as {@code printPod} does. */
  public static Summary summarize(Pod pod, Instant now) {
    PodSpec spec = pod.specOrEmpty();
    PodStatus status = pod.status().orElse(null);
    int restarts = 0;
    int restartableInitRestarts = 0;
    int total = spec.containers().size();
    int ready = 0;
    Instant lastRestart = null;
    Instant lastRestartableInitRestart = null;

    // An object the API server has stored always has a phase; one without status is new.
    String phase = status == null ? "" : status.phase().orElse("");
    if (phase.isEmpty()) {
      phase = "Pending";
    }
    String reason = phase;
    if (status != null && status.reason().filter(r -> !r.isEmpty()).isPresent()) {
      reason = status.reason().get();
    }
    List<PodCondition> conditions = status == null ? List.of() : status.conditions();
    for (PodCondition c : conditions) {
      if (c.type().filter("PodScheduled"::equals).isPresent()
          && c.reason().filter("SchedulingGated"::equals).isPresent()) {
        reason = "SchedulingGated";
      }
    }

    Map<String, Container> initContainers = new HashMap<>();
    for (Container c : spec.initContainers()) {
      initContainers.put(c.name().orElse(""), c);
      if (isRestartable(c)) {
        total++;
      }
    }

    boolean initializing = false;
    List<ContainerStatus> initStatuses = status == null ? List.of() : status.initContainerStatuses();
    for (int i = 0; i < initStatuses.size(); i++) {
      ContainerStatus c = initStatuses.get(i);
      int count = c.restartCount().orElse(0);
      restarts += count;
      Instant finished = lastFinished(c);
      if (finished != null && (lastRestart == null || lastRestart.isBefore(finished))) {
        lastRestart = finished;
      }
      boolean restartable = isRestartable(initContainers.get(c.name().orElse("")));
      if (restartable) {
        restartableInitRestarts += count;
        if (finished != null && (lastRestartableInitRestart == null || lastRestartableInitRestart.isBefore(finished))) {
          lastRestartableInitRestart = finished;
        }
      }
      ContainerState state = c.state().orElse(new ContainerState(null, null, null));
      Optional<ContainerStateTerminated> terminated = state.terminated();
      if (terminated.isPresent() && terminated.get().exitCode().orElse(0) == 0) {
        continue;
      }
      if (restartable && c.started().orElse(false)) {
        if (c.ready().orElse(false)) {
          ready++;
        }
        continue;
      }
      if (terminated.isPresent()) {
        ContainerStateTerminated t = terminated.get();
        if (t.reason().orElse("").isEmpty()) {
          reason = t.signal().orElse(0) != 0 ? "Init:Signal:" + t.signal().get() : "Init:ExitCode:" + t.exitCode().orElse(0);
        } else {
          reason = "Init:" + t.reason().get();
        }
      } else if (state.waiting().flatMap(w -> w.reason()).filter(r -> !r.isEmpty() && !r.equals("PodInitializing")).isPresent()) {
        reason = "Init:" + state.waiting().get().reason().get();
      } else {
        reason = "Init:" + i + "/" + spec.initContainers().size();
      }
      initializing = true;
      break;
    }

    if (!initializing || conditionTrue(conditions, "Initialized")) {
      restarts = restartableInitRestarts;
      lastRestart = lastRestartableInitRestart;
      boolean hasRunning = false;
      List<ContainerStatus> statuses = status == null ? List.of() : status.containerStatuses();
      for (int i = statuses.size() - 1; i >= 0; i--) {
        ContainerStatus c = statuses.get(i);
        restarts += c.restartCount().orElse(0);
        Instant finished = lastFinished(c);
        if (finished != null && (lastRestart == null || lastRestart.isBefore(finished))) {
          lastRestart = finished;
        }
        ContainerState state = c.state().orElse(new ContainerState(null, null, null));
        Optional<String> waitingReason = state.waiting().flatMap(w -> w.reason()).filter(r -> !r.isEmpty());
        Optional<ContainerStateTerminated> terminated = state.terminated();
        if (waitingReason.isPresent()) {
          reason = waitingReason.get();
        } else if (terminated.isPresent() && !terminated.get().reason().orElse("").isEmpty()) {
          reason = terminated.get().reason().get();
        } else if (terminated.isPresent()) {
          ContainerStateTerminated t = terminated.get();
          reason = t.signal().orElse(0) != 0 ? "Signal:" + t.signal().get() : "ExitCode:" + t.exitCode().orElse(0);
        } else if (c.ready().orElse(false) && state.running().isPresent()) {
          hasRunning = true;
          ready++;
        }
      }
      // change pod status back to "Running" if there is at least one container still reporting as "Running" status
      if (reason.equals("Completed") && hasRunning) {
        reason = conditionTrue(conditions, "Ready") ? "Running" : "NotReady";
      }
    }

    boolean deleting = pod.metadata().deletionTimestamp().isPresent();
    String statusReason = status == null ? "" : status.reason().orElse("");
    if (deleting && statusReason.equals("NodeLost")) {
      reason = "Unknown";
    } else if (deleting && !phase.equals("Succeeded") && !phase.equals("Failed")) {
      reason = "Terminating";
    }

    String restartsCell = Integer.toString(restarts);
    if (restarts != 0 && lastRestart != null) {
      restartsCell = restarts + " (" + HumanDuration.translateTimestampSince(lastRestart, now) + " ago)";
    }
    return new Summary(ready, total, reason, restartsCell);
  }

  private static String readinessGates(PodSpec spec, PodStatus status) {
    if (spec.readinessGates().isEmpty()) {
      return "<none>";
    }
    int trueConditions = 0;
    for (Object gate : spec.readinessGates()) {
      Object type = gate instanceof Map<?, ?> m ? m.get("conditionType") : null;
      if (status == null) {
        continue;
      }
      for (PodCondition c : status.conditions()) {
        if (c.type().filter(t -> t.equals(type)).isPresent()) {
          if (c.status().filter("True"::equals).isPresent()) {
            trueConditions++;
          }
          break;
        }
      }
    }
    return trueConditions + "/" + spec.readinessGates().size();
  }

  private static boolean isRestartable(Container c) {
    return c != null && c.restartPolicy().filter("Always"::equals).isPresent();
  }

  private static Instant lastFinished(ContainerStatus c) {
    return c.lastState().flatMap(ContainerState::terminated).map(t -> Cells.instant(t.finishedAt())).orElse(null);
  }

  private static boolean conditionTrue(List<PodCondition> conditions, String type) {
    for (PodCondition c : conditions) {
      if (c.type().filter(type::equals).isPresent() && c.status().filter("True"::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
