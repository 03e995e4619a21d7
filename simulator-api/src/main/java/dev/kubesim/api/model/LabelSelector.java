package dev.kubesim.api.model;

import java.util.List;
import java.util.Map;

/** A label selector ({@code metav1.LabelSelector}): label equalities ANDed with set-based requirements. */
public record LabelSelector(
    Map<String, String> matchLabels,
    List<LabelSelectorRequirement> matchExpressions) {
  public LabelSelector {
    matchLabels = Values.map(matchLabels);
    matchExpressions = Values.list(matchExpressions);
  }
}
