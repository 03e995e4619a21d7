package dev.kubesim.impl.kubectl.describe;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code resource.Quantity} ({@code 500m}, {@code 16Gi}, {@code 1e3}): its exact value, the
 * format its suffix implies, and the canonical text {@code Quantity.String()} prints
 * ({@code 102400Mi} is {@code 100Gi}, {@code 0.5} is {@code 500m}).
 *
 * @param value the exact amount
 * @param binary whether the suffix was a binary one ({@code Ki} ... {@code Ei})
 */
record Quantity(BigDecimal value, boolean binary) {
  static final Quantity ZERO = new Quantity(BigDecimal.ZERO, false);

  private static final Pattern SYNTAX = Pattern.compile("^([+-]?[0-9.]+)([eE][+-]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?$");
  private static final Map<String, Integer> DECIMAL_EXPONENTS =
      Map.of("n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
  private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final String[] DECIMAL_SUFFIXES = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};

  /** Parses a quantity, or empty when the text is not one. */
  static Optional<Quantity> parse(Object text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = SYNTAX.matcher(text.toString().trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal number;
    try {
      number = new BigDecimal(m.group(1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    String suffix = m.group(2) == null ? "" : m.group(2);
    if (suffix.endsWith("i")) {
      int power = Arrays.asList(BINARY_SUFFIXES).indexOf(suffix);
      return Optional.of(new Quantity(number.multiply(BigDecimal.valueOf(1024).pow(power)), true));
    }
    if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
      return Optional.of(new Quantity(number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1))), false));
    }
    return Optional.of(new Quantity(number.scaleByPowerOfTen(DECIMAL_EXPONENTS.get(suffix)), false));
  }

  /** The sum, in this quantity's format (as {@code Quantity.Add} keeps the receiver's). */
  Quantity plus(Quantity other) {
    if (value.signum() == 0) {
      return new Quantity(value.add(other.value), other.binary);
    }
    return new Quantity(value.add(other.value), binary);
  }

  /** The value in thousandths, rounded up ({@code MilliValue}). */
  long milliValue() {
    return value.movePointRight(3).setScale(0, RoundingMode.CEILING).longValue();
  }

  /** The value rounded up to an integer ({@code Value}). */
  long wholeValue() {
    return value.setScale(0, RoundingMode.CEILING).longValue();
  }

  /** {@code Quantity.String()}: the canonical text. */
  @Override
  public String toString() {
    if (value.signum() == 0) {
      return "0";
    }
    boolean useBinary = binary;
    if (useBinary && value.abs().compareTo(BigDecimal.valueOf(1024)) < 0) {
      useBinary = false; // avoids rounding and confusion, as Kubernetes does
    }
    if (useBinary && value.stripTrailingZeros().scale() > 0) {
      useBinary = false; // not a whole number of bytes: keep precision in decimal
    }
    if (useBinary) {
      BigInteger n = value.toBigIntegerExact();
      int power = 0;
      BigInteger k = BigInteger.valueOf(1024);
      while (power < 6 && n.mod(k).signum() == 0) {
        n = n.divide(k);
        power++;
      }
      return n + BINARY_SUFFIXES[power];
    }
    // decimal: the largest exponent (a multiple of 3) that keeps the mantissa whole; at least 10^-9
    for (int i = DECIMAL_SUFFIXES.length - 1; i >= 0; i--) {
      int exponent = (i - 3) * 3;
      BigDecimal mantissa = value.scaleByPowerOfTen(-exponent);
      if (mantissa.stripTrailingZeros().scale() <= 0) {
        return mantissa.setScale(0, RoundingMode.UNNECESSARY).toPlainString() + DECIMAL_SUFFIXES[i];
      }
    }
    return value.scaleByPowerOfTen(9).setScale(0, RoundingMode.CEILING).toPlainString() + "n";
  }
}
