package dev.kubesim.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * An object of any kind kubesim does not model (ConfigMap, Secret, StatefulSet, CRDs, ...): its
 * {@code apiVersion}, {@code kind} and {@code metadata}, and every other top-level field ({@code
 * data}, {@code spec}, {@code status}, ...) kept as is in {@code content}, in document order, and
 * written back at the top level.
 *
 * @param apiVersion the object's {@code apiVersion}
 * @param kind the object's {@code kind}
 * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
 */
public record GenericObject(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> content)
    implements KubeObject {
  /**
   * Normalises the fields: absent metadata becomes empty, and the content is copied immutable
   * without its {@code null} values.
   *
   * @param apiVersion the object's {@code apiVersion}
   * @param kind the object's {@code kind}
   * @param metadata name, namespace, labels, annotations, owners and the API server's bookkeeping
   * @param content the {@code content} field; {@code null} for none
   */
  public GenericObject {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    content = copyWithoutNulls(content);
  }

  @Override
  public GenericObject withMetadata(ObjectMeta value) {
    return new GenericObject(apiVersion, kind, value, content);
  }

  /** Insertion-ordered immutable copy; top-level {@code null} values (e.g. an empty {@code data:}) are dropped. */
  private static ImmutableMap<String, Object> copyWithoutNulls(Map<String, Object> value) {
    if (value == null) {
      return ImmutableMap.of();
    }
    if (value instanceof ImmutableMap<String, Object> immutable) {
      return immutable; // holds no nulls already; withMetadata and the API server's steps need no new copy
    }
    ImmutableMap.Builder<String, Object> copy = ImmutableMap.builderWithExpectedSize(value.size());
    value.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            copy.put(k, v);
          }
        });
    return copy.buildOrThrow();
  }
}
