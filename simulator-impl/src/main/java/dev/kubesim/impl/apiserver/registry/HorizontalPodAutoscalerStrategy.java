package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HorizontalPodAutoscalers ({@code pkg/registry/autoscaling/horizontalpodautoscaler}, stored as
 * {@code autoscaling/v2}): {@code SetDefaults_HorizontalPodAutoscaler} fills in {@code
 * minReplicas: 1} and, without metrics, the 80% cpu utilization target; a new HPA's empty status
 * shows as {@code desiredReplicas: 0}. The {@code behavior} defaults (applied only to a behavior
 * that is given) and the validation are not simulated.
 */
public final class HorizontalPodAutoscalerStrategy extends Strategy<GenericObject> {
  /** The HorizontalPodAutoscaler rules. */
  public HorizontalPodAutoscalerStrategy() {
    super(GenericObject.class);
  }

  @Override
  public GenericObject defaults(GenericObject hpa) {
    if (!(hpa.content().get("spec") instanceof Map<?, ?> given)) {
      return hpa;
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    given.forEach((k, v) -> spec.put(String.valueOf(k), v));
    spec.putIfAbsent("minReplicas", 1);
    if (!(spec.get("metrics") instanceof List<?> metrics) || metrics.isEmpty()) {
      spec.put("metrics", List.of(com.google.common.collect.ImmutableMap.of("type", "Resource", "resource",
          com.google.common.collect.ImmutableMap.of("name", "cpu", "target",
              com.google.common.collect.ImmutableMap.of("type", "Utilization", "averageUtilization", 80)))));
    }
    Map<String, Object> content = new LinkedHashMap<>(hpa.content());
    content.put("spec", spec);
    // the empty status an HPA is created with serializes its one field without omitempty
    content.putIfAbsent("status", com.google.common.collect.ImmutableMap.of("desiredReplicas", 0));
    return new GenericObject(hpa.apiVersion(), hpa.kind(), hpa.metadata(), content);
  }

  @Override
  public List<FieldError> validate(GenericObject hpa) {
    return List.of();
  }
}
