package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.DeploymentSpec;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.ReplicationController;
import dev.kubesim.api.model.Service;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.labels.LabelSelectors;
import dev.kubesim.impl.sim.Timestamps;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The pod that {@code exec} and {@code logs} act on, from their {@code POD | TYPE/NAME} argument:
 * a pod by name, or, for a ReplicationController, ReplicaSet, Deployment, Job or Service, the first of
 * its pods in kubectl's {@code ByLogging} order (as {@code AttachablePodForObject} picks it).
 */
final class PodTarget {
  private PodTarget() {}

  /**
   * @throws dev.kubesim.api.NotFoundException for a missing pod or object
   * @throws KubectlException for a kind without pods, or an object with no pod
   */
  static Pod resolve(CommandContext ctx, String argument) {
    ApiServer api = ctx.api();
    int slash = argument.indexOf('/');
    if (slash < 0) {
      return (Pod) api.getOrThrow(Pod.KIND, ctx.namespace(), argument);
    }
    String type = argument.substring(0, slash);
    String name = argument.substring(slash + 1);
    KindInfo kind = ResourceTypes.resolve(ctx.api().kinds(), type)
        .orElseThrow(() -> KubectlException.error("the server doesn't have a resource type \"" + type + "\""));
    KubeObject object = api.getOrThrow(kind.kind(), ctx.namespace(), name);
    if (object instanceof Pod pod) {
      return pod;
    }
    Predicate<Map<String, String>> selector = selector(object)
        .orElseThrow(() -> KubectlException.error("cannot attach to *v1." + kind.kind() + ": selector for *v1." + kind.kind()
            + " not implemented"));
    return api.list(Pod.KIND, Optional.of(ctx.namespace())).stream()
        .map(Pod.class::cast)
        .filter(p -> selector.test(p.metadata().labels()))
        .min(BY_LOGGING)
        // GetFirstPod waits --pod-running-timeout for one to appear; nothing creates one meanwhile here
        .orElseThrow(() -> KubectlException.error("timed out waiting for the condition"));
  }

  private static Optional<Predicate<Map<String, String>>> selector(KubeObject o) {
    if (o instanceof ReplicationController rc) {
      Map<String, String> s = rc.specOrEmpty().selector();
      return Optional.of(labels -> LabelSelectors.matches(s, labels));
    }
    if (o instanceof ReplicaSet rs) {
      return rs.specOrEmpty().selector().map(s -> labels -> LabelSelectors.matches(s, labels));
    }
    if (o instanceof Deployment d) {
      return d.spec().flatMap(DeploymentSpec::selector).map(s -> labels -> LabelSelectors.matches(s, labels));
    }
    if (dev.kubesim.impl.apiserver.JobObjects.of(o).isPresent()) {
      Object raw = dev.kubesim.impl.apiserver.JobObjects.spec((dev.kubesim.api.model.GenericObject) o).get("selector");
      if (raw == null) {
        return Optional.empty();
      }
      dev.kubesim.api.model.LabelSelector s =
          dev.kubesim.impl.codec.ObjectCodec.mapper().convertValue(raw, dev.kubesim.api.model.LabelSelector.class);
      return Optional.of(labels -> LabelSelectors.matches(s, labels));
    }
    if (o instanceof Service svc) {
      Map<String, String> s = svc.specOrEmpty().selector();
      return s.isEmpty() ? Optional.empty() : Optional.of(labels -> LabelSelectors.matches(s, labels));
    }
    return Optional.empty();
  }

  /** {@code controller.ByLogging}: scheduled, Running before Unknown before Pending, ready, ready longer, more restarts, older. */
  static final Comparator<Pod> BY_LOGGING = Comparator.<Pod>comparingInt(p -> PodStates.isScheduled(p) ? 0 : 1)
      .thenComparingInt(p -> switch (PodStates.phase(p)) {
        case "Running" -> 0;
        case "Unknown" -> 1;
        default -> 2;
      })
      .thenComparingInt(p -> PodStates.isReady(p) ? 0 : 1)
      .thenComparing(p -> PodStates.readySince(p).map(Timestamps::parse).orElse(Instant.MAX))
      .thenComparingInt(p -> -PodStates.restarts(p))
      .thenComparing(p -> p.metadata().creationTimestamp().map(Timestamps::parse).orElse(Instant.MAX))
      .thenComparing(p -> p.metadata().nameOrEmpty());
}
