package dev.kubesim.samples.conformance;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.model.ContainerState;
import dev.kubesim.api.model.ContainerStatus;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The format's settling rule: after the manifests and after every action, virtual time runs until
 * no controller has work pending and every pod on its way to Running has got there — or is waiting
 * for something only a later step can provide (a ConfigMap or Secret that does not exist yet, an
 * init container looping until a Service appears, a missing environment key).
 *
 * <p>A pod is on its way while it is Pending with an init container running, or with containers
 * being created ({@code ContainerCreating}, {@code PodInitializing}, {@code
 * CreateContainerConfigError}). Time runs on in steps of {@link #STEP} while such a pod exists; it
 * counts as waiting once its status has not changed for {@link #QUIET} (longer than the kubelet's
 * longest retry of a failed mount, 2m2s), and the whole wait is bounded by {@link #LIMIT}.
 */
final class Settling {
  static final Duration STEP = Duration.ofSeconds(1);
  static final Duration QUIET = Duration.ofSeconds(150);
  static final Duration LIMIT = Duration.ofMinutes(15);
  private static final Set<String> CREATING = Set.of("ContainerCreating", "PodInitializing", "CreateContainerConfigError");

  private Settling() {}

  /** Settles the cluster as the rule says. */
  static void settle(Cluster cluster) {
    cluster.settle();
    List<Object> seen = onTheirWay(cluster);
    long quiet = 0;
    long waited = 0;
    while (!seen.isEmpty() && quiet < QUIET.toSeconds() && waited < LIMIT.toSeconds()) {
      cluster.advance(STEP);
      cluster.settle();
      waited += STEP.toSeconds();
      List<Object> now = onTheirWay(cluster);
      quiet = now.equals(seen) ? quiet + STEP.toSeconds() : 0;
      seen = now;
    }
  }

  /** The pods on their way to Running, with their statuses (to tell when nothing changes). */
  private static List<Object> onTheirWay(Cluster cluster) {
    List<Object> out = new ArrayList<>();
    for (Pod pod : cluster.listAll(Pod.class)) {
      PodStatus status = pod.status().orElse(null);
      if (status == null || pod.metadata().deletionTimestamp().isPresent()
          || pod.spec().flatMap(s -> s.nodeName()).orElse("").isEmpty()
          || !status.phase().orElse("Pending").equals("Pending")) {
        continue;
      }
      boolean initRunning = status.initContainerStatuses().stream()
          .anyMatch(c -> c.state().flatMap(ContainerState::running).isPresent() && !c.started().orElse(false));
      boolean creating = status.initContainerStatuses().stream().anyMatch(Settling::creating)
          || status.containerStatuses().stream().anyMatch(Settling::creating);
      if (initRunning || creating) {
        out.add(pod.metadata().namespace().orElse("") + "/" + pod.metadata().nameOrEmpty());
        out.add(status);
      }
    }
    return out;
  }

  private static boolean creating(ContainerStatus c) {
    return c.state().flatMap(ContainerState::waiting).flatMap(w -> w.reason()).filter(CREATING::contains).isPresent();
  }
}
