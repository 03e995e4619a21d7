package dev.kubesim.impl.apiserver.registry;

import java.util.Optional;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.ReplicationController;
import dev.kubesim.api.model.ReplicationControllerSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ReplicationControllers ({@code pkg/registry/core/replicationcontroller}): {@code
 * SetDefaults_ReplicationController} (one replica; selector and labels from the template's labels),
 * the template's pod defaults, and {@code ValidateReplicationController}.
 */
public final class ReplicationControllerStrategy extends Strategy<ReplicationController> {
  /** The ReplicationController rules. */
  public ReplicationControllerStrategy() {
    super(ReplicationController.class);
  }

  @Override
  public ReplicationController defaults(ReplicationController rc) {
    ReplicationControllerSpec spec = rc.specOrEmpty();
    ReplicationController out = rc;
    if (spec.template().isPresent()) {
      PodTemplateSpec template = PodSpecDefaults.template(spec.template().get());
      spec = spec.withTemplate(template);
      Map<String, String> labels = template.metadata().labels();
      if (!labels.isEmpty()) {
        if (spec.selector().isEmpty()) {
          spec = spec.withSelector(labels);
        }
        if (rc.metadata().labels().isEmpty()) {
          out = out.withMetadata(rc.metadata().toBuilder().labels(labels).build());
        }
      }
    }
    if (spec.replicas().isEmpty()) {
      spec = spec.withReplicas(1);
    }
    return out.withSpec(spec);
  }

  /** {@code PrepareForCreate}: the status is the controller's to write. */
  @Override
  public ReplicationController admit(ReplicationController rc, ApiServer api) {
    return rc.withStatus(null);
  }

  /** {@code GetWarningsForPodTemplate} at {@code spec.template}. */
  @Override
  public List<String> warnings(ReplicationController object, Optional<ReplicationController> old) {
    return PodWarnings.forTemplate(FieldPath.root("spec", "template"), object.specOrEmpty().template());
  }

  @Override
  public List<FieldError> validate(ReplicationController rc) {
    ReplicationControllerSpec spec = rc.specOrEmpty();
    FieldPath path = FieldPath.root("spec");
    List<FieldError> errs = new ArrayList<>();
    errs.addAll(Workloads.nonNegative(spec.minReadySeconds().orElse(0), path.child("minReadySeconds")));
    if (spec.selector().isEmpty()) {
      errs.add(FieldError.required(path.child("selector"), ""));
    }
    errs.addAll(Workloads.nonNegative(spec.replicas().orElse(0), path.child("replicas")));
    FieldPath templatePath = path.child("template");
    if (spec.template().isEmpty()) {
      errs.add(FieldError.required(templatePath, ""));
      return errs;
    }
    PodTemplateSpec template = spec.template().get();
    Map<String, String> labels = template.metadata().labels();
    boolean matches = spec.selector().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    if (!spec.selector().isEmpty() && !matches) {
      errs.add(FieldError.invalid(templatePath.child("metadata", "labels"), Selectors.labelsValue(labels),
          "`selector` does not match template `labels`"));
    }
    errs.addAll(PodTemplateValidation.validateWorkloadTemplate(template, templatePath, "ReplicationController"));
    return errs;
  }

  /** {@code PrepareForUpdate}: the status is kept. */
  @Override
  public ReplicationController prepareForUpdate(ReplicationController rc, ReplicationController old) {
    return rc.withStatus(old.status().orElse(null));
  }
}
