package dev.kubesim.impl.labels;

import java.util.List;
import java.util.Map;

/**
 * Whether a pod's tolerations tolerate a node's taint ({@code ToleratesTaint} in the core API's
 * helpers), with both as they are written in the API objects: an empty effect tolerates every
 * effect, an empty key with {@code Exists} every taint, {@code Equal} (or no operator) needs the same
 * value, any other operator tolerates nothing.
 */
public final class Tolerations {
  private Tolerations() {}

  /** Whether any of the tolerations tolerates the taint. */
  public static boolean tolerate(List<?> tolerations, Map<?, ?> taint) {
    return tolerations.stream().anyMatch(t -> t instanceof Map<?, ?> m && tolerates(m, taint));
  }

  /** Whether the toleration tolerates the taint. */
  public static boolean tolerates(Map<?, ?> toleration, Map<?, ?> taint) {
    String effect = text(toleration.get("effect"));
    if (!effect.isEmpty() && !effect.equals(text(taint.get("effect")))) {
      return false;
    }
    String key = text(toleration.get("key"));
    String operator = text(toleration.get("operator"));
    if (key.isEmpty()) {
      return operator.equals("Exists");
    }
    if (!key.equals(text(taint.get("key")))) {
      return false;
    }
    return operator.equals("Exists") || ((operator.isEmpty() || operator.equals("Equal"))
        && text(toleration.get("value")).equals(text(taint.get("value"))));
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }
}
