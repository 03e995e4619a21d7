package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.impl.apiserver.ApiServer;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Deployment's revisions as kubectl reads them ({@code deploymentutil.GetAllReplicaSets}): the
 * ReplicaSets it controls, by their {@code deployment.kubernetes.io/revision} annotation.
 */
final class DeploymentHistory {
  static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

  private DeploymentHistory() {}

  /** Revision → ReplicaSet, in revision order; ReplicaSets without a valid revision are left out. */
  static TreeMap<Long, ReplicaSet> revisions(ApiServer api, Deployment d) {
    String uid = d.metadata().uid().orElse("");
    TreeMap<Long, ReplicaSet> out = new TreeMap<>();
    for (KubeObject o : api.list(ReplicaSet.KIND, d.metadata().namespace())) {
      if (o.metadata().controllerRef().filter(r -> r.uid().equals(uid)).isEmpty()) {
        continue;
      }
      revision(o.metadata().annotations()).ifPresent(r -> out.put(r, (ReplicaSet) o));
    }
    return out;
  }

  static Optional<Long> revision(Map<String, String> annotations) {
    try {
      return Optional.of(Long.parseLong(annotations.getOrDefault(Deployment.REVISION_ANNOTATION, "")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** {@code GroupKind.String()}: {@code ReplicaSet.apps}, or the bare kind for the core group. */
  static String groupKind(KubeObject o) {
    String group = ResourceTypes.ofKind(o.kind()).group();
    return group.isEmpty() ? o.kind() : o.kind() + "." + group;
  }
}
