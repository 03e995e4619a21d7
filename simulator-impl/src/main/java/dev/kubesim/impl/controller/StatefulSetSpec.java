package dev.kubesim.impl.controller;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.codec.ObjectCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the StatefulSet controller reads of a StatefulSet, which kubesim stores as a generic object:
 * the {@code apps/v1} spec fields with the API server's defaults for those absent, and the status
 * fields the controller carries from one sync to the next.
 *
 * @param replicas {@code spec.replicas} (1)
 * @param selector {@code spec.selector}, empty when absent or not a selector
 * @param template {@code spec.template}, decoded
 * @param serviceName {@code spec.serviceName}, the pods' subdomain ("" for none)
 * @param parallel whether {@code spec.podManagementPolicy} is {@code Parallel} (else OrderedReady)
 * @param onDelete whether {@code spec.updateStrategy.type} is {@code OnDelete} (else RollingUpdate)
 * @param partition {@code spec.updateStrategy.rollingUpdate.partition} (0)
 * @param minReadySeconds {@code spec.minReadySeconds} (0)
 * @param startOrdinal {@code spec.ordinals.start} (0)
 * @param claimTemplates {@code spec.volumeClaimTemplates}, as written
 * @param deleteClaimsWithSet {@code persistentVolumeClaimRetentionPolicy.whenDeleted} is {@code Delete}
 * @param deleteClaimsOnScaleDown {@code persistentVolumeClaimRetentionPolicy.whenScaled} is {@code Delete}
 * @param currentRevision {@code status.currentRevision} ("" for none)
 * @param collisionCount {@code status.collisionCount} (0)
 */
record StatefulSetSpec(
    int replicas,
    Optional<LabelSelector> selector,
    PodTemplateSpec template,
    String serviceName,
    boolean parallel,
    boolean onDelete,
    int partition,
    int minReadySeconds,
    int startOrdinal,
    List<Map<String, Object>> claimTemplates,
    boolean deleteClaimsWithSet,
    boolean deleteClaimsOnScaleDown,
    String currentRevision,
    int collisionCount) {

  /** Reads a stored StatefulSet. */
  static StatefulSetSpec of(GenericObject sts) {
    Map<String, Object> spec = map(sts.content().get("spec"));
    Map<String, Object> status = map(sts.content().get("status"));
    Map<String, Object> strategy = map(spec.get("updateStrategy"));
    Map<String, Object> rolling = map(strategy.get("rollingUpdate"));
    Map<String, Object> retention = map(spec.get("persistentVolumeClaimRetentionPolicy"));
    Optional<LabelSelector> selector = Optional.empty();
    if (spec.get("selector") instanceof Map<?, ?> sel) {
      try {
        selector = Optional.of(ObjectCodec.mapper().convertValue(sel, LabelSelector.class));
      } catch (IllegalArgumentException e) {
        selector = Optional.empty();
      }
    }
    PodTemplateSpec template = new PodTemplateSpec(null, null);
    if (spec.get("template") instanceof Map<?, ?> t) {
      try {
        template = ObjectCodec.mapper().convertValue(t, PodTemplateSpec.class);
      } catch (IllegalArgumentException e) {
        template = new PodTemplateSpec(null, null);
      }
    }
    List<Map<String, Object>> claims = new java.util.ArrayList<>();
    if (spec.get("volumeClaimTemplates") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?>) {
          claims.add(map(o));
        }
      }
    }
    return new StatefulSetSpec(
        number(spec.get("replicas"), 1),
        selector,
        template,
        text(spec.get("serviceName")),
        "Parallel".equals(spec.get("podManagementPolicy")),
        "OnDelete".equals(strategy.get("type")),
        number(rolling.get("partition"), 0),
        number(spec.get("minReadySeconds"), 0),
        number(map(spec.get("ordinals")).get("start"), 0),
        List.copyOf(claims),
        "Delete".equals(retention.get("whenDeleted")),
        "Delete".equals(retention.get("whenScaled")),
        text(status.get("currentRevision")),
        number(status.get("collisionCount"), 0));
  }

  /** The value as a string-keyed map, or an empty map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static int number(Object value, int absent) {
    return value instanceof Number n ? n.intValue() : absent;
  }

  static String text(Object value) {
    return value instanceof String s ? s : "";
  }
}
