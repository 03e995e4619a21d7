package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code metav1.LabelSelector} as apimachinery matches and prints it: {@code
 * LabelSelectorAsSelector(...).String()} and {@code metav1.FormatLabelSelector}.
 */
public final class LabelSelectorFormat {
  private LabelSelectorFormat() {}

  /** Whether the label set satisfies a {@code metav1.LabelSelector} (an empty selector matches all). */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      String key = r.key().orElse("");
      String v = labels.get(key);
      boolean ok =
          switch (r.operator().orElse("")) {
            case "In" -> v != null && r.values().contains(v);
            case "NotIn" -> v == null || !r.values().contains(v);
            case "Exists" -> v != null;
            case "DoesNotExist" -> v == null;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code labels.Selector.String()} of {@code LabelSelectorAsSelector}: requirements sorted by key,
   * {@code key=value}, {@code key in (a,b)}, {@code key notin (a,b)}, {@code key}, {@code !key};
   * empty for an empty selector.
   */
  public static String selectorString(LabelSelector selector) {
    List<String[]> reqs = new ArrayList<>(); // {key, text}
    selector.matchLabels().forEach((k, v) -> reqs.add(new String[] {k, k + "=" + v}));
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      String key = r.key().orElse("");
      String values = String.join(",", new TreeSet<>(r.values()));
      String text =
          switch (r.operator().orElse("")) {
            case "In" -> key + " in (" + values + ")";
            case "NotIn" -> key + " notin (" + values + ")";
            case "Exists" -> key;
            case "DoesNotExist" -> "!" + key;
            default -> key + " " + r.operator().orElse("") + " (" + values + ")";
          };
      reqs.add(new String[] {key, text});
    }
    reqs.sort((a, b) -> a[0].compareTo(b[0]));
    List<String> texts = new ArrayList<>();
    for (String[] r : reqs) {
      texts.add(r[1]);
    }
    return String.join(",", texts);
  }

  /** {@code metav1.FormatLabelSelector}: as {@link #selectorString}, {@code <none>} when empty. */
  public static String formatLabelSelector(LabelSelector selector) {
    String s = selectorString(selector);
    return s.isEmpty() ? "<none>" : s;
  }
}
