package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.codec.ObjectCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * StatefulSets ({@code pkg/registry/apps/statefulset}), stored as generic objects: {@code
 * SetDefaults_StatefulSet} (one replica, {@code OrderedReady}, {@code RollingUpdate} with partition
 * 0, ten revisions kept, claims retained, the template's pod defaults, and each claim template's
 * {@code volumeMode} and phase), a generation that moves with the spec, a status that is the
 * controller's, and the part of {@code ValidateStatefulSet} kubesim checks: the selector, the
 * template's labels and restart policy (the pod spec is checked when pods are created), the policies, and which spec fields an update may change.
 */
public final class StatefulSetStrategy extends Strategy<GenericObject> {
  private static final Set<String> MUTABLE = Set.of("replicas", "ordinals", "template", "updateStrategy",
      "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy", "minReadySeconds");

  /** The StatefulSet rules. */
  public StatefulSetStrategy() {
    super(GenericObject.class);
  }

  @Override
  public GenericObject defaults(GenericObject sts) {
    Map<String, Object> spec = new LinkedHashMap<>(Generic.map(sts.content().get("spec")).orElse(Map.of()));
    spec.putIfAbsent("replicas", 1);
    Optional<PodTemplateSpec> template = template(spec);
    if (template.isPresent()) {
      spec.put("template", toMap(PodSpecDefaults.template(template.get())));
    }
    spec.putIfAbsent("podManagementPolicy", "OrderedReady");
    Map<String, Object> strategy = Generic.copy(Generic.map(spec, "updateStrategy").orElse(null));
    if (Generic.str(strategy, "type").isEmpty()) {
      strategy.put("type", "RollingUpdate");
      strategy.putIfAbsent("rollingUpdate", Map.of());
    }
    // An explicit RollingUpdate without rollingUpdate stays without it (and without a partition).
    if ("RollingUpdate".equals(strategy.get("type")) && strategy.get("rollingUpdate") != null) {
      Map<String, Object> rolling = Generic.copy(Generic.map(strategy, "rollingUpdate").orElse(null));
      rolling.putIfAbsent("partition", 0);
      strategy.put("rollingUpdate", rolling);
    }
    spec.put("updateStrategy", strategy);
    spec.putIfAbsent("revisionHistoryLimit", 10);
    Map<String, Object> retention = Generic.copy(Generic.map(spec, "persistentVolumeClaimRetentionPolicy").orElse(null));
    retention.putIfAbsent("whenDeleted", "Retain");
    retention.putIfAbsent("whenScaled", "Retain");
    spec.put("persistentVolumeClaimRetentionPolicy", retention);
    List<?> claims = Generic.list(spec, "volumeClaimTemplates");
    if (!claims.isEmpty()) {
      List<Object> defaulted = new ArrayList<>();
      for (Object c : claims) {
        Optional<Map<String, Object>> claim = Generic.map(c);
        if (claim.isEmpty()) {
          defaulted.add(c);
          continue;
        }
        Map<String, Object> copy = Generic.copy(claim.get());
        Map<String, Object> claimSpec = Generic.copy(Generic.map(copy, "spec").orElse(null));
        claimSpec.putIfAbsent("volumeMode", "Filesystem");
        copy.put("spec", claimSpec);
        Map<String, Object> claimStatus = Generic.copy(Generic.map(copy, "status").orElse(null));
        claimStatus.putIfAbsent("phase", "Pending");
        copy.put("status", claimStatus);
        defaulted.add(copy);
      }
      spec.put("volumeClaimTemplates", defaulted);
    }
    return with(sts, "spec", spec);
  }

  /** {@code PrepareForCreate}: the status is the controller's to write. */
  @Override
  public GenericObject admit(GenericObject sts, ApiServer api) {
    Map<String, Object> content = new LinkedHashMap<>(sts.content());
    content.remove("status");
    return new GenericObject(sts.apiVersion(), sts.kind(), sts.metadata(), content);
  }

  /** {@code PrepareForUpdate}: updates through the main resource keep the status. */
  @Override
  public GenericObject prepareForUpdate(GenericObject sts, GenericObject old) {
    return Generic.withStatusOf(sts, old);
  }

  @Override
  public List<FieldError> validate(GenericObject sts) {
    Map<String, Object> spec = Generic.map(sts.content().get("spec")).orElse(Map.of());
    FieldPath path = FieldPath.root("spec");
    List<FieldError> errs = new ArrayList<>();
    String policy = Generic.str(spec, "podManagementPolicy");
    if (!policy.equals("OrderedReady") && !policy.equals("Parallel")) {
      errs.add(FieldError.notSupported(path.child("podManagementPolicy"), policy, List.of("OrderedReady", "Parallel")));
    }
    Map<String, Object> strategy = Generic.map(spec, "updateStrategy").orElse(Map.of());
    String type = Generic.str(strategy, "type");
    if (type.equals("OnDelete")) {
      if (strategy.get("rollingUpdate") != null) {
        errs.add(FieldError.invalid(path.child("updateStrategy", "rollingUpdate"), strategy.get("rollingUpdate"),
            "only allowed for updateStrategy 'RollingUpdate'"));
      }
    } else if (type.equals("RollingUpdate")) {
      Generic.num(Generic.map(strategy, "rollingUpdate").orElse(Map.of()), "partition").ifPresent(p ->
          errs.addAll(Workloads.nonNegative(p, path.child("updateStrategy", "rollingUpdate", "partition"))));
    } else {
      errs.add(FieldError.notSupported(path.child("updateStrategy"), type, List.of("OnDelete", "RollingUpdate")));
    }
    Map<String, Object> retention = Generic.map(spec, "persistentVolumeClaimRetentionPolicy").orElse(Map.of());
    for (String when : List.of("whenDeleted", "whenScaled")) {
      String value = Generic.str(retention, when);
      if (!value.equals("Retain") && !value.equals("Delete")) {
        errs.add(FieldError.notSupported(path.child("persistentVolumeClaimRetentionPolicy", when), value, List.of("Retain", "Delete")));
      }
    }
    Generic.num(spec, "replicas").ifPresent(r -> errs.addAll(Workloads.nonNegative(r, path.child("replicas"))));
    Generic.num(spec, "minReadySeconds").ifPresent(r -> errs.addAll(Workloads.nonNegative(r, path.child("minReadySeconds"))));
    Optional<LabelSelector> selector = Optional.empty();
    if (spec.get("selector") != null) {
      try {
        selector = Optional.of(ObjectCodec.mapper().convertValue(spec.get("selector"), LabelSelector.class));
      } catch (IllegalArgumentException e) {
        errs.add(FieldError.invalid(path.child("selector"), spec.get("selector"), "invalid label selector"));
        return errs;
      }
    }
    FieldPath selPath = path.child("selector");
    if (selector.isEmpty()) {
      errs.add(FieldError.required(selPath, ""));
      return errs;
    }
    errs.addAll(Selectors.validate(selector.get(), selPath));
    if (Selectors.isEmpty(selector.get())) {
      errs.add(FieldError.invalid(selPath, Selectors.json(selector.get()), "empty selector is invalid for statefulset"));
    }
    if (!Selectors.convertible(selector.get())) {
      errs.add(FieldError.invalid(selPath, Selectors.json(selector.get()), ""));
      return errs;
    }
    PodTemplateSpec template = template(spec).orElse(new PodTemplateSpec(null, null));
    FieldPath templatePath = path.child("template");
    if (!Selectors.isEmpty(selector.get()) && !Selectors.matches(selector.get(), template.metadata().labels())) {
      errs.add(FieldError.invalid(templatePath.child("metadata", "labels"), Selectors.labelsValue(template.metadata().labels()),
          "`selector` does not match template `labels`"));
    }
    // ValidatePodTemplateSpecForStatefulSet leaves the pod spec to pod creation (its volumes lack the claims'):
    // only the restart policy and the deadline are the set's.
    String restart = template.specOrEmpty().restartPolicy().orElse("");
    if (!restart.equals("Always")) {
      errs.add(FieldError.notSupported(templatePath.child("spec", "restartPolicy"), restart, List.of("Always")));
    }
    if (template.specOrEmpty().activeDeadlineSeconds().isPresent()) {
      errs.add(FieldError.forbidden(templatePath.child("spec", "activeDeadlineSeconds"), "activeDeadlineSeconds in StatefulSet is not Supported"));
    }
    return errs;
  }

  /** {@code ValidateStatefulSetUpdate}: only some spec fields may change. */
  @Override
  protected List<FieldError> validateImmutable(GenericObject sts, GenericObject old) {
    Map<String, Object> now = new LinkedHashMap<>(Generic.map(sts.content().get("spec")).orElse(Map.of()));
    Map<String, Object> was = new LinkedHashMap<>(Generic.map(old.content().get("spec")).orElse(Map.of()));
    now.keySet().removeAll(MUTABLE);
    was.keySet().removeAll(MUTABLE);
    if (String.valueOf(now).equals(String.valueOf(was))) {
      return List.of();
    }
    return List.of(FieldError.forbidden(FieldPath.root("spec"), "updates to statefulset spec for fields other than 'replicas', "
        + "'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and "
        + "'minReadySeconds' are forbidden"));
  }

  /** {@code GetWarningsForPodTemplate} at {@code spec.template}. */
  @Override
  public List<String> warnings(GenericObject sts, Optional<GenericObject> old) {
    return PodWarnings.forTemplate(FieldPath.root("spec", "template"),
        template(Generic.map(sts.content().get("spec")).orElse(Map.of())));
  }

  private static Optional<PodTemplateSpec> template(Map<String, Object> spec) {
    Object t = spec.get("template");
    if (!(t instanceof Map<?, ?>)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ObjectCodec.mapper().convertValue(t, PodTemplateSpec.class));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toMap(PodTemplateSpec template) {
    return ObjectCodec.mapper().convertValue(template, LinkedHashMap.class);
  }

  private static GenericObject with(GenericObject o, String key, Object value) {
    Map<String, Object> content = new LinkedHashMap<>(o.content());
    content.put(key, value);
    return new GenericObject(o.apiVersion(), o.kind(), o.metadata(), content);
  }
}
