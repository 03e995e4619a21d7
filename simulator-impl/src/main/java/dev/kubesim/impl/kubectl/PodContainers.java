package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** kubectl's {@code podcmd}: the container a command acts on when none is named, and the names to list. */
final class PodContainers {
  static final String DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container";

  private PodContainers() {}

  /** Whether the pod has a container, init container or ephemeral container of this name. */
  static boolean has(Pod pod, String name) {
    PodSpec spec = pod.specOrEmpty();
    return names(spec.containers()).contains(name) || names(spec.initContainers()).contains(name)
        || spec.ephemeralContainers().stream().anyMatch(e -> e instanceof Map<?, ?> m && name.equals(m.get("name")));
  }

  /** {@code AllContainerNames}: {@code app, sidecar, debug (ephem), setup (init)}. */
  static String allNames(Pod pod) {
    PodSpec spec = pod.specOrEmpty();
    List<String> out = new ArrayList<>(names(spec.containers()));
    for (Object e : spec.ephemeralContainers()) {
      if (e instanceof Map<?, ?> m) {
        out.add(m.get("name") + " (ephem)");
      }
    }
    names(spec.initContainers()).forEach(n -> out.add(n + " (init)"));
    return String.join(", ", out);
  }

  /**
   * The container named by the {@code default-container} annotation, else the first one; with
   * kubectl's {@code Defaulted container "a" out of: a, b} on standard error when there was a choice.
   */
  static String defaultContainer(Pod pod, boolean quiet, KubectlOutput out) {
    String annotated = pod.metadata().annotations().getOrDefault(DEFAULT_CONTAINER_ANNOTATION, "");
    if (!annotated.isEmpty() && has(pod, annotated)) {
      return annotated;
    }
    PodSpec spec = pod.specOrEmpty();
    String first = spec.containers().isEmpty() ? "" : spec.containers().get(0).name().orElse("");
    if (!quiet && (spec.containers().size() > 1 || !spec.initContainers().isEmpty() || !spec.ephemeralContainers().isEmpty())) {
      out.err("Defaulted container \"" + first + "\" out of: " + allNames(pod) + "\n");
    }
    return first;
  }

  private static List<String> names(List<Container> containers) {
    return containers.stream().map(c -> c.name().orElse("")).toList();
  }
}
