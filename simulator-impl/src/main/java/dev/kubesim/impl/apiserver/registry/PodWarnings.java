package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.program.ListenAnnotation;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.EnvVar;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.GoFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API server's warnings for a pod or pod template ({@code pkg/api/pod/warnings.go}
 * {@code warningsForPodSpecAndMeta}): deprecated node labels in the node selector, node affinity
 * and topology spread constraints, deprecated annotations, a negative grace period and an
 * environment variable that hides an earlier one. Map keys are taken in sorted order (Go's map
 * order is random). kubesim adds one of its own: an invalid {@code kubesim.dev/listen} annotation.
 */
final class PodWarnings {
  /** {@code nodeapi.deprecatedNodeLabels}. */
  private static final Map<String, String> DEPRECATED_NODE_LABELS = Map.of(
      "beta.kubernetes.io/arch", "deprecated since v1.14; use \"kubernetes.io/arch\" instead",
      "beta.kubernetes.io/os", "deprecated since v1.14; use \"kubernetes.io/os\" instead",
      "failure-domain.beta.kubernetes.io/region", "deprecated since v1.17; use \"topology.kubernetes.io/region\" instead",
      "failure-domain.beta.kubernetes.io/zone", "deprecated since v1.17; use \"topology.kubernetes.io/zone\" instead",
      "beta.kubernetes.io/instance-type", "deprecated since v1.17; use \"node.kubernetes.io/instance-type\" instead");
  /** {@code deprecatedAnnotations}, in their order there. */
  private static final List<Map.Entry<String, String>> DEPRECATED_ANNOTATIONS = List.of(
      Map.entry("scheduler.alpha.kubernetes.io/critical-pod", "non-functional in v1.16+; use the \"priorityClassName\" field instead"),
      Map.entry("security.alpha.kubernetes.io/sysctls", "non-functional in v1.11+; use the \"sysctls\" field instead"),
      Map.entry("security.alpha.kubernetes.io/unsafe-sysctls", "non-functional in v1.11+; use the \"sysctls\" field instead"));
  private static final String SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";

  private PodWarnings() {}

  /** {@code GetWarningsForPod}: paths from the pod's root ({@code spec.nodeSelector[...]}). */
  static List<String> forPod(ObjectMeta meta, PodSpec spec) {
    return forSpecAndMeta(null, meta, spec);
  }

  /** {@code GetWarningsForPodTemplate}: paths under the template's own ({@code spec.template.spec...}). */
  static List<String> forTemplate(FieldPath path, Optional<PodTemplateSpec> template) {
    return template.map(t -> forSpecAndMeta(path, t.metadata(), t.spec().orElseGet(() -> PodSpec.builder().build())))
        .orElse(List.of());
  }

  private static FieldPath at(FieldPath base, String name, String... more) {
    return base == null ? FieldPath.root(name, more) : base.child(name, more);
  }

  private static List<String> forSpecAndMeta(FieldPath base, ObjectMeta meta, PodSpec spec) {
    List<String> warnings = new ArrayList<>();
    for (String key : new TreeSet<>(spec.nodeSelector().keySet())) {
      String msg = DEPRECATED_NODE_LABELS.get(key);
      if (msg != null) {
        warnings.add(at(base, "spec", "nodeSelector").key(key) + ": " + msg);
      }
    }
    Map<String, Object> nodeAffinity = spec.affinity().flatMap(Generic::map).flatMap(a -> Generic.map(a, "nodeAffinity")).orElse(Map.of());
    Map<String, Object> required = Generic.map(nodeAffinity, "requiredDuringSchedulingIgnoredDuringExecution").orElse(Map.of());
    List<?> terms = Generic.list(required, "nodeSelectorTerms");
    FieldPath termsPath = at(base, "spec", "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms");
    for (int i = 0; i < terms.size(); i++) {
      warnings.addAll(forNodeSelectorTerm(Generic.map(terms.get(i)).orElse(Map.of()), termsPath.index(i)));
    }
    List<?> preferred = Generic.list(nodeAffinity, "preferredDuringSchedulingIgnoredDuringExecution");
    FieldPath preferredPath = at(base, "spec", "affinity", "nodeAffinity", "preferredDuringSchedulingIgnoredDuringExecution");
    for (int i = 0; i < preferred.size(); i++) {
      Map<String, Object> preference = Generic.map(preferred.get(i)).flatMap(p -> Generic.map(p, "preference")).orElse(Map.of());
      warnings.addAll(forNodeSelectorTerm(preference, preferredPath.index(i).child("preference")));
    }
    for (int i = 0; i < spec.topologySpreadConstraints().size(); i++) {
      Map<String, Object> c = Generic.map(spec.topologySpreadConstraints().get(i)).orElse(Map.of());
      FieldPath path = at(base, "spec", "topologySpreadConstraints").index(i);
      String key = Generic.str(c, "topologyKey");
      if (DEPRECATED_NODE_LABELS.containsKey(key)) {
        warnings.add(path.child("topologyKey") + ": " + key + " is " + DEPRECATED_NODE_LABELS.get(key));
      }
      if (c.get("labelSelector") == null) {
        warnings.add(path.child("labelSelector") + ": a null labelSelector results in matching no pod");
      }
    }
    for (Map.Entry<String, String> deprecated : DEPRECATED_ANNOTATIONS) {
      if (meta.annotations().containsKey(deprecated.getKey())) {
        warnings.add(at(base, "metadata", "annotations").key(deprecated.getKey()) + ": " + deprecated.getValue());
      }
    }
    boolean podSeccompField = spec.securityContext().map(sc -> sc.get("seccompProfile") != null).orElse(false);
    if (!podSeccompField && meta.annotations().containsKey(SECCOMP_POD_ANNOTATION)) {
      warnings.add(at(base, "metadata", "annotations").key(SECCOMP_POD_ANNOTATION)
          + ": non-functional in v1.27+; use the \"seccompProfile\" field instead");
    }
    String listen = meta.annotations().get(ListenAnnotation.NAME);
    if (listen != null) {
      // kubesim's own annotation: a bad value is ignored by the kubelet, so say so where it is written
      ListenAnnotation.problem(listen).ifPresent(p ->
          warnings.add(at(base, "metadata", "annotations").key(ListenAnnotation.NAME) + ": " + p + "; the annotation is ignored"));
    }
    visitContainers(spec, base, (c, path) -> warnings.addAll(hiddenEnv(c, path)));
    if (spec.terminationGracePeriodSeconds().filter(s -> s < 0).isPresent()) {
      warnings.add(at(base, "spec", "terminationGracePeriodSeconds") + ": must be >= 0; negative values are invalid and will be treated as 1");
    }
    return warnings;
  }

  /** {@code GetWarningsForNodeSelectorTerm}: deprecated labels as keys of match expressions. */
  private static List<String> forNodeSelectorTerm(Map<String, Object> term, FieldPath path) {
    List<String> warnings = new ArrayList<>();
    List<?> expressions = Generic.list(term, "matchExpressions");
    for (int i = 0; i < expressions.size(); i++) {
      String key = Generic.map(expressions.get(i)).map(e -> Generic.str(e, "key")).orElse("");
      if (DEPRECATED_NODE_LABELS.containsKey(key)) {
        warnings.add(path.child("matchExpressions").index(i).child("key") + ": " + key + " is " + DEPRECATED_NODE_LABELS.get(key));
      }
    }
    return warnings;
  }

  /** A later {@code env} entry of the same name that does not build on the earlier one. */
  private static List<String> hiddenEnv(Container c, FieldPath path) {
    List<String> warnings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < c.env().size(); i++) {
      EnvVar e = c.env().get(i);
      String name = e.name().orElse("");
      if (!seen.add(name)) {
        String ref = "$(" + name + ")";
        String value = e.value().orElse("");
        if (e.valueFrom().isPresent() || value.equals(ref) || !value.contains(ref)) {
          warnings.add(path.child("env").index(i) + ": hides previous definition of " + GoFormat.quote(name)
              + ", which may be dropped when using apply");
        }
      }
    }
    return warnings;
  }

  private interface ContainerVisitor {
    void visit(Container c, FieldPath path);
  }

  /** {@code VisitContainersWithPath}: init containers, then containers. */
  private static void visitContainers(PodSpec spec, FieldPath base, ContainerVisitor visitor) {
    for (int i = 0; i < spec.initContainers().size(); i++) {
      visitor.visit(spec.initContainers().get(i), at(base, "spec", "initContainers").index(i));
    }
    for (int i = 0; i < spec.containers().size(); i++) {
      visitor.visit(spec.containers().get(i), at(base, "spec", "containers").index(i));
    }
  }
}
