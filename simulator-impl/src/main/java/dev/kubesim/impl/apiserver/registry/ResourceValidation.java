package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.LabelNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Core validation's {@code ValidateContainerResourceRequirements} and {@code
 * ValidateResourceQuantityValue}: resource names, quantities, and requests against limits.
 */
final class ResourceValidation {
  private static final Set<String> STANDARD_CONTAINER_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");
  private static final Set<String> STANDARD_RESOURCES =
      Set.of(
          "cpu", "memory", "ephemeral-storage", "storage", "pods", "services", "replicationcontrollers",
          "resourcequotas", "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports",
          "services.loadbalancers", "requests.cpu", "requests.memory", "requests.storage",
          "requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage");

  private ResourceValidation() {}

  /** {@code ValidateContainerResourceRequirements} for the limits and requests maps. */
  static List<FieldError> validateResources(Optional<Object> resources, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Map<String, Object> r = resources.flatMap(Generic::map).orElse(Map.of());
    Map<String, Object> limits = new TreeMap<>(Generic.map(r, "limits").orElse(Map.of()));
    Map<String, Object> requests = new TreeMap<>(Generic.map(r, "requests").orElse(Map.of()));
    FieldPath limPath = path.child("limits");
    FieldPath reqPath = path.child("requests");
    for (Map.Entry<String, Object> e : limits.entrySet()) {
      FieldPath fp = limPath.key(e.getKey());
      errs.addAll(validateContainerResourceName(e.getKey(), fp));
      errs.addAll(validateQuantity(e.getKey(), e.getValue(), fp));
    }
    for (Map.Entry<String, Object> e : requests.entrySet()) {
      String name = e.getKey();
      FieldPath fp = reqPath.key(name);
      errs.addAll(validateContainerResourceName(name, fp));
      errs.addAll(validateQuantity(name, e.getValue(), fp));
      Optional<BigDecimal> request = Quantity.parse(e.getValue());
      if (limits.containsKey(name)) {
        Optional<BigDecimal> limit = Quantity.parse(limits.get(name));
        if (request.isPresent() && limit.isPresent()) {
          int cmp = request.get().compareTo(limit.get());
          String shown = String.valueOf(e.getValue());
          if (cmp != 0 && !overcommitAllowed(name)) {
            errs.add(FieldError.invalid(reqPath, shown, "must be equal to " + name + " limit of " + limits.get(name)));
          } else if (cmp > 0) {
            errs.add(FieldError.invalid(reqPath, shown, "must be less than or equal to " + name + " limit of " + limits.get(name)));
          }
        }
      } else if (!overcommitAllowed(name)) {
        errs.add(FieldError.required(limPath, "Limit must be set for non overcommitable resources"));
      }
    }
    return errs;
  }

  private static boolean isNativeResource(String name) {
    return !name.contains("/") || name.contains("kubernetes.io/");
  }

  private static boolean overcommitAllowed(String name) {
    return isNativeResource(name) && !name.startsWith("hugepages-");
  }

  private static List<FieldError> validateContainerResourceName(String name, FieldPath path) {
    List<FieldError> errs = new ArrayList<>(FieldError.invalidEach(path, name, LabelNames.isQualifiedName(name)));
    if (!errs.isEmpty()) {
      return errs;
    }
    if (!name.contains("/")) {
      if (!STANDARD_RESOURCES.contains(name) && !name.startsWith("hugepages-")) {
        errs.add(FieldError.invalid(path, name, "must be a standard resource type or fully qualified"));
      }
      if (!STANDARD_CONTAINER_RESOURCES.contains(name) && !name.startsWith("hugepages-")) {
        errs.add(FieldError.invalid(path, name, "must be a standard resource for containers"));
      }
    }
    return errs;
  }

  /** {@code ValidateResourceQuantityValue}: non-negative, whole for integer resources. */
  static List<FieldError> validateQuantity(String resource, Object raw, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Optional<BigDecimal> q = Quantity.parse(raw);
    String shown = String.valueOf(raw);
    if (q.isEmpty()) {
      // Upstream refuses such a value while decoding; here it surfaces as a field error.
      errs.add(FieldError.invalid(path, shown,
          "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
      return errs;
    }
    if (q.get().signum() < 0) {
      errs.add(FieldError.invalid(path, shown, PodSpecValidation.NON_NEGATIVE));
    }
    boolean integerResource = resource.equals("pods") || !isNativeResource(resource);
    if (integerResource && q.get().stripTrailingZeros().scale() > 0) {
      errs.add(FieldError.invalid(path, shown, "must be an integer"));
    }
    return errs;
  }
}
