package dev.kubesim.impl.kubectl;

import dev.kubesim.impl.labels.SelectorText;
import java.util.Map;
import java.util.function.Predicate;

/** kubectl's {@code -l}: the selector syntax, its parse errors as kubectl's {@code error:} lines. */
final class SelectorParser {
  private SelectorParser() {}

  /**
   * Parses a {@code -l} selector into a predicate over a label set.
   *
   * @throws KubectlException when it does not parse
   */
  static Predicate<Map<String, String>> parse(String selector) {
    try {
      return SelectorText.parse(selector);
    } catch (IllegalArgumentException e) {
      throw KubectlException.error(e.getMessage());
    }
  }
}
