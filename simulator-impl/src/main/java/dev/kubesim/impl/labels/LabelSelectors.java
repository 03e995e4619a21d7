package dev.kubesim.impl.labels;

import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.LabelSelectorRequirement;
import java.util.Map;

/**
 * Label selector matching as apimachinery does it: {@code matchLabels} and {@code
 * matchExpressions} ({@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}) all have to
 * hold. An empty selector matches everything; a Service's or RC's map selector matches when every
 * pair is among the labels.
 */
public final class LabelSelectors {
  private LabelSelectors() {}

  /** Whether a map selector (Service, ReplicationController) matches the labels. */
  public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    for (Map.Entry<String, String> e : selector.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a {@code metav1.LabelSelector} matches the labels. */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (!matches(selector.matchLabels(), labels)) {
      return false;
    }
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      String key = r.key().orElse("");
      boolean has = labels.containsKey(key);
      String value = labels.get(key);
      boolean ok = switch (r.operator().orElse("")) {
        case "In" -> has && r.values().contains(value);
        case "NotIn" -> !has || !r.values().contains(value);
        case "Exists" -> has;
        case "DoesNotExist" -> !has;
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
