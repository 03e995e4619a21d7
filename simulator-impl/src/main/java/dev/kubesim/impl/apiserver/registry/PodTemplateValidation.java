package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.MetadataValidation;
import java.util.ArrayList;
import java.util.List;

/**
 * Core validation's {@code ValidatePodTemplateSpec} and the rules the workload kinds add to their
 * templates ({@code ValidatePodTemplateSpecForRC}/{@code ForReplicaSet}).
 */
final class PodTemplateValidation {
  private PodTemplateValidation() {}

  /**
   * {@code ValidatePodTemplateSpec}: template labels and annotations (at {@code
   * <path>.labels}/{@code <path>.annotations}, without {@code metadata}, as upstream reports
   * them), pod-specific annotations, the spec, and no ephemeral containers.
   */
  static List<FieldError> validateTemplate(PodTemplateSpec template, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    PodSpec spec = template.specOrEmpty();
    errs.addAll(MetadataValidation.validateLabels(template.metadata().labels(), path.child("labels")));
    errs.addAll(MetadataValidation.validateAnnotations(template.metadata().annotations(), path.child("annotations")));
    errs.addAll(PodAnnotationValidation.validatePodSpecificAnnotations(template.metadata().annotations(), spec, path.child("annotations")));
    errs.addAll(PodSpecValidation.validatePodSpec(spec, path.child("spec"), false));
    if (!spec.ephemeralContainers().isEmpty()) {
      errs.add(FieldError.forbidden(path.child("spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template"));
    }
    return errs;
  }

  /**
   * The rules a workload adds to its template ({@code ValidatePodTemplateSpecForRC}/{@code
   * ForReplicaSet} after the selector check): {@code restartPolicy} must be {@code Always} and no
   * {@code activeDeadlineSeconds}.
   */
  static List<FieldError> validateWorkloadTemplate(PodTemplateSpec template, FieldPath path, String kind) {
    List<FieldError> errs = new ArrayList<>(validateTemplate(template, path));
    PodSpec spec = template.specOrEmpty();
    String restart = spec.restartPolicy().orElse("");
    if (!restart.equals("Always")) {
      errs.add(FieldError.notSupported(path.child("spec", "restartPolicy"), restart, List.of("Always")));
    }
    if (spec.activeDeadlineSeconds().isPresent()) {
      errs.add(FieldError.forbidden(path.child("spec", "activeDeadlineSeconds"), "activeDeadlineSeconds in " + kind + " is not Supported"));
    }
    return errs;
  }
}
