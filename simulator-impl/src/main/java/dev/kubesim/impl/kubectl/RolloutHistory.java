package dev.kubesim.impl.kubectl;

import com.google.common.collect.ImmutableSortedMap;
import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.DeploymentSpec;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.ReplicaSetSpec;
import dev.kubesim.impl.kubectl.describe.PodTemplateDescription;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.print.PrefixWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code kubectl rollout history}, {@code undo} and {@code restart} for Deployments, from the
 * revisions their ReplicaSets carry ({@code DeploymentHistoryViewer}, {@code DeploymentRollbacker},
 * {@code ObjectRestarter}). Undo writes the chosen ReplicaSet's pod template (without its {@code
 * pod-template-hash} label) and annotations back into the Deployment, as kubectl's JSON patch does;
 * the Deployment controller then rolls that ReplicaSet forward under a new revision number.
 */
final class RolloutHistory {
  /** Annotations undo keeps from the Deployment rather than copying them from the ReplicaSet. */
  private static final Set<String> KEPT_ON_UNDO = Set.of(PrefixWriter.LAST_APPLIED_CONFIG_ANNOTATION,
      Deployment.REVISION_ANNOTATION, "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
      "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to");
  private static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  private RolloutHistory() {}

  static void history(CommandContext ctx, KubeObject object) {
    if (!(object instanceof Deployment d)) {
      throw KubectlException.error("no history viewer has been implemented for \"" + DeploymentHistory.groupKind(object) + "\"");
    }
    long revision = ctx.args().integer("revision", 0);
    if (revision < 0) {
      throw KubectlException.error("revision must be a positive integer: " + revision);
    }
    TreeMap<Long, ReplicaSet> revisions = DeploymentHistory.revisions(ctx.api(), d);
    String info;
    if (revisions.isEmpty()) {
      info = "No rollout history found.";
    } else if (revision > 0) {
      ReplicaSet rs = revisions.get(revision);
      if (rs == null) {
        throw KubectlException.error("unable to find the specified revision");
      }
      info = PodTemplateDescription.of(template(rs));
    } else {
      info = Describer.tabbedString(w -> {
        w.write(PrefixWriter.LEVEL_0, "REVISION\tCHANGE-CAUSE\n");
        revisions.forEach((r, rs) -> {
          String cause = rs.metadata().annotations().getOrDefault(DeploymentHistory.CHANGE_CAUSE,
              template(rs).metadata().annotations().getOrDefault(DeploymentHistory.CHANGE_CAUSE, ""));
          w.write(PrefixWriter.LEVEL_0, "%d\t%s\n", r, cause.isEmpty() ? "<none>" : cause);
        });
      });
    }
    String withRevision = revision > 0 ? "with revision #" + revision : "";
    ctx.out().out(prefix(d) + " " + withRevision + "\n" + info + "\n");
  }

  static void undo(CommandContext ctx, KubeObject object) {
    if (!(object instanceof Deployment d)) {
      throw KubectlException.error("no rollbacker has been implemented for \"" + DeploymentHistory.groupKind(object) + "\"");
    }
    long toRevision = ctx.args().integer("to-revision", 0);
    if (toRevision < 0) {
      throw KubectlException.error("unable to find specified revision " + toRevision + " in history");
    }
    TreeMap<Long, ReplicaSet> revisions = DeploymentHistory.revisions(ctx.api(), d);
    ReplicaSet target;
    if (toRevision > 0) {
      target = revisions.get(toRevision);
      if (target == null) {
        throw KubectlException.error("unable to find specified revision " + toRevision + " in history");
      }
    } else {
      Long latest = revisions.isEmpty() ? null : revisions.lastKey();
      Long previous = latest == null ? null : revisions.lowerKey(latest);
      if (previous == null) {
        throw KubectlException.error("no rollout history found for deployment \"" + d.metadata().nameOrEmpty() + "\"");
      }
      target = revisions.get(previous);
    }
    DeploymentSpec spec = d.specOrEmpty();
    if (spec.paused().orElse(false)) {
      throw KubectlException.error("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume "
          + "deployment/" + d.metadata().nameOrEmpty() + "' and try again");
    }
    PodTemplateSpec restored = withoutHash(template(target));
    if (spec.template().map(RolloutHistory::withoutHash).filter(restored::equals).isPresent()) {
      ctx.out().out(prefix(d) + " skipped rollback (current template already matches revision " + toRevision + ")\n");
      return;
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    d.metadata().annotations().forEach((k, v) -> {
      if (KEPT_ON_UNDO.contains(k)) {
        annotations.put(k, v);
      }
    });
    target.metadata().annotations().forEach((k, v) -> {
      if (!KEPT_ON_UNDO.contains(k)) {
        annotations.put(k, v);
      }
    });
    ctx.api().update(d.withSpec(spec.withTemplate(restored))
        .withMetadata(d.metadata().toBuilder().annotations(ImmutableSortedMap.copyOf(annotations)).build()));
    ctx.out().out(prefix(d) + " rolled back\n");
  }

  static void restart(CommandContext ctx, KubeObject object) {
    if (object instanceof GenericObject g && g.kind().equals("StatefulSet")) {
      restartStatefulSet(ctx, g);
      return;
    }
    if (DaemonSetRollout.handles(object)) {
      DaemonSetRollout.restart(ctx, object);
      return;
    }
    if (!(object instanceof Deployment d)) {
      throw KubectlException.error("restarting is not supported");
    }
    DeploymentSpec spec = d.specOrEmpty();
    if (spec.paused().orElse(false)) {
      throw KubectlException.error("can't restart paused deployment (run rollout resume first)");
    }
    PodTemplateSpec t = spec.template().orElseThrow();
    Map<String, String> annotations = new LinkedHashMap<>(t.metadata().annotations());
    annotations.put(RESTARTED_AT, ctx.cluster().loop().clock().timestamp());
    PodTemplateSpec restarted = t.withMetadata(t.metadata().toBuilder().annotations(annotations).build());
    ctx.api().update(d.withSpec(spec.withTemplate(restarted)));
    ctx.out().out(prefix(d) + " restarted\n");
  }

  /** The same annotation on a StatefulSet's template, which kubesim keeps as decoded JSON. */
  private static void restartStatefulSet(CommandContext ctx, GenericObject set) {
    Map<String, Object> spec = copy(set.content().get("spec"));
    Map<String, Object> template = copy(spec.get("template"));
    Map<String, Object> metadata = copy(template.get("metadata"));
    Map<String, Object> annotations = copy(metadata.get("annotations"));
    annotations.put(RESTARTED_AT, ctx.cluster().loop().clock().timestamp());
    metadata.put("annotations", annotations);
    template.put("metadata", metadata);
    spec.put("template", template);
    Map<String, Object> content = new LinkedHashMap<>(set.content());
    content.put("spec", spec);
    ctx.api().update(new GenericObject(set.apiVersion(), set.kind(), set.metadata(), content));
    ctx.out().out("statefulset.apps/" + set.metadata().nameOrEmpty() + " restarted\n");
  }

  private static Map<String, Object> copy(Object value) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    return out;
  }

  private static String prefix(Deployment d) {
    return "deployment.apps/" + d.metadata().nameOrEmpty();
  }

  private static PodTemplateSpec template(ReplicaSet rs) {
    return rs.spec().flatMap(ReplicaSetSpec::template).orElseThrow();
  }

  private static PodTemplateSpec withoutHash(PodTemplateSpec t) {
    Map<String, String> labels = new LinkedHashMap<>(t.metadata().labels());
    labels.remove(Deployment.POD_TEMPLATE_HASH_LABEL);
    return t.withMetadata(t.metadata().toBuilder().labels(labels).build());
  }
}
