package dev.kubesim.impl.apiserver.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.DeploymentSpec;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.RollingUpdateDeployment;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.NumberSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deployments ({@code pkg/registry/apps/deployment}, {@code apps/v1}): {@code
 * SetDefaults_Deployment} (one replica, RollingUpdate with 25% unavailable and 25% surge, ten
 * revisions, a 600s progress deadline), the template's pod defaults, {@code ValidateDeployment},
 * and a selector that may not change.
 */
public final class DeploymentStrategy extends Strategy<Deployment> {
  private static final String ROLLING_UPDATE = "RollingUpdate";
  private static final String RECREATE = "Recreate";

  /** The Deployment rules. */
  public DeploymentStrategy() {
    super(Deployment.class);
  }

  @Override
  public Deployment defaults(Deployment d) {
    DeploymentSpec spec = d.specOrEmpty();
    dev.kubesim.api.model.DeploymentStrategy strategy =
        spec.strategy().orElseGet(() -> new dev.kubesim.api.model.DeploymentStrategy(null, null));
    String type = strategy.type().filter(t -> !t.isEmpty()).orElse(ROLLING_UPDATE);
    Optional<RollingUpdateDeployment> rolling = strategy.rollingUpdate();
    if (type.equals(ROLLING_UPDATE)) {
      RollingUpdateDeployment ru = rolling.orElseGet(() -> new RollingUpdateDeployment(null, null));
      rolling = Optional.of(new RollingUpdateDeployment(
          Optional.of(ru.maxUnavailable().orElse(IntOrString.of("25%"))),
          Optional.of(ru.maxSurge().orElse(IntOrString.of("25%")))));
    }
    PodTemplateSpec template = PodSpecDefaults.template(spec.template().orElseGet(() -> new PodTemplateSpec(null, null)));
    return d.withSpec(new DeploymentSpec(
        Optional.of(spec.replicas().orElse(1)),
        spec.selector(),
        Optional.of(template),
        Optional.of(new dev.kubesim.api.model.DeploymentStrategy(Optional.of(type), rolling)),
        spec.minReadySeconds(),
        Optional.of(spec.revisionHistoryLimit().orElse(10)),
        spec.paused(),
        Optional.of(spec.progressDeadlineSeconds().orElse(600))));
  }

  /** {@code PrepareForCreate}: the status is the controller's to write. */
  @Override
  public Deployment admit(Deployment d, ApiServer api) {
    return d.withStatus(null);
  }

  /** {@code GetWarningsForPodTemplate} at {@code spec.template}. */
  @Override
  public List<String> warnings(Deployment object, Optional<Deployment> old) {
    return PodWarnings.forTemplate(FieldPath.root("spec", "template"), object.specOrEmpty().template());
  }

  @Override
  public List<FieldError> validate(Deployment d) {
    DeploymentSpec spec = d.specOrEmpty();
    FieldPath path = FieldPath.root("spec");
    List<FieldError> errs = new ArrayList<>();
    errs.addAll(Workloads.nonNegative(spec.replicas().orElse(0), path.child("replicas")));
    errs.addAll(Workloads.selectorAndTemplate(
        spec.selector(), spec.template().orElseGet(() -> new PodTemplateSpec(null, null)), path, "ReplicaSet"));
    errs.addAll(validateStrategy(spec.strategy().orElseGet(() -> new dev.kubesim.api.model.DeploymentStrategy(null, null)),
        path.child("strategy")));
    int minReady = spec.minReadySeconds().orElse(0);
    errs.addAll(Workloads.nonNegative(minReady, path.child("minReadySeconds")));
    spec.revisionHistoryLimit().ifPresent(v -> errs.addAll(Workloads.nonNegative(v, path.child("revisionHistoryLimit"))));
    spec.progressDeadlineSeconds().ifPresent(v -> {
      errs.addAll(Workloads.nonNegative(v, path.child("progressDeadlineSeconds")));
      if (v <= minReady) {
        errs.add(FieldError.invalid(path.child("progressDeadlineSeconds"), v, "must be greater than minReadySeconds"));
      }
    });
    return errs;
  }

  /** {@code ValidateDeploymentStrategy}. */
  private static List<FieldError> validateStrategy(dev.kubesim.api.model.DeploymentStrategy strategy, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    String type = strategy.type().orElse("");
    switch (type) {
      case RECREATE -> {
        if (strategy.rollingUpdate().isPresent()) {
          errs.add(FieldError.forbidden(path.child("rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'"));
        }
      }
      case ROLLING_UPDATE -> {
        if (strategy.rollingUpdate().isEmpty()) {
          errs.add(FieldError.required(path.child("rollingUpdate"), "this should be defaulted and never be nil"));
        } else {
          errs.addAll(validateRollingUpdate(strategy.rollingUpdate().get(), path.child("rollingUpdate")));
        }
      }
      default -> {
        Object shown = new StrategyJson(type, strategy.rollingUpdate().map(DeploymentStrategy::rollingJson).orElse(null));
        errs.add(FieldError.notSupported(path, shown, List.of(RECREATE, ROLLING_UPDATE)));
      }
    }
    return errs;
  }

  /** {@code ValidateRollingUpdateDeployment}. */
  private static List<FieldError> validateRollingUpdate(RollingUpdateDeployment ru, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    IntOrString unavailable = ru.maxUnavailable().orElse(IntOrString.of(0));
    IntOrString surge = ru.maxSurge().orElse(IntOrString.of(0));
    errs.addAll(positiveIntOrPercent(unavailable, path.child("maxUnavailable")));
    errs.addAll(positiveIntOrPercent(surge, path.child("maxSurge")));
    if (intOrPercentValue(unavailable) == 0 && intOrPercentValue(surge) == 0) {
      errs.add(FieldError.invalid(path.child("maxUnavailable"), raw(unavailable), "may not be 0 when `maxSurge` is 0"));
    }
    Optional<Integer> percent = percentValue(unavailable);
    if (percent.isPresent() && percent.get() > 100) {
      errs.add(FieldError.invalid(path.child("maxUnavailable"), raw(unavailable), "must not be greater than 100%"));
    }
    return errs;
  }

  private static List<FieldError> positiveIntOrPercent(IntOrString v, FieldPath path) {
    if (v.isInt()) {
      return Workloads.nonNegative(v.intValue().getAsInt(), path);
    }
    return FieldError.invalidEach(path, v.stringValue(), NumberSyntax.isValidPercent(v.stringValue()));
  }

  private static Optional<Integer> percentValue(IntOrString v) {
    if (v.isInt() || !NumberSyntax.isValidPercent(v.stringValue()).isEmpty()) {
      return Optional.empty();
    }
    String digits = v.stringValue().substring(0, v.stringValue().length() - 1);
    try {
      return Optional.of(Integer.parseInt(digits));
    } catch (NumberFormatException e) {
      return Optional.of(0); // Go's Atoi error leaves 0
    }
  }

  /** {@code getIntOrPercentValue}: the percentage, the number, or 0 for any other string. */
  private static int intOrPercentValue(IntOrString v) {
    if (v.isInt()) {
      return v.intValue().getAsInt();
    }
    Optional<Integer> p = percentValue(v);
    if (p.isPresent()) {
      return p.get();
    }
    try {
      return Integer.parseInt(v.stringValue());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Object raw(IntOrString v) {
    return v.isInt() ? (Object) v.intValue().getAsInt() : v.stringValue();
  }

  private static Map<String, Object> rollingJson(RollingUpdateDeployment ru) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    ru.maxUnavailable().ifPresent(v -> m.put("maxUnavailable", raw(v)));
    ru.maxSurge().ifPresent(v -> m.put("maxSurge", raw(v)));
    return m;
  }

  /** {@code apps/v1.DeploymentStrategy}'s JSON shape, for the value of an unsupported strategy. */
  record StrategyJson(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) String type,
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> rollingUpdate) {}

  @Override
  protected List<FieldError> validateImmutable(Deployment d, Deployment old) {
    return Workloads.immutableSelector(d.specOrEmpty().selector(), old.specOrEmpty().selector());
  }

  /** {@code PrepareForUpdate}: the status is kept. */
  @Override
  public Deployment prepareForUpdate(Deployment d, Deployment old) {
    return d.withStatus(old.status().orElse(null));
  }
}
