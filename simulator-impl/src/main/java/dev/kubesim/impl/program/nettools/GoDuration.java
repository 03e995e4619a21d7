package dev.kubesim.impl.program.nettools;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration}, which pflag's duration flags use: a signed sequence of decimal
 * numbers, each with an optional fraction and a unit ({@code ns}, {@code us} or {@code µs}, {@code
 * ms}, {@code s}, {@code m}, {@code h}), such as {@code 1s}, {@code 300ms}, {@code 1h30m}, {@code
 * -1.5h}; a lone {@code 0} needs no unit. Errors are Go's words.
 */
final class GoDuration {
  private static final Map<String, Long> UNITS = Map.of(
      "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
      "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private GoDuration() {}

  /** Thrown with Go's message, e.g. {@code time: invalid duration "x"}. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  /** The duration in nanoseconds. */
  static long parse(String text) throws Invalid {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != '.' && !isDigit(c)) {
        throw invalid(text);
      }
      int start = i;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
      }
      boolean whole = i > start;
      boolean fraction = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int f = i;
        while (i < s.length() && isDigit(s.charAt(i))) {
          i++;
        }
        fraction = i > f;
      }
      if (!whole && !fraction) {
        throw invalid(text);
      }
      BigDecimal number = new BigDecimal("0" + s.substring(start, i) + (s.charAt(i - 1) == '.' ? "0" : ""));
      int u = i;
      while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
        i++;
      }
      String unit = s.substring(u, i);
      if (unit.isEmpty()) {
        throw new Invalid("time: missing unit in duration " + quote(text));
      }
      Long scale = UNITS.get(unit);
      if (scale == null) {
        throw new Invalid("time: unknown unit " + quote(unit) + " in duration " + quote(text));
      }
      total = total.add(number.multiply(BigDecimal.valueOf(scale)));
      if (total.toBigInteger().compareTo(MAX) > 0) {
        throw invalid(text);
      }
    }
    long nanos = total.toBigInteger().longValue();
    return negative ? -nanos : nanos;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static Invalid invalid(String text) {
    return new Invalid("time: invalid duration " + quote(text));
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
