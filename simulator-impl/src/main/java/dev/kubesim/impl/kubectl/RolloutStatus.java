package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.DeploymentSpec;
import dev.kubesim.api.model.DeploymentStatus;
import dev.kubesim.api.model.KubeObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubectl rollout status deployment/NAME}: prints the {@code DeploymentStatusViewer}'s
 * message ({@code Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are
 * available...}) and, with {@code --watch} (the default), lets the cluster's virtual time run until
 * the rollout is done ({@code deployment "web" successfully rolled out}), as the real command
 * waits on a watch.
 *
 * <p>The real command prints the message on every change of the Deployment; here the cluster is
 * looked at each virtual second and a message is printed when it differs from the last one. The
 * real deployment controller ends a rollout that makes no progress for {@code
 * progressDeadlineSeconds} (600 s) with {@code ProgressDeadlineExceeded}, which this command then
 * reports; kubesim's controller does not set that condition, so the command applies the same
 * deadline itself, counted from the last change of message.
 */
final class RolloutStatus {
  private static final Duration STEP = Duration.ofSeconds(1);

  private RolloutStatus() {}

  static void run(CommandContext ctx, KubeObject object) {
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
    Duration deadline = Duration.ofSeconds(deployment.spec().flatMap(DeploymentSpec::progressDeadlineSeconds).orElse(600));
    Duration waited = Duration.ZERO;
    Duration sinceChange = Duration.ZERO;
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
        sinceChange = Duration.ZERO;
      }
      if (status.done() || !watch) {
        return;
      }
      if (!timeout.isZero() && waited.compareTo(timeout) >= 0) {
        throw KubectlException.error("timed out waiting for the condition");
      }
      if (sinceChange.compareTo(deadline) >= 0) {
        throw KubectlException.error("deployment \"" + name + "\" exceeded its progress deadline");
      }
      ctx.cluster().loop().advance(STEP);
      waited = waited.plus(STEP);
      sinceChange = sinceChange.plus(STEP);
    }
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
