package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.GenericObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading and copying the parts of the model kept as decoded JSON ({@code Object}: maps, lists,
 * strings, numbers), such as volumes, tolerations and resource requirements. Decoded maps may be
 * mutable and shared with stored objects, so every change goes through a copy.
 */
final class Generic {
  private Generic() {}

  /** The value as a map, or empty when it is not one. */
  @SuppressWarnings("unchecked")
  static Optional<Map<String, Object>> map(Object value) {
    return value instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
  }

  /** The map under {@code key}, or empty. */
  static Optional<Map<String, Object>> map(Map<String, Object> m, String key) {
    return m == null ? Optional.empty() : map(m.get(key));
  }

  /** The list under {@code key}, or an empty list. */
  static List<?> list(Map<String, Object> m, String key) {
    return m != null && m.get(key) instanceof List<?> l ? l : List.of();
  }

  /** The string under {@code key}; Go's zero value {@code ""} when absent or not a string. */
  static String str(Map<String, Object> m, String key) {
    return m != null && m.get(key) instanceof String s ? s : "";
  }

  /** The integer under {@code key}, if it is a whole number. */
  static Optional<Long> num(Map<String, Object> m, String key) {
    if (m != null && m.get(key) instanceof Number n) {
      double d = n.doubleValue();
      if (n instanceof Integer || n instanceof Long || d == Math.rint(d)) {
        return Optional.of(n.longValue());
      }
    }
    return Optional.empty();
  }

  /** An insertion-ordered mutable copy. */
  static Map<String, Object> copy(Map<String, Object> m) {
    return m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m);
  }

  /**
   * {@code PrepareForUpdate} of a kind with a status subresource: the update's object with the stored
   * object's status (none when it has none), whatever status the update carried.
   */
  static GenericObject withStatusOf(GenericObject updated, GenericObject stored) {
    Map<String, Object> content = new LinkedHashMap<>(updated.content());
    Object status = stored.content().get("status");
    if (status == null) {
      content.remove("status");
    } else {
      content.put("status", status);
    }
    return new GenericObject(updated.apiVersion(), updated.kind(), updated.metadata(), content);
  }
}
