package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.ContainerState;
import dev.kubesim.api.model.ContainerStateRunning;
import dev.kubesim.api.model.ContainerStateWaiting;
import dev.kubesim.api.model.ContainerStatus;
import dev.kubesim.api.model.HostIP;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodCondition;
import dev.kubesim.api.model.PodIP;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.sim.EventLoop;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status of one pod as the kubelet reports it, as its {@code status.Manager} and {@code
 * generateAPIPodStatus} make it: the phase, the conditions (PodReadyToStartContainers,
 * Initialized, Ready, ContainersReady, PodScheduled) with their transition times, the container
 * and init container statuses, the host and pod IPs, and the write to the API server when anything
 * changed. The {@link PodWorker} drives the pod's lifecycle and tells it when to write.
 */
final class StatusManager {
  /**
   * What the pod worker knows of the pod besides its containers when the status is written.
   *
   * @param sandboxReady the volumes are set up and the sandbox (IP, resolv.conf) exists
   * @param appsStarted the init containers are done and the containers were started
   * @param initFailed an init container failed under restartPolicy Never
   * @param podIP the pod's IP, or null before the sandbox
   * @param startTime when the kubelet took the pod, as an RFC 3339 timestamp
   */
  record PodProgress(boolean sandboxReady, boolean appsStarted, boolean initFailed, String podIP, String startTime) {}

  private final Kubelet kubelet;
  private final ObjectKey key;
  private final Map<String, ContainerRun> containers;
  private final Map<String, ContainerRun> inits;

  /** A status manager for the pod {@code key}, reading the worker's live container maps. */
  StatusManager(Kubelet kubelet, ObjectKey key, Map<String, ContainerRun> containers, Map<String, ContainerRun> inits) {
    this.kubelet = kubelet;
    this.key = key;
    this.containers = containers;
    this.inits = inits;
  }

  private EventLoop loop() {
    return kubelet.api().loop();
  }

  private Optional<Pod> current() {
    return kubelet.api().get(Pod.KIND, key.namespace(), key.name()).map(Pod.class::cast);
  }

  /**
   * Builds the pod's status from its containers and {@code progress} ({@code generateAPIPodStatus})
   * and writes it to the API server when it differs from the stored one: conditions keep their
   * transition times while their status holds.
   */
  void writeStatus(PodProgress progress) {
    Pod pod = current().orElse(null);
    if (pod == null) {
      return;
    }
    PodStatus old = pod.status().orElseGet(PodStatus::empty);
    List<ContainerRun> readiness = new ArrayList<>();
    inits.values().stream().filter(c -> c.sidecar).forEach(readiness::add);
    readiness.addAll(containers.values());
    boolean allRunning = progress.sandboxReady() && readiness.stream().allMatch(c -> c.running);
    boolean allReady = allRunning && readiness.stream().allMatch(c -> c.ready);
    List<String> unready = readiness.stream().filter(c -> !c.ready).map(ContainerRun::name).toList();
    String unreadyMessage = "containers with unready status: [" + String.join(" ", unready) + "]";
    List<String> incomplete = inits.values().stream().filter(c -> c.sidecar ? !c.started : !c.completed())
        .map(ContainerRun::name).toList();
    boolean initialized = incomplete.isEmpty();
    List<PodCondition> conditions = new ArrayList<>();
    conditions.add(condition(old, "PodReadyToStartContainers", progress.sandboxReady(), null, null));
    conditions.add(condition(old, "Initialized", initialized, initialized ? null : "ContainersNotInitialized",
        initialized ? null : "containers with incomplete status: [" + String.join(" ", incomplete) + "]"));
    conditions.add(condition(old, "Ready", allReady, allReady ? null : "ContainersNotReady", allReady ? null : unreadyMessage));
    conditions.add(condition(old, "ContainersReady", allReady, allReady ? null : "ContainersNotReady", allReady ? null : unreadyMessage));
    conditions.add(condition(old, "PodScheduled", true, null, null));
    List<ContainerStatus> statuses = new ArrayList<>();
    for (ContainerRun c : containers.values()) {
      statuses.add(containerStatus(c));
    }
    statuses.sort(Comparator.comparing(s -> s.name().orElse("")));
    List<ContainerStatus> initStatuses = new ArrayList<>();
    for (ContainerRun c : inits.values()) {
      initStatuses.add(containerStatus(c));
    }
    PodStatus.Builder b = old.toBuilder()
        .initContainerStatuses(initStatuses)
        .phase(phase(progress))
        .conditions(conditions)
        .hostIP(kubelet.hostIP())
        .hostIPs(List.of(new HostIP(Optional.of(kubelet.hostIP()))))
        .startTime(progress.startTime())
        .containerStatuses(statuses); // qosClass stays as admission computed it: the kubelet never rewrites it
    if (progress.podIP() != null) {
      b.podIP(progress.podIP()).podIPs(List.of(new PodIP(Optional.of(progress.podIP()))));
    }
    PodStatus status = b.build();
    if (!status.equals(old)) {
      kubelet.api().write(pod.withStatus(status));
    }
  }

  private String phase(PodProgress progress) {
    if (progress.initFailed()) {
      return "Failed";
    }
    if (!progress.sandboxReady() || !progress.appsStarted()) {
      return "Pending";
    }
    if (!containers.isEmpty() && containers.values().stream().allMatch(c -> c.finished)) {
      boolean allZero = containers.values().stream().allMatch(c -> c.terminatedState.exitCode().orElse(1) == 0);
      return allZero ? "Succeeded" : "Failed";
    }
    // getPhase: a container waiting that never ran (its image or configuration is missing) keeps the pod Pending
    if (containers.values().stream().anyMatch(c -> !c.running && !c.finished && c.lastTermination == null)) {
      return "Pending";
    }
    return "Running";
  }

  private PodCondition condition(PodStatus old, String type, boolean value, String reason, String message) {
    String status = value ? "True" : "False";
    String transition = null;
    for (PodCondition c : old.conditions()) {
      if (c.type().filter(type::equals).isPresent() && c.status().filter(status::equals).isPresent()) {
        transition = c.lastTransitionTime().orElse(null);
        break;
      }
    }
    if (transition == null) {
      transition = loop().clock().timestamp();
    }
    return new PodCondition(Optional.of(type), Optional.empty(), Optional.of(status), Optional.empty(), Optional.of(transition),
        Optional.ofNullable(reason), Optional.ofNullable(message));
  }

  private ContainerStatus containerStatus(ContainerRun c) {
    ContainerState state;
    if (c.running) {
      state = new ContainerState(Optional.empty(), Optional.of(new ContainerStateRunning(Optional.of(c.startedAt))), Optional.empty());
    } else if (c.finished) {
      state = new ContainerState(Optional.empty(), Optional.empty(), Optional.of(c.terminatedState));
    } else {
      state = new ContainerState(Optional.of(new ContainerStateWaiting(Optional.ofNullable(c.waitingReason), Optional.ofNullable(c.waitingMessage))),
          Optional.empty(), Optional.empty());
    }
    ContainerState last = new ContainerState(Optional.empty(), Optional.empty(), Optional.ofNullable(c.lastTermination));
    // a container never created reports its image as the spec writes it (convertToAPIContainerStatuses)
    String image = c.runtime != null ? c.runtime.statusImage() : c.spec.image().orElse("");
    boolean created = c.running || c.restarts > 0 || c.finished;
    return new ContainerStatus(Optional.of(c.name()), Optional.of(state), Optional.of(last), Optional.of(c.ready || c.completed()),
        Optional.of(c.restartCount), Optional.of(image), Optional.of(created ? kubelet.imageIds().imageId(image) : ""),
        created ? Optional.of(c.containerId(key)) : Optional.empty(), Optional.of(c.started && c.running),
        Map.of(), Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty());
  }
}
