package dev.kubesim.impl.apiserver;

import dev.kubesim.api.model.ContainerStatus;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodCondition;
import dev.kubesim.api.model.PodStatus;
import java.util.Optional;

/** Facts about a pod that controllers decide on, as k8s.io/kubernetes/pkg/api/v1/pod does them. */
public final class PodStates {
  private PodStates() {}

  public static String phase(Pod pod) {
    return pod.status().flatMap(PodStatus::phase).orElse("Pending");
  }

  /** Not terminating and not finished: the pods a ReplicaSet counts. */
  public static boolean isActive(Pod pod) {
    String phase = phase(pod);
    return pod.metadata().deletionTimestamp().isEmpty() && !phase.equals("Succeeded") && !phase.equals("Failed");
  }

  public static boolean isTerminating(Pod pod) {
    return pod.metadata().deletionTimestamp().isPresent();
  }

  /** The pod's condition of a type, if it has one. */
  public static Optional<PodCondition> condition(Pod pod, String type) {
    // Controllers ask this on every pod event: a loop, not a stream.
    if (pod.status().isEmpty()) {
      return Optional.empty();
    }
    for (PodCondition c : pod.status().get().conditions()) {
      if (c.type().isPresent() && c.type().get().equals(type)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The Ready condition is True. */
  public static boolean isReady(Pod pod) {
    return condition(pod, "Ready").flatMap(PodCondition::status).filter("True"::equals).isPresent();
  }

  /** The virtual second since which the pod is Ready, or empty. */
  public static Optional<String> readySince(Pod pod) {
    return condition(pod, "Ready")
        .filter(c -> c.status().filter("True"::equals).isPresent())
        .flatMap(PodCondition::lastTransitionTime);
  }

  public static boolean isScheduled(Pod pod) {
    return pod.spec().flatMap(s -> s.nodeName()).filter(n -> !n.isEmpty()).isPresent();
  }

  public static String nodeName(Pod pod) {
    return pod.spec().flatMap(s -> s.nodeName()).orElse("");
  }

  /** The sum of the containers' restart counts. */
  public static int restarts(Pod pod) {
    return pod.status().stream()
        .flatMap(s -> s.containerStatuses().stream())
        .mapToInt(c -> c.restartCount().orElse(0))
        .sum();
  }

  /** How many containers report ready. */
  public static long readyContainers(Pod pod) {
    return pod.status().stream()
        .flatMap(s -> s.containerStatuses().stream())
        .filter(c -> c.ready().orElse(false))
        .count();
  }

  static Optional<ContainerStatus> firstContainer(Pod pod) {
    return pod.status().flatMap(s -> s.containerStatuses().stream().findFirst());
  }
}
