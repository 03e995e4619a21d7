package dev.kubesim.impl.apiserver.registry;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.Objects;
import java.util.Optional;

/**
 * DaemonSets ({@code pkg/registry/apps/daemonset}, {@code apps/v1}), kept as generic objects:
 * {@code SetDefaults_DaemonSet} (RollingUpdate with {@code maxUnavailable: 1} and {@code maxSurge:
 * 0}, ten revisions) and the template's pod defaults; {@code PrepareForCreate} starts the status
 * at zero counts and the template generation at 1, which {@code apps/v1} shows as the {@code
 * deprecated.daemonset.template.generation} annotation; {@code PrepareForUpdate} keeps the status
 * and moves the template generation on when the template changed; {@code ValidateDaemonSetSpec}'s
 * selector, template, strategy and {@code minReadySeconds} rules, and an immutable selector.
 */
public final class DaemonSetStrategy extends Strategy<GenericObject> {
  /** The annotation {@code apps/v1} keeps the template generation in. */
  public static final String TEMPLATE_GENERATION = "deprecated.daemonset.template.generation";
  private static final String ROLLING_UPDATE = "RollingUpdate";
  private static final String ON_DELETE = "OnDelete";

  /** The DaemonSet rules. */
  public DaemonSetStrategy() {
    super(GenericObject.class);
  }

  private static Map<String, Object> spec(GenericObject ds) {
    return Generic.map(ds.content().get("spec")).orElse(Map.of());
  }

  private static GenericObject withSpec(GenericObject ds, Map<String, Object> spec) {
    Map<String, Object> content = new LinkedHashMap<>(ds.content());
    content.put("spec", spec);
    return new GenericObject(ds.apiVersion(), ds.kind(), ds.metadata(), content);
  }

  /** The template decoded into the model, or empty when it does not decode. */
  static Optional<PodTemplateSpec> template(Map<String, Object> spec) {
    try {
      return Optional.of(ObjectCodec.mapper().convertValue(spec.getOrDefault("template", Map.of()), PodTemplateSpec.class));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public GenericObject defaults(GenericObject ds) {
    Map<String, Object> spec = new LinkedHashMap<>(spec(ds));
    Map<String, Object> strategy = new LinkedHashMap<>(Generic.map(spec.get("updateStrategy")).orElse(Map.of()));
    if (Generic.str(strategy, "type").isEmpty()) {
      strategy.put("type", ROLLING_UPDATE);
    }
    if (ROLLING_UPDATE.equals(strategy.get("type"))) {
      Map<String, Object> rolling = new LinkedHashMap<>(Generic.map(strategy.get("rollingUpdate")).orElse(Map.of()));
      rolling.putIfAbsent("maxUnavailable", 1);
      rolling.putIfAbsent("maxSurge", 0);
      strategy.put("rollingUpdate", rolling);
    }
    spec.put("updateStrategy", strategy);
    spec.putIfAbsent("revisionHistoryLimit", 10);
    Optional<PodTemplateSpec> template = template(spec);
    if (template.isPresent()) {
      spec.put("template", ObjectCodec.mapper().convertValue(PodSpecDefaults.template(template.get()),
          new TypeReference<LinkedHashMap<String, Object>>() {}));
    }
    return withSpec(ds, spec);
  }

  /** {@code PrepareForCreate}: zero counts, template generation 1. */
  @Override
  public GenericObject admit(GenericObject ds, ApiServer api) {
    Map<String, Object> content = new LinkedHashMap<>(ds.content());
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("currentNumberScheduled", 0);
    status.put("numberMisscheduled", 0);
    status.put("desiredNumberScheduled", 0);
    status.put("numberReady", 0);
    content.put("status", status);
    GenericObject out = new GenericObject(ds.apiVersion(), ds.kind(), ds.metadata(), content);
    return withTemplateGeneration(out, 1);
  }

  private static GenericObject withTemplateGeneration(GenericObject ds, long generation) {
    Map<String, String> annotations = new LinkedHashMap<>(ds.metadata().annotations());
    annotations.put(TEMPLATE_GENERATION, Long.toString(generation));
    return ds.withMetadata(ds.metadata().toBuilder().annotations(annotations).build());
  }

  /** The stored template generation (1 when the annotation is missing or not a number). */
  private static long templateGeneration(GenericObject ds) {
    try {
      return Long.parseLong(ds.metadata().annotations().getOrDefault(TEMPLATE_GENERATION, "1"));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** {@code PrepareForUpdate}: the status is kept; a changed template moves the template generation on. */
  @Override
  public GenericObject prepareForUpdate(GenericObject ds, GenericObject old) {
    GenericObject out = Generic.withStatusOf(ds, old);
    long generation = templateGeneration(old);
    if (!Objects.equals(spec(ds).get("template"), spec(old).get("template"))) {
      generation++;
    }
    return withTemplateGeneration(out, generation);
  }

  /** {@code GetWarningsForPodTemplate} at {@code spec.template}. */
  @Override
  public List<String> warnings(GenericObject ds, Optional<GenericObject> old) {
    return PodWarnings.forTemplate(FieldPath.root("spec", "template"), template(spec(ds)));
  }

  @Override
  public List<FieldError> validate(GenericObject ds) {
    Map<String, Object> spec = spec(ds);
    FieldPath path = FieldPath.root("spec");
    List<FieldError> errs = new ArrayList<>();
    Optional<PodTemplateSpec> decoded = template(spec);
    if (decoded.isEmpty()) {
      errs.add(FieldError.invalid(path.child("template"), "", "the pod template does not decode as a PodTemplateSpec"));
      return errs;
    }
    PodTemplateSpec template = decoded.get();
    FieldPath selPath = path.child("selector");
    Optional<LabelSelector> selector = selector(spec);
    if (spec.get("selector") == null) {
      errs.add(FieldError.required(selPath, ""));
    } else if (selector.isEmpty()) {
      errs.add(FieldError.invalid(selPath, spec.get("selector"), "invalid label selector"));
    } else {
      errs.addAll(Selectors.validate(selector.get(), selPath));
      boolean convertible = Selectors.convertible(selector.get());
      if (convertible && !Selectors.matches(selector.get(), template.metadata().labels())) {
        errs.add(FieldError.invalid(path.child("template", "metadata", "labels"), Selectors.labelsValue(template.metadata().labels()),
            "`selector` does not match template `labels`"));
      }
      if (Selectors.isEmpty(selector.get())) {
        errs.add(FieldError.invalid(selPath, Selectors.json(selector.get()), "empty selector is invalid for daemonset"));
      }
    }
    FieldPath templatePath = path.child("template");
    errs.addAll(PodTemplateValidation.validateTemplate(template, templatePath));
    String restart = template.specOrEmpty().restartPolicy().orElse("");
    if (!restart.equals("Always")) {
      errs.add(FieldError.notSupported(templatePath.child("spec", "restartPolicy"), restart, List.of("Always")));
    }
    template.specOrEmpty().activeDeadlineSeconds().ifPresent(v -> errs.add(FieldError.invalid(
        templatePath.child("spec", "activeDeadlineSeconds"), v, "activeDeadlineSeconds in DaemonSet is not Supported")));
    Generic.num(spec, "minReadySeconds").ifPresent(v -> errs.addAll(Workloads.nonNegative(v, path.child("minReadySeconds"))));
    Map<String, Object> strategy = Generic.map(spec.get("updateStrategy")).orElse(Map.of());
    String type = Generic.str(strategy, "type");
    if (type.equals(ROLLING_UPDATE)) {
      if (strategy.get("rollingUpdate") == null) {
        errs.add(FieldError.required(path.child("updateStrategy", "rollingUpdate"), ""));
      }
    } else if (!type.equals(ON_DELETE)) {
      errs.add(FieldError.notSupported(path.child("updateStrategy"), strategy, List.of(ROLLING_UPDATE, ON_DELETE)));
    }
    return errs;
  }

  private static Optional<LabelSelector> selector(Map<String, Object> spec) {
    try {
      Object raw = spec.get("selector");
      return raw == null ? Optional.empty() : Optional.of(ObjectCodec.mapper().convertValue(raw, LabelSelector.class));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** apps/v1 refuses to change a selector. */
  @Override
  protected List<FieldError> validateImmutable(GenericObject ds, GenericObject old) {
    return Workloads.immutableSelector(selector(spec(ds)), selector(spec(old)));
  }
}
