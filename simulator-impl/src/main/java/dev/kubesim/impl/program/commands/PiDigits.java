package dev.kubesim.impl.program.commands;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * π to a number of significant digits, as Math::BigFloat's {@code bpi(N)} gives it: computed with
 * Machin's formula ({@code 16 atan(1/5) - 4 atan(1/239)}) with guard digits, then rounded to
 * {@code N} digits half to even (Math::BigFloat's default rounding mode).
 */
final class PiDigits {
  /** The most digits computed: beyond it the series would keep a simulation busy for long. */
  static final int MAX_DIGITS = 10_000;

  private PiDigits() {}

  /** π rounded to {@code digits} significant digits, {@code 1 <= digits <= MAX_DIGITS}. */
  static BigDecimal pi(int digits) {
    MathContext work = new MathContext(digits + 10, RoundingMode.HALF_EVEN);
    BigDecimal pi = arctanInverse(5, work).multiply(BigDecimal.valueOf(16))
        .subtract(arctanInverse(239, work).multiply(BigDecimal.valueOf(4)), work);
    return pi.round(new MathContext(digits, RoundingMode.HALF_EVEN));
  }

  /** atan(1/x) by its Taylor series, to the working precision. */
  private static BigDecimal arctanInverse(int x, MathContext mc) {
    BigDecimal xSquared = BigDecimal.valueOf((long) x * x);
    BigDecimal power = BigDecimal.ONE.divide(BigDecimal.valueOf(x), mc); // 1/x^(2k+1)
    BigDecimal sum = power;
    BigDecimal epsilon = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
    for (int k = 1; ; k++) {
      power = power.divide(xSquared, mc);
      BigDecimal term = power.divide(BigDecimal.valueOf(2L * k + 1), mc);
      if (term.compareTo(epsilon) < 0) {
        return sum;
      }
      sum = (k % 2 == 1) ? sum.subtract(term, mc) : sum.add(term, mc);
    }
  }
}
