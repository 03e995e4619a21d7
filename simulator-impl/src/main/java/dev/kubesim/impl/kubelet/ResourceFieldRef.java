package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Container;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * {@code resourceFieldRef}: a container's limit or request as the downward API gives it ({@code
 * ExtractContainerResourceValue}): CPU in whole units of the divisor rounded up (default 1 core),
 * memory and ephemeral storage in bytes over the divisor rounded up; a limit that is not set is the
 * node's allocatable amount.
 */
final class ResourceFieldRef {
  private ResourceFieldRef() {}

  /**
   * The value of {@code resource} ({@code limits.cpu}, {@code requests.memory}, ...) of a
   * container; empty for a resource the API server would have refused.
   */
  static Optional<String> value(String resource, String divisor, Container container, Map<String, String> allocatable) {
    int dot = resource.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String kind = resource.substring(0, dot);
    String name = resource.substring(dot + 1);
    if (!kind.equals("limits") && !kind.equals("requests")) {
      return Optional.empty();
    }
    Map<?, ?> limits = section(container, "limits");
    Map<?, ?> requests = section(container, "requests");
    Object set = kind.equals("limits") ? limits.get(name) : requests.get(name);
    if (set == null && kind.equals("requests")) {
      set = limits.get(name); // requests default to limits
    }
    BigDecimal amount;
    if (set != null) {
      amount = parse(String.valueOf(set));
    } else if (kind.equals("limits")) {
      amount = parse(allocatable.getOrDefault(name, "0"));
    } else {
      amount = BigDecimal.ZERO;
    }
    BigDecimal by = parse(divisor.isEmpty() ? "1" : divisor);
    if (by.signum() == 0) {
      by = BigDecimal.ONE;
    }
    if (name.equals("cpu")) {
      // millicores over the divisor's millicores, rounded up
      BigDecimal milli = amount.movePointRight(3).setScale(0, RoundingMode.CEILING);
      BigDecimal divMilli = by.movePointRight(3).setScale(0, RoundingMode.CEILING);
      return Optional.of(milli.divide(divMilli, 0, RoundingMode.CEILING).toPlainString());
    }
    BigDecimal bytes = amount.setScale(0, RoundingMode.CEILING);
    return Optional.of(bytes.divide(by.setScale(0, RoundingMode.CEILING), 0, RoundingMode.CEILING).toPlainString());
  }

  private static Map<?, ?> section(Container c, String key) {
    if (c.resources().orElse(null) instanceof Map<?, ?> r && r.get(key) instanceof Map<?, ?> m) {
      return m;
    }
    return Map.of();
  }

  /** A resource.Quantity: a decimal number with a binary (Ki, Mi...) or decimal (m, k, M...) suffix. */
  static BigDecimal parse(String text) {
    String s = text.trim();
    String[][] suffixes = {
        {"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
        {"Pi", "1125899906842624"}, {"Ei", "1152921504606846976"},
        {"m", "0.001"}, {"k", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"},
        {"P", "1000000000000000"}, {"E", "1000000000000000000"}};
    for (String[] suffix : suffixes) {
      if (s.endsWith(suffix[0])) {
        return number(s.substring(0, s.length() - suffix[0].length())).multiply(new BigDecimal(suffix[1]));
      }
    }
    return number(s);
  }

  private static BigDecimal number(String s) {
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return BigDecimal.ZERO;
    }
  }
}
