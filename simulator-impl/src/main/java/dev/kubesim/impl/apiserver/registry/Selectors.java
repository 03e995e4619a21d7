package dev.kubesim.impl.apiserver.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.LabelSelectorRequirement;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.LabelNames;
import dev.kubesim.impl.apiserver.validation.MetadataValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code metav1.LabelSelector} rules: apimachinery's {@code ValidateLabelSelector}, whether {@code
 * LabelSelectorAsSelector} would accept it, matching, and the JSON form Go prints for a selector in
 * an error ({@code omitempty} fields left out).
 */
final class Selectors {
  private Selectors() {}

  /** {@code ValidateLabelSelector} with invalid label values in selectors refused. */
  static List<FieldError> validate(LabelSelector selector, FieldPath path) {
    return validate(selector, path, false);
  }

  /**
   * {@code ValidateLabelSelector} with {@code AllowInvalidLabelValueInSelector} as given: when
   * true, the values of {@code matchExpressions} are not checked (kept for updates of objects
   * stored with such values).
   */
  static List<FieldError> validate(LabelSelector selector, FieldPath path, boolean allowInvalidLabelValue) {
    List<FieldError> errs = new ArrayList<>(MetadataValidation.validateLabels(selector.matchLabels(), path.child("matchLabels")));
    for (int i = 0; i < selector.matchExpressions().size(); i++) {
      LabelSelectorRequirement r = selector.matchExpressions().get(i);
      FieldPath rp = path.child("matchExpressions").index(i);
      String op = r.operator().orElse("");
      switch (op) {
        case "In", "NotIn" -> {
          if (r.values().isEmpty()) {
            errs.add(FieldError.required(rp.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
          }
        }
        case "Exists", "DoesNotExist" -> {
          if (!r.values().isEmpty()) {
            errs.add(FieldError.forbidden(rp.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
          }
        }
        default -> errs.add(FieldError.invalid(rp.child("operator"), op, "not a valid selector operator"));
      }
      errs.addAll(MetadataValidation.validateLabelName(r.key().orElse(""), rp.child("key")));
      for (int v = 0; !allowInvalidLabelValue && v < r.values().size(); v++) {
        String value = r.values().get(v);
        errs.addAll(FieldError.invalidEach(rp.child("values").index(v), value, LabelNames.isValidLabelValue(value)));
      }
    }
    return errs;
  }

  /**
   * Whether {@code LabelSelectorAsSelector} converts the selector without error: every key a
   * qualified name, every value a label value, a known operator with the values it needs.
   */
  static boolean convertible(LabelSelector selector) {
    for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
      if (!LabelNames.isQualifiedName(e.getKey()).isEmpty() || !LabelNames.isValidLabelValue(e.getValue()).isEmpty()) {
        return false;
      }
    }
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      if (!LabelNames.isQualifiedName(r.key().orElse("")).isEmpty()) {
        return false;
      }
      for (String v : r.values()) {
        if (!LabelNames.isValidLabelValue(v).isEmpty()) {
          return false;
        }
      }
      boolean ok =
          switch (r.operator().orElse("")) {
            case "In", "NotIn" -> !r.values().isEmpty();
            case "Exists", "DoesNotExist" -> r.values().isEmpty();
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether a selector with no requirements (which selects everything). */
  static boolean isEmpty(LabelSelector selector) {
    return selector.matchLabels().isEmpty() && selector.matchExpressions().isEmpty();
  }

  /** Whether the labels satisfy every requirement of the selector. */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    return dev.kubesim.impl.labels.LabelSelectors.matches(selector, labels);
  }

  /** The selector as Go's {@code json.Marshal} writes it, for error values (fields in Go's order). */
  static Object json(LabelSelector selector) {
    List<RequirementJson> exprs = new ArrayList<>();
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      exprs.add(new RequirementJson(r.key().orElse(""), r.operator().orElse(""), r.values()));
    }
    return new SelectorJson(selector.matchLabels(), exprs);
  }

  /** {@code metav1.LabelSelector}'s JSON shape. */
  record SelectorJson(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> matchLabels,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RequirementJson> matchExpressions) {}

  /** {@code metav1.LabelSelectorRequirement}'s JSON shape. */
  record RequirementJson(
      String key, String operator, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> values) {}

  /** A label map as Go prints it in an error: {@code null} when there is none. */
  static Object labelsValue(Map<String, String> labels) {
    return labels.isEmpty() ? null : new TreeMap<>(labels);
  }
}
