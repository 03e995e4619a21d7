package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.ReplicaSetSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ReplicaSets ({@code pkg/registry/apps/replicaset}, {@code apps/v1}): one replica by default, the
 * template's pod defaults, {@code ValidateReplicaSet}, and a selector that may not change.
 */
public final class ReplicaSetStrategy extends Strategy<ReplicaSet> {
  /** The ReplicaSet rules. */
  public ReplicaSetStrategy() {
    super(ReplicaSet.class);
  }

  @Override
  public ReplicaSet defaults(ReplicaSet rs) {
    ReplicaSetSpec spec = rs.specOrEmpty();
    // The template is a value in apps/v1: it always exists and its spec is defaulted.
    PodTemplateSpec template = PodSpecDefaults.template(spec.template().orElseGet(() -> new PodTemplateSpec(null, null)));
    return rs.withSpec(new ReplicaSetSpec(
        Optional.of(spec.replicas().orElse(1)), spec.minReadySeconds(), spec.selector(), Optional.of(template)));
  }

  /** {@code PrepareForCreate}: the status is the controller's to write. */
  @Override
  public ReplicaSet admit(ReplicaSet rs, ApiServer api) {
    return rs.withStatus(null);
  }

  /** {@code GetWarningsForPodTemplate} at {@code spec.template}. */
  @Override
  public List<String> warnings(ReplicaSet object, Optional<ReplicaSet> old) {
    return PodWarnings.forTemplate(FieldPath.root("spec", "template"), object.specOrEmpty().template());
  }

  @Override
  public List<FieldError> validate(ReplicaSet rs) {
    ReplicaSetSpec spec = rs.specOrEmpty();
    FieldPath path = FieldPath.root("spec");
    List<FieldError> errs = new ArrayList<>();
    errs.addAll(Workloads.nonNegative(spec.replicas().orElse(0), path.child("replicas")));
    errs.addAll(Workloads.nonNegative(spec.minReadySeconds().orElse(0), path.child("minReadySeconds")));
    errs.addAll(Workloads.selectorAndTemplate(
        spec.selector(), spec.template().orElseGet(() -> new PodTemplateSpec(null, null)), path, "ReplicaSet"));
    return errs;
  }

  @Override
  protected List<FieldError> validateImmutable(ReplicaSet rs, ReplicaSet old) {
    return Workloads.immutableSelector(rs.specOrEmpty().selector(), old.specOrEmpty().selector());
  }

  /** {@code PrepareForUpdate}: the status is kept. */
  @Override
  public ReplicaSet prepareForUpdate(ReplicaSet rs, ReplicaSet old) {
    return rs.withStatus(old.status().orElse(null));
  }
}
