package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What ReplicaSets and Deployments share in apps validation: {@code ValidateNonnegativeField}, the
 * selector rules, {@code ValidatePodTemplateSpecForReplicaSet} and the immutable selector of
 * {@code apps/v1}.
 */
final class Workloads {
  static final String IMMUTABLE = "field is immutable";

  private Workloads() {}

  /** {@code ValidateNonnegativeField}. */
  static List<FieldError> nonNegative(long value, FieldPath path) {
    return value < 0 ? List.of(FieldError.invalid(path, value, "must be greater than or equal to 0")) : List.of();
  }

  /**
   * The selector and template part of {@code ValidateReplicaSetSpec}/{@code
   * ValidateDeploymentSpec}: a selector is required and may not be empty; when it does not convert,
   * the template is not looked at; a missing selector selects nothing, so the template's labels
   * never match it.
   */
  static List<FieldError> selectorAndTemplate(
      Optional<LabelSelector> selector, PodTemplateSpec template, FieldPath specPath, String kind) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath selPath = specPath.child("selector");
    if (selector.isEmpty()) {
      errs.add(FieldError.required(selPath, ""));
    } else {
      errs.addAll(Selectors.validate(selector.get(), selPath));
      if (Selectors.isEmpty(selector.get())) {
        errs.add(FieldError.invalid(selPath, Selectors.json(selector.get()), "empty selector is invalid for deployment"));
      }
    }
    if (selector.isPresent() && !Selectors.convertible(selector.get())) {
      errs.add(FieldError.invalid(selPath, Selectors.json(selector.get()), "invalid label selector"));
      return errs;
    }
    FieldPath templatePath = specPath.child("template");
    boolean empty = selector.map(Selectors::isEmpty).orElse(false);
    boolean matches = selector.map(s -> Selectors.matches(s, template.metadata().labels())).orElse(false);
    if (!empty && !matches) {
      errs.add(FieldError.invalid(templatePath.child("metadata", "labels"), Selectors.labelsValue(template.metadata().labels()),
          "`selector` does not match template `labels`"));
    }
    errs.addAll(PodTemplateValidation.validateWorkloadTemplate(template, templatePath, kind));
    return errs;
  }

  /** apps/v1 refuses to change a selector: {@code spec.selector: Invalid value: {...}: field is immutable}. */
  static List<FieldError> immutableSelector(Optional<LabelSelector> now, Optional<LabelSelector> old) {
    if (Objects.equals(now, old)) {
      return List.of();
    }
    Object shown = now.map(Selectors::json).orElse(null);
    return List.of(FieldError.invalid(FieldPath.root("spec", "selector"), shown, IMMUTABLE));
  }
}
