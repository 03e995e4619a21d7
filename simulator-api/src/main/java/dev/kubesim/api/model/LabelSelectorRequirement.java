package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code matchExpressions[i]} of a label selector: key, operator ({@code In}, {@code NotIn}, {@code
 * Exists}, {@code DoesNotExist}) and values.
 *
 * @param key the label's key
 * @param operator {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}
 * @param values the values for {@code In} and {@code NotIn}; empty otherwise
 */
public record LabelSelectorRequirement(
    Optional<String> key,
    Optional<String> operator,
    List<String> values) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param key the label's key
   * @param operator {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}
   * @param values the values for {@code In} and {@code NotIn}; empty otherwise
   */
  public LabelSelectorRequirement {
    key = Values.opt(key);
    operator = Values.opt(operator);
    values = Values.list(values);
  }
}
