package dev.kubesim.impl.controller;

import dev.kubesim.api.model.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Node taints and pod tolerations, kept as the maps the model stores them as: the taints the node
 * controllers manage, and {@code getMinTolerationTime} of the taint eviction controller.
 */
final class Taints {
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
  static final String NO_EXECUTE = "NoExecute";
  static final String NO_SCHEDULE = "NoSchedule";

  private Taints() {}

  static Map<String, Object> taint(String key, String effect, String timeAdded) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("key", key);
    t.put("effect", effect);
    t.put("timeAdded", timeAdded);
    return t;
  }

  static boolean is(Object taint, String key, String effect) {
    return taint instanceof Map<?, ?> m && key.equals(m.get("key")) && effect.equals(m.get("effect"));
  }

  static Optional<Map<?, ?>> find(Node node, String key, String effect) {
    for (Object t : node.specOrEmpty().taints()) {
      if (is(t, key, effect)) {
        return Optional.of((Map<?, ?>) t);
      }
    }
    return Optional.empty();
  }

  /**
   * How long the tolerations let a pod stay on a node with this NoExecute taint: empty when none
   * tolerates it (evict now), {@code -1} for ever, else the smallest {@code tolerationSeconds}.
   */
  static Optional<Long> tolerationSeconds(List<Object> tolerations, String key) {
    long min = Long.MAX_VALUE;
    boolean tolerated = false;
    for (Object o : tolerations) {
      if (!(o instanceof Map<?, ?> t) || !tolerates(t, key)) {
        continue;
      }
      tolerated = true;
      if (t.get("tolerationSeconds") instanceof Number n) {
        if (n.longValue() <= 0) {
          return Optional.of(0L);
        }
        min = Math.min(min, n.longValue());
      }
    }
    if (!tolerated) {
      return Optional.empty();
    }
    return Optional.of(min == Long.MAX_VALUE ? -1L : min);
  }

  private static boolean tolerates(Map<?, ?> t, String key) {
    Object effect = t.get("effect");
    if (effect != null && !"".equals(effect) && !NO_EXECUTE.equals(effect)) {
      return false;
    }
    Object k = t.get("key");
    String operator = t.get("operator") instanceof String s && !s.isEmpty() ? s : "Equal";
    if (k == null || "".equals(k)) {
      return operator.equals("Exists");
    }
    if (!key.equals(k)) {
      return false;
    }
    // The unreachable taint has no value: Exists matches, Equal matches an empty value.
    Object value = t.get("value");
    return operator.equals("Exists") || value == null || "".equals(value);
  }
}
