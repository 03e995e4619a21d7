package dev.kubesim.impl.apiserver.registry;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * apimachinery's {@code resource.Quantity}, as far as defaulting and validation need it: the
 * numeric value of {@code 500m}, {@code 1Gi}, {@code 2e3}, for comparisons (QoS class, requests
 * against limits, negative values). The canonical re-formatting Go does is not reproduced.
 */
public final class Quantity {
  private static final Pattern SYNTAX =
      Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?");
  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
          Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
          Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
          Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
          Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
          Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")));

  private Quantity() {}

  /** The value of a quantity written as a string or a bare number; empty when it does not parse. */
  public static Optional<BigDecimal> parse(Object raw) {
    if (raw instanceof Number n) {
      return Optional.of(new BigDecimal(n.toString()));
    }
    if (!(raw instanceof String s)) {
      return Optional.empty();
    }
    Matcher m = SYNTAX.matcher(s.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    if (suffix == null) {
      return Optional.of(number);
    }
    if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
      return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1).replace("+", ""))));
    }
    return Optional.of(number.multiply(SUFFIXES.get(suffix)));
  }
}
