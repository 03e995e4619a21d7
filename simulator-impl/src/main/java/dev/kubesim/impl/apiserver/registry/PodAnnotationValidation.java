package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.PodSpec;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Core validation's {@code ValidatePodSpecificAnnotations}: the mirror-pod, pod-deletion-cost,
 * seccomp and AppArmor annotations of a Pod or pod template.
 */
final class PodAnnotationValidation {
  /** The annotation that marks a mirror pod. */
  static final String MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
  private static final String POD_DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
  private static final String SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
  private static final String SECCOMP_CONTAINER_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";
  private static final String APPARMOR_CONTAINER_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

  private PodAnnotationValidation() {}

  /** {@code ValidatePodSpecificAnnotations}, {@code path} being the annotations' path. */
  static List<FieldError> validatePodSpecificAnnotations(Map<String, String> annotations, PodSpec spec, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (annotations.containsKey(MIRROR_POD_ANNOTATION) && spec.nodeName().orElse("").isEmpty()) {
      errs.add(FieldError.invalid(path.key(MIRROR_POD_ANNOTATION), annotations.get(MIRROR_POD_ANNOTATION),
          "must set spec.nodeName if mirror pod annotation is set"));
    }
    if (annotations.containsKey(POD_DELETION_COST)) {
      String cost = annotations.get(POD_DELETION_COST);
      try {
        Integer.parseInt(cost.strip());
      } catch (NumberFormatException e) {
        errs.add(FieldError.invalid(path.key(POD_DELETION_COST), cost, "must be a 32bit integer"));
      }
    }
    if (annotations.containsKey(SECCOMP_POD_ANNOTATION)) {
      errs.addAll(validateSeccompProfile(annotations.get(SECCOMP_POD_ANNOTATION), path.child(SECCOMP_POD_ANNOTATION)));
    }
    // Go walks the map in random order; sorted keys keep the error list stable.
    for (Map.Entry<String, String> e : new TreeMap<>(annotations).entrySet()) {
      if (e.getKey().startsWith(SECCOMP_CONTAINER_PREFIX)) {
        errs.addAll(validateSeccompProfile(e.getValue(), path.child(e.getKey())));
      }
    }
    for (Map.Entry<String, String> e : new TreeMap<>(annotations).entrySet()) {
      if (!e.getKey().startsWith(APPARMOR_CONTAINER_PREFIX)) {
        continue;
      }
      String container = e.getKey().substring(APPARMOR_CONTAINER_PREFIX.length());
      boolean found = ContainerValidation.allContainers(spec).stream().anyMatch(c -> c.name().orElse("").equals(container));
      if (!found) {
        errs.add(FieldError.invalid(path.key(e.getKey()), container, "container not found"));
      }
      String profile = e.getValue();
      if (!(profile.isEmpty() || profile.equals("runtime/default") || profile.equals("unconfined") || profile.startsWith("localhost/"))) {
        errs.add(FieldError.invalid(path.key(e.getKey()), profile, "invalid AppArmor profile name: " + quote(profile)));
      }
    }
    return errs;
  }

  private static List<FieldError> validateSeccompProfile(String p, FieldPath path) {
    if (p.equals("runtime/default") || p.equals("docker/default") || p.equals("unconfined")) {
      return List.of();
    }
    if (p.startsWith("localhost/")) {
      return VolumeValidation.validateLocalDescendingPath(p.substring("localhost/".length()), path);
    }
    return List.of(FieldError.invalid(path, p, "must be a valid seccomp profile"));
  }

  private static String quote(String s) {
    return dev.kubesim.impl.apiserver.validation.GoFormat.quote(s);
  }
}
