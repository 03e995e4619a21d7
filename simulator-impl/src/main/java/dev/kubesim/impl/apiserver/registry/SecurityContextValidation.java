package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.PodSpec;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.ValidationMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Core validation's {@code ValidatePodSecurityContext} and {@code ValidateSecurityContext}, for the
 * fields kubesim reads from the raw security contexts: user and group ids, supplemental groups,
 * and the process-namespace flags.
 */
final class SecurityContextValidation {
  private SecurityContextValidation() {}

  static List<FieldError> validatePodSecurityContext(PodSpec spec, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Map<String, Object> sc = spec.securityContext().orElse(null);
    if (sc == null) {
      return errs;
    }
    errs.addAll(idRange(sc, "fsGroup", path));
    errs.addAll(idRange(sc, "runAsUser", path));
    errs.addAll(idRange(sc, "runAsGroup", path));
    List<?> groups = Generic.list(sc, "supplementalGroups");
    for (int g = 0; g < groups.size(); g++) {
      if (groups.get(g) instanceof Number n && (n.longValue() < 0 || n.longValue() > PodSpecValidation.MAX_INT32)) {
        errs.add(FieldError.invalid(path.child("supplementalGroups").index(g), n.longValue(),
            ValidationMessages.inclusiveRangeError(0, PodSpecValidation.MAX_INT32)));
      }
    }
    // The internal type keeps shareProcessNamespace and hostPID in the security context, hence the path.
    if (spec.shareProcessNamespace().orElse(false) && spec.hostPID().orElse(false)) {
      errs.add(FieldError.invalid(path.child("shareProcessNamespace"), true, "ShareProcessNamespace and HostPID cannot both be enabled"));
    }
    return errs;
  }

  static List<FieldError> validateContainerSecurityContext(Optional<Object> securityContext, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Optional<Map<String, Object>> sc = securityContext.flatMap(Generic::map);
    if (sc.isEmpty()) {
      return errs;
    }
    errs.addAll(idRange(sc.get(), "runAsUser", path));
    errs.addAll(idRange(sc.get(), "runAsGroup", path));
    return errs;
  }

  /** {@code IsValidUserID}/{@code IsValidGroupID}: 0 to 2147483647. */
  private static List<FieldError> idRange(Map<String, Object> m, String key, FieldPath path) {
    return Generic.num(m, key)
        .filter(v -> v < 0 || v > PodSpecValidation.MAX_INT32)
        .map(v -> List.of(FieldError.invalid(path.child(key), v, ValidationMessages.inclusiveRangeError(0, PodSpecValidation.MAX_INT32))))
        .orElse(List.of());
  }
}
