package dev.kubesim.api.model;

import java.util.List;
import java.util.Map;

/**
 * A label selector ({@code metav1.LabelSelector}): label equalities ANDed with set-based
 * requirements.
 *
 * @param matchLabels labels a match must have, each with this value
 * @param matchExpressions requirements a match must meet, all of them
 */
public record LabelSelector(
    Map<String, String> matchLabels,
    List<LabelSelectorRequirement> matchExpressions) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param matchLabels labels a match must have, each with this value
   * @param matchExpressions requirements a match must meet, all of them
   */
  public LabelSelector {
    matchLabels = Values.map(matchLabels);
    matchExpressions = Values.list(matchExpressions);
  }
}
