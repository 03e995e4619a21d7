package dev.kubesim.impl.apiserver;

import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodStatus;
import java.util.Optional;

/**
 * The pod registry's graceful deletion rule ({@code CheckGracefulDelete}): a pod bound to a node
 * and not finished gets its grace period (the request's, else {@code
 * terminationGracePeriodSeconds}, 30 by default); an unscheduled or finished pod goes at once.
 */
final class PodDeletion {
  private static final long DEFAULT_GRACE_SECONDS = 30;

  private PodDeletion() {}

  static long gracePeriod(Pod pod, Optional<Long> requested) {
    long grace = requested.orElseGet(
        () -> pod.spec().flatMap(PodSpec::terminationGracePeriodSeconds).orElse(DEFAULT_GRACE_SECONDS));
    boolean scheduled = pod.spec().flatMap(PodSpec::nodeName).filter(n -> !n.isEmpty()).isPresent();
    String phase = pod.status().flatMap(PodStatus::phase).orElse("Pending");
    if (!scheduled || phase.equals("Succeeded") || phase.equals("Failed")) {
      return 0;
    }
    return Math.max(0, grace);
  }
}
