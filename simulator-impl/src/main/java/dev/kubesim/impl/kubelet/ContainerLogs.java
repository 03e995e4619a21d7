package dev.kubesim.impl.kubelet;

import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.model.ContainerState;
import dev.kubesim.api.model.ContainerStateTerminated;
import dev.kubesim.api.model.ContainerStateWaiting;
import dev.kubesim.api.model.ContainerStatus;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.program.LogLine;
import dev.kubesim.impl.program.RunningContainer;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The server side of {@code kubectl logs} (and of the API's {@code pods/log}): the API server's {@code LogLocation} (a pod with no node
 * has no logs yet: empty output) and the kubelet's {@code validateContainerLogStatus}, which picks
 * the container instance from the pod status — the running one, the last one that ended (also
 * while waiting in CrashLoopBackOff), or with {@code --previous} the one before — and refuses
 * with its own words otherwise ({@code container "kubia" in pod "x" is waiting to start:
 * ContainerCreating}).
 */
public final class ContainerLogs {
  private ContainerLogs() {}

  /**
   * The lines of the container instance a log request reads.
   *
   * @param kubelets the kubelet of a node, by name
   * @throws BadRequestException in the kubelet's words when there is no such instance yet
   */
  public static List<LogLine> of(Function<String, Optional<Kubelet>> kubelets, Pod pod, String container, boolean previous) {
    if (!PodStates.isScheduled(pod)) {
      return List.of();
    }
    Optional<Kubelet> kubelet = kubelets.apply(PodStates.nodeName(pod));
    String name = pod.metadata().nameOrEmpty();
    String namespace = pod.metadata().namespace().orElse("default");
    if (kubelet.isPresent() && !kubelet.get().isRunning()) {
      throw KubeletUnreachable.logs(kubelet.get(), namespace, name, container);
    }
    ContainerStatus status = status(pod, container).orElseThrow(() -> new BadRequestException(
        "container \"" + container + "\" in pod \"" + name + "\" is not available"));
    Optional<ContainerStateTerminated> last = status.lastState().flatMap(ContainerState::terminated)
        .filter(t -> t.containerID().filter(id -> !id.isEmpty()).isPresent());
    Optional<ContainerState> state = status.state();
    boolean running = state.flatMap(ContainerState::running).isPresent();
    Optional<ContainerStateTerminated> terminated = state.flatMap(ContainerState::terminated);
    Optional<PodWorker> worker = kubelet.flatMap(k -> k.worker(ObjectStore.keyOf(pod)));
    Optional<RunningContainer> instance;
    if (previous) {
      if (last.isEmpty()) {
        throw new BadRequestException("previous terminated container \"" + container + "\" in pod \"" + name + "\" not found");
      }
      // while running, the previous instance is the one before the restart; while waiting, the one that just ended
      instance = worker.flatMap(w -> running ? w.previousInstance(container) : w.lastInstance(container));
    } else if (running || terminated.isPresent() || last.isPresent()) {
      instance = worker.flatMap(w -> w.lastInstance(container));
    } else {
      String reason = state.flatMap(ContainerState::waiting).flatMap(ContainerStateWaiting::reason).orElse("");
      throw new BadRequestException(switch (reason) {
        case "ErrImagePull" -> "container \"" + container + "\" in pod \"" + name + "\" is waiting to start: image can't be pulled";
        case "ImagePullBackOff" ->
            "container \"" + container + "\" in pod \"" + name + "\" is waiting to start: trying and failing to pull image";
        case "" -> "container \"" + container + "\" in pod \"" + name + "\" is waiting to start - no logs yet";
        default -> "container \"" + container + "\" in pod \"" + name + "\" is waiting to start: " + reason;
      });
    }
    return instance.map(RunningContainer::logs).orElse(List.of());
  }

  private static Optional<ContainerStatus> status(Pod pod, String container) {
    PodStatus s = pod.status().orElse(null);
    if (s == null) {
      return Optional.empty();
    }
    return Stream.concat(s.containerStatuses().stream(), s.initContainerStatuses().stream())
        .filter(c -> c.name().filter(container::equals).isPresent())
        .findFirst();
  }
}
