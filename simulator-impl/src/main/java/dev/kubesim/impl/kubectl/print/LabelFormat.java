package dev.kubesim.impl.kubectl.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Label-set formatting as apimachinery's {@code labels} package does it, used for selectors and
 * the LABELS column.
 */
public final class LabelFormat {
  private LabelFormat() {}

  /**
   * {@code labels.FormatLabels}: {@code key=value} pairs joined by commas, or {@code <none>} when
   * empty. Like {@code labels.Set.String()} it sorts the joined {@code key=value} strings, not the
   * keys, so {@code a-b=1} comes before {@code a=1}.
   */
  public static String formatLabels(Map<String, String> labels) {
    String s = setString(labels);
    return s.isEmpty() ? "<none>" : s;
  }

  /** {@code labels.Set(m).String()}: as {@link #formatLabels} but empty for an empty set. */
  public static String setString(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return "";
    }
    List<String> pairs = new ArrayList<>(labels.size());
    labels.forEach((key, value) -> pairs.add(key + "=" + value));
    pairs.sort(GoText.BYTE_ORDER);
    return String.join(",", pairs);
  }
}
