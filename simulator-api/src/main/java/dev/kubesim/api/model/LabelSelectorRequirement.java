package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** {@code matchExpressions[i]} of a label selector: key, operator ({@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}) and values. */
public record LabelSelectorRequirement(
    Optional<String> key,
    Optional<String> operator,
    List<String> values) {
  public LabelSelectorRequirement {
    key = Values.opt(key);
    operator = Values.opt(operator);
    values = Values.list(values);
  }
}
