package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.DeploymentSpec;
import dev.kubesim.api.model.DeploymentStatus;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubectl rollout status deployment/NAME} (and {@code statefulset/NAME}): prints the {@code DeploymentStatusViewer}'s
 * message ({@code Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are
 * available...}) and, with {@code --watch} (the default), lets the cluster's virtual time run until
 * the rollout is done ({@code deployment "web" successfully rolled out}), as the real command
 * waits on a watch.
 *
 * <p>The real command prints the message on every change of the Deployment; here the cluster is
 * looked at each virtual second and a message is printed when it differs from the last one. The
 * deployment controller ends a rollout that makes no progress for {@code progressDeadlineSeconds}
 * (600 s) with {@code Progressing=False/ProgressDeadlineExceeded}, which this command reports as
 * {@code deployment "web" exceeded its progress deadline}.
 */
final class RolloutStatus {
  private static final Duration STEP = Duration.ofSeconds(1);

  private RolloutStatus() {}

  static void run(CommandContext ctx, KubeObject object) {
    if (object instanceof GenericObject g && g.kind().equals("StatefulSet")) {
      runStatefulSet(ctx, g);
      return;
    }
    if (DaemonSetRollout.handles(object)) {
      DaemonSetRollout.run(ctx, object);
      return;
    }
    if (!(object instanceof Deployment deployment)) {
      throw KubectlException.error("no status viewer has been implemented for " + DeploymentHistory.groupKind(object));
    }
    long revision = ctx.args().integer("revision", 0);
    if (revision < 0) {
      throw KubectlException.error("revision must be a positive integer: " + revision);
    }
    boolean watch = !ctx.args().has("watch") || ctx.args().bool("watch");
    Duration timeout = GoDuration.flag(ctx.args(), "timeout", Duration.ZERO);
    String namespace = deployment.metadata().namespace().orElse("default");
    String name = deployment.metadata().nameOrEmpty();
    Duration waited = Duration.ZERO;
    String last = "";
    while (true) {
      Optional<KubeObject> current = ctx.api().get(Deployment.KIND, namespace, name);
      if (current.isEmpty()) {
        throw KubectlException.error("object has been deleted");
      }
      Deployment d = (Deployment) current.get();
      Status status = status(d, revision);
      if (!status.text().equals(last)) {
        ctx.out().out(status.text());
        last = status.text();
      }
      if (status.done() || !watch) {
        return;
      }
      if (!timeout.isZero() && waited.compareTo(timeout) >= 0) {
        throw KubectlException.error("timed out waiting for the condition");
      }
      ctx.cluster().loop().advance(STEP);
      waited = waited.plus(STEP);
    }
  }

  /**
   * {@code StatefulSetStatusViewer}: the set's status as it changes, until its pods are ready and
   * updated (down to the partition, when the update strategy has a {@code rollingUpdate}).
   */
  private static void runStatefulSet(CommandContext ctx, GenericObject set) {
    boolean watch = !ctx.args().has("watch") || ctx.args().bool("watch");
    Duration timeout = GoDuration.flag(ctx.args(), "timeout", Duration.ZERO);
    String namespace = set.metadata().namespace().orElse("default");
    String name = set.metadata().nameOrEmpty();
    Duration waited = Duration.ZERO;
    String last = "";
    while (true) {
      Optional<KubeObject> current = ctx.api().get("StatefulSet", namespace, name);
      if (current.isEmpty()) {
        throw KubectlException.error("object has been deleted");
      }
      Status status = statefulSetStatus((GenericObject) current.get());
      if (!status.text().equals(last)) {
        ctx.out().out(status.text());
        last = status.text();
      }
      if (status.done() || !watch) {
        return;
      }
      if (!timeout.isZero() && waited.compareTo(timeout) >= 0) {
        throw KubectlException.error("timed out waiting for the condition");
      }
      ctx.cluster().loop().advance(STEP);
      waited = waited.plus(STEP);
    }
  }

  private static Status statefulSetStatus(GenericObject sts) {
    Map<?, ?> spec = sts.content().get("spec") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> status = sts.content().get("status") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> strategy = spec.get("updateStrategy") instanceof Map<?, ?> m ? m : Map.of();
    if (!"RollingUpdate".equals(strategy.get("type"))) {
      throw KubectlException.error("rollout status is only available for RollingUpdate strategy type");
    }
    long observed = status.get("observedGeneration") instanceof Number n ? n.longValue() : 0;
    if (observed == 0 || sts.metadata().generation().orElse(0L) > observed) {
      return Status.waiting("Waiting for statefulset spec update to be observed...\n");
    }
    Integer replicas = spec.get("replicas") instanceof Number n ? n.intValue() : null;
    int ready = number(status.get("readyReplicas"));
    int updated = number(status.get("updatedReplicas"));
    if (replicas != null && ready < replicas) {
      return Status.waiting("Waiting for " + (replicas - ready) + " pods to be ready...\n");
    }
    if (strategy.get("rollingUpdate") instanceof Map<?, ?> rolling) {
      if (replicas != null && rolling.get("partition") instanceof Number partition && updated < replicas - partition.intValue()) {
        return Status.waiting("Waiting for partitioned roll out to finish: " + updated + " out of "
            + (replicas - partition.intValue()) + " new pods have been updated...\n");
      }
      return new Status("partitioned roll out complete: " + updated + " new pods have been updated...\n", true);
    }
    String updateRevision = String.valueOf(status.get("updateRevision") == null ? "" : status.get("updateRevision"));
    String currentRevision = String.valueOf(status.get("currentRevision") == null ? "" : status.get("currentRevision"));
    if (!updateRevision.equals(currentRevision)) {
      return Status.waiting("waiting for statefulset rolling update to complete " + updated + " pods at revision "
          + updateRevision + "...\n");
    }
    return new Status("statefulset rolling update complete " + number(status.get("currentReplicas")) + " pods at revision "
        + currentRevision + "...\n", true);
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }

  /** The viewer's answer: its message, and whether the rollout is done. */
  private record Status(String text, boolean done) {
    static Status waiting(String text) {
      return new Status(text, false);
    }
  }

  private static Status status(Deployment d, long revision) {
    String name = d.metadata().nameOrEmpty();
    if (revision > 0) {
      Optional<Long> current = DeploymentHistory.revision(d.metadata().annotations());
      if (current.isEmpty()) {
        throw KubectlException.error("cannot get the revision of deployment \"" + name + "\": "
            + revisionError(d.metadata().annotations()));
      }
      if (current.get() != revision) {
        throw KubectlException.error("desired revision (" + revision + ") is different from the running revision ("
            + current.get() + ")");
      }
    }
    DeploymentStatus s = d.status().orElse(new DeploymentStatus(null, null, null, null, null, null, null, null, null));
    long generation = d.metadata().generation().orElse(0L);
    if (generation > s.observedGeneration().orElse(0L)) {
      return Status.waiting("Waiting for deployment spec update to be observed...\n");
    }
    for (Object c : s.conditions()) {
      if (c instanceof Map<?, ?> m && "Progressing".equals(m.get("type")) && "ProgressDeadlineExceeded".equals(m.get("reason"))) {
        throw KubectlException.error("deployment \"" + name + "\" exceeded its progress deadline");
      }
    }
    int desired = d.spec().flatMap(DeploymentSpec::replicas).orElse(1);
    int updated = s.updatedReplicas().orElse(0);
    int replicas = s.replicas().orElse(0);
    int available = s.availableReplicas().orElse(0);
    if (updated < desired) {
      return Status.waiting("Waiting for deployment \"" + name + "\" rollout to finish: " + updated + " out of " + desired
          + " new replicas have been updated...\n");
    }
    if (replicas > updated) {
      return Status.waiting("Waiting for deployment \"" + name + "\" rollout to finish: " + (replicas - updated)
          + " old replicas are pending termination...\n");
    }
    if (available < updated) {
      return Status.waiting("Waiting for deployment \"" + name + "\" rollout to finish: " + available + " of " + updated
          + " updated replicas are available...\n");
    }
    return new Status("deployment \"" + name + "\" successfully rolled out\n", true);
  }

  private static String revisionError(Map<String, String> annotations) {
    String value = annotations.getOrDefault(Deployment.REVISION_ANNOTATION, "");
    return "strconv.ParseInt: parsing \"" + value + "\": invalid syntax";
  }
}
