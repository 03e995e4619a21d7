package dev.kubesim.impl.controller;

import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.ReplicationController;
import dev.kubesim.api.model.ReplicationControllerSpec;
import dev.kubesim.api.model.ReplicationControllerStatus;
import dev.kubesim.impl.labels.LabelSelectors;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ReplicationControllers for the replica manager: a map selector and the core/v1 status. */
final class ReplicationControllerWorkload implements ReplicatedWorkload<ReplicationController> {
  @Override
  public String kind() {
    return ReplicationController.KIND;
  }

  @Override
  public String component() {
    return "replication-controller";
  }

  @Override
  public Class<ReplicationController> type() {
    return ReplicationController.class;
  }

  private static ReplicationControllerSpec spec(ReplicationController rc) {
    return rc.spec().orElseGet(() -> new ReplicationControllerSpec(null, null, null, null));
  }

  @Override
  public int replicas(ReplicationController rc) {
    return spec(rc).replicas().orElse(1);
  }

  @Override
  public int minReadySeconds(ReplicationController rc) {
    return spec(rc).minReadySeconds().orElse(0);
  }

  @Override
  public boolean selects(ReplicationController rc, Map<String, String> labels) {
    Map<String, String> selector = spec(rc).selector();
    return !selector.isEmpty() && LabelSelectors.matches(selector, labels);
  }

  @Override
  public PodTemplateSpec template(ReplicationController rc) {
    return spec(rc).template().orElseThrow();
  }

  @Override
  public ReplicationController withStatus(ReplicationController rc, ReplicaCounts c) {
    ReplicationControllerStatus status =
        new ReplicationControllerStatus(
            Optional.of(c.replicas()),
            c.fullyLabeled() == 0 ? Optional.empty() : Optional.of(c.fullyLabeled()),
            c.ready() == 0 ? Optional.empty() : Optional.of(c.ready()),
            c.available() == 0 ? Optional.empty() : Optional.of(c.available()),
            Optional.of(c.observedGeneration()),
            rc.status().map(ReplicationControllerStatus::conditions).orElse(List.of()));
    return rc.status().filter(status::equals).isPresent() ? rc : rc.withStatus(status);
  }
}
