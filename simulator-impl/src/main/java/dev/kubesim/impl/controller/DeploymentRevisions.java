package dev.kubesim.impl.controller;

import com.google.common.collect.ImmutableSortedMap;
import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.impl.apiserver.ApiServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The revision bookkeeping of the Deployment controller ({@code SetNewReplicaSetAnnotations},
 * {@code SetDeploymentRevision}): the ReplicaSet that runs the current template carries the
 * highest revision, so a template that comes back (as after {@code kubectl rollout undo}) moves its
 * old ReplicaSet to a new revision and records the old number in {@code revision-history}; the
 * Deployment's own annotations (a change cause, for one) are copied to it; and the Deployment
 * carries the revision of its current ReplicaSet.
 */
final class DeploymentRevisions {
  static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
  /** Annotations that are the Deployment's or the ReplicaSet's own and never copied between them. */
  static final Set<String> NOT_COPIED = Set.of("kubectl.kubernetes.io/last-applied-configuration",
      Deployment.REVISION_ANNOTATION, REVISION_HISTORY, "deployment.kubernetes.io/desired-replicas",
      "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to");

  private DeploymentRevisions() {}

  /** Brings an existing new ReplicaSet's annotations up to date; returns it as stored. */
  static ReplicaSet updateNewReplicaSet(ApiServer api, Deployment d, ReplicaSet rs, List<ReplicaSet> old) {
    Map<String, String> annotations = new LinkedHashMap<>(rs.metadata().annotations());
    d.metadata().annotations().forEach((k, v) -> {
      if (!NOT_COPIED.contains(k)) {
        annotations.put(k, v);
      }
    });
    int newRevision = old.stream().mapToInt(DeploymentRevisions::revision).max().orElse(0) + 1;
    int current = revision(rs);
    if (current < newRevision) {
      annotations.put(Deployment.REVISION_ANNOTATION, Integer.toString(newRevision));
      if (rs.metadata().annotations().containsKey(Deployment.REVISION_ANNOTATION)) {
        // rolled back to this template: keep the numbers it had
        String history = annotations.getOrDefault(REVISION_HISTORY, "");
        annotations.put(REVISION_HISTORY, history.isEmpty() ? Integer.toString(current) : history + "," + current);
      }
    }
    if (annotations.equals(rs.metadata().annotations())) {
      return rs;
    }
    return api.write(rs.withMetadata(rs.metadata().toBuilder().annotations(ImmutableSortedMap.copyOf(annotations)).build()));
  }

  /** Gives the Deployment the revision of its new ReplicaSet. */
  static void setDeploymentRevision(ApiServer api, Deployment d, ReplicaSet newRs) {
    String revision = Integer.toString(revision(newRs));
    if (revision.equals(d.metadata().annotations().get(Deployment.REVISION_ANNOTATION))) {
      return;
    }
    Map<String, String> annotations = new LinkedHashMap<>(d.metadata().annotations());
    annotations.put(Deployment.REVISION_ANNOTATION, revision);
    api.write(d.withMetadata(d.metadata().toBuilder().annotations(ImmutableSortedMap.copyOf(annotations)).build()));
  }

  static int revision(ReplicaSet rs) {
    try {
      return Integer.parseInt(rs.metadata().annotations().getOrDefault(Deployment.REVISION_ANNOTATION, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
