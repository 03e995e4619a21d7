package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubectl rollout status daemonset/NAME}: the {@code DaemonSetStatusViewer}'s messages
 * ({@code Waiting for daemon set "x" rollout to finish: 1 of 3 updated pods are available...},
 * {@code daemon set "x" successfully rolled out}), printed when they change while virtual time runs
 * a second at a time. Only RollingUpdate DaemonSets have a rollout status. The real command waits
 * without end for a rollout that makes no progress; here, without {@code --timeout}, it gives up
 * as a timeout does once the message has not changed for ten virtual minutes. {@code kubectl
 * rollout restart daemonset/NAME} stamps the template with {@code kubectl.kubernetes.io/restartedAt},
 * which rolls every pod.
 */
final class DaemonSetRollout {
  private static final Duration STEP = Duration.ofSeconds(1);
  private static final Duration STALL = Duration.ofMinutes(10);

  private DaemonSetRollout() {}

  static boolean handles(KubeObject object) {
    return object instanceof GenericObject && object.kind().equals("DaemonSet");
  }

  /** {@code rollout restart}: the template's {@code kubectl.kubernetes.io/restartedAt} annotation set to now. */
  @SuppressWarnings("unchecked")
  static void restart(CommandContext ctx, KubeObject object) {
    GenericObject ds = (GenericObject) object;
    Map<String, Object> content = new LinkedHashMap<>(ds.content());
    Map<String, Object> spec = new LinkedHashMap<>(content.get("spec") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    Map<String, Object> template = new LinkedHashMap<>(
        spec.get("template") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    Map<String, Object> metadata = new LinkedHashMap<>(
        template.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    Map<String, Object> annotations = new LinkedHashMap<>(
        metadata.get("annotations") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    annotations.put("kubectl.kubernetes.io/restartedAt", ctx.cluster().loop().clock().timestamp());
    metadata.put("annotations", annotations);
    template.put("metadata", metadata);
    spec.put("template", template);
    content.put("spec", spec);
    ctx.api().update(new GenericObject(ds.apiVersion(), ds.kind(), ds.metadata(), content));
    ctx.out().out("daemonset.apps/" + ds.metadata().nameOrEmpty() + " restarted\n");
  }

  static void run(CommandContext ctx, KubeObject object) {
    boolean watch = !ctx.args().has("watch") || ctx.args().bool("watch");
    Duration timeout = GoDuration.flag(ctx.args(), "timeout", Duration.ZERO);
    String namespace = object.metadata().namespace().orElse("default");
    String name = object.metadata().nameOrEmpty();
    Duration waited = Duration.ZERO;
    Duration sinceChange = Duration.ZERO;
    String last = "";
    while (true) {
      Optional<KubeObject> current = ctx.api().get("DaemonSet", namespace, name);
      if (current.isEmpty()) {
        throw KubectlException.error("object has been deleted");
      }
      Map<?, ?> content = ((GenericObject) current.get()).content();
      Map<?, ?> spec = content.get("spec") instanceof Map<?, ?> m ? m : Map.of();
      Map<?, ?> strategy = spec.get("updateStrategy") instanceof Map<?, ?> m ? m : Map.of();
      if (!"RollingUpdate".equals(strategy.get("type"))) {
        throw KubectlException.error("rollout status is only available for RollingUpdate strategy type");
      }
      Map<?, ?> status = content.get("status") instanceof Map<?, ?> m ? m : Map.of();
      long generation = current.get().metadata().generation().orElse(0L);
      long desired = number(status, "desiredNumberScheduled");
      long updated = number(status, "updatedNumberScheduled");
      long available = number(status, "numberAvailable");
      boolean done = false;
      String text;
      if (generation > number(status, "observedGeneration")) {
        text = "Waiting for daemon set spec update to be observed...\n";
      } else if (updated < desired) {
        text = "Waiting for daemon set \"" + name + "\" rollout to finish: " + updated + " out of " + desired
            + " new pods have been updated...\n";
      } else if (available < desired) {
        text = "Waiting for daemon set \"" + name + "\" rollout to finish: " + available + " of " + desired
            + " updated pods are available...\n";
      } else {
        text = "daemon set \"" + name + "\" successfully rolled out\n";
        done = true;
      }
      if (!text.equals(last)) {
        ctx.out().out(text);
        last = text;
        sinceChange = Duration.ZERO;
      }
      if (done || !watch) {
        return;
      }
      if ((!timeout.isZero() && waited.compareTo(timeout) >= 0) || sinceChange.compareTo(STALL) >= 0) {
        throw KubectlException.error("timed out waiting for the condition");
      }
      ctx.cluster().loop().advance(STEP);
      waited = waited.plus(STEP);
      sinceChange = sinceChange.plus(STEP);
    }
  }

  private static long number(Map<?, ?> status, String field) {
    return status.get(field) instanceof Number n ? n.longValue() : 0;
  }
}
