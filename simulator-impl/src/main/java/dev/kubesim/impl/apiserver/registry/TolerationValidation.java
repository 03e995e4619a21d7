package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.LabelNames;
import dev.kubesim.impl.apiserver.validation.MetadataValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Core validation's {@code ValidateTolerations} over the raw toleration maps, and {@code
 * validateTaintEffect}, which Node taints share.
 */
final class TolerationValidation {
  private static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  private TolerationValidation() {}

  /** {@code ValidateTolerations} over the raw toleration maps. */
  static List<FieldError> validateTolerations(List<Object> tolerations, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < tolerations.size(); i++) {
      FieldPath idx = path.index(i);
      Map<String, Object> t = Generic.map(tolerations.get(i)).orElse(Map.of());
      String key = Generic.str(t, "key");
      String operator = Generic.str(t, "operator");
      String value = Generic.str(t, "value");
      String effect = Generic.str(t, "effect");
      if (!key.isEmpty()) {
        errs.addAll(MetadataValidation.validateLabelName(key, idx.child("key")));
      }
      if (key.isEmpty() && !operator.equals("Exists")) {
        errs.add(FieldError.invalid(idx.child("operator"), operator,
            "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
      }
      if (t.get("tolerationSeconds") != null && !effect.equals("NoExecute")) {
        errs.add(FieldError.invalid(idx.child("effect"), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
      }
      switch (operator) {
        case "Equal", "" -> {
          List<String> msgs = LabelNames.isValidLabelValue(value);
          if (!msgs.isEmpty()) {
            errs.add(FieldError.invalid(idx.child("operator"), value, String.join(";", msgs)));
          }
        }
        case "Exists" -> {
          if (!value.isEmpty()) {
            errs.add(FieldError.invalid(idx.child("operator"), value, "value must be empty when `operator` is 'Exists'"));
          }
        }
        default -> errs.add(FieldError.notSupported(idx.child("operator"), operator, List.of("Equal", "Exists")));
      }
      if (!effect.isEmpty() && !TAINT_EFFECTS.contains(effect)) {
        errs.add(FieldError.notSupported(idx.child("effect"), effect, TAINT_EFFECTS));
      }
    }
    return errs;
  }

  /** {@code validateTaintEffect}; {@code allowEmpty} for tolerations, not for taints. */
  static List<FieldError> validateTaintEffect(String effect, boolean allowEmpty, FieldPath path) {
    if (!allowEmpty && effect.isEmpty()) {
      return List.of(FieldError.required(path, ""));
    }
    if (!TAINT_EFFECTS.contains(effect)) {
      return List.of(FieldError.notSupported(path, effect, TAINT_EFFECTS));
    }
    return List.of();
  }
}
