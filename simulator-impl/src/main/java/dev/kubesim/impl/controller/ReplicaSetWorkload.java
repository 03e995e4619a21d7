package dev.kubesim.impl.controller;

import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.ReplicaSetSpec;
import dev.kubesim.api.model.ReplicaSetStatus;
import dev.kubesim.impl.labels.LabelSelectors;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ReplicaSets for the replica manager: a label selector and the apps/v1 status. */
final class ReplicaSetWorkload implements ReplicatedWorkload<ReplicaSet> {
  @Override
  public String kind() {
    return ReplicaSet.KIND;
  }

  @Override
  public String component() {
    return "replicaset-controller";
  }

  @Override
  public Class<ReplicaSet> type() {
    return ReplicaSet.class;
  }

  private static ReplicaSetSpec spec(ReplicaSet rs) {
    return rs.spec().orElseGet(() -> new ReplicaSetSpec(null, null, null, null));
  }

  @Override
  public int replicas(ReplicaSet rs) {
    return spec(rs).replicas().orElse(1);
  }

  @Override
  public int minReadySeconds(ReplicaSet rs) {
    return spec(rs).minReadySeconds().orElse(0);
  }

  @Override
  public boolean selects(ReplicaSet rs, Map<String, String> labels) {
    Optional<LabelSelector> selector = spec(rs).selector();
    // An empty selector selects nothing for a ReplicaSet (validation forbids it anyway).
    return selector.isPresent()
        && !(selector.get().matchLabels().isEmpty() && selector.get().matchExpressions().isEmpty())
        && LabelSelectors.matches(selector.get(), labels);
  }

  @Override
  public PodTemplateSpec template(ReplicaSet rs) {
    return spec(rs).template().orElseThrow();
  }

  @Override
  public ReplicaSet withStatus(ReplicaSet rs, ReplicaCounts c) {
    ReplicaSetStatus status =
        new ReplicaSetStatus(
            Optional.of(c.replicas()),
            c.fullyLabeled() == 0 ? Optional.empty() : Optional.of(c.fullyLabeled()),
            c.ready() == 0 ? Optional.empty() : Optional.of(c.ready()),
            c.available() == 0 ? Optional.empty() : Optional.of(c.available()),
            Optional.of(c.terminating()),
            Optional.of(c.observedGeneration()),
            rs.status().map(ReplicaSetStatus::conditions).orElse(List.of()));
    return rs.status().filter(status::equals).isPresent() ? rs : rs.withStatus(status);
  }
}
