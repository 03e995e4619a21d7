package dev.kubesim.impl.apiserver.validation;

import java.nio.charset.StandardCharsets;

/**
 * The message builders apimachinery's {@code validation.go} shares between its checks ({@code
 * MaxLenError}, {@code RegexError}, {@code EmptyError}, {@code InclusiveRangeError}), with the same
 * wording, so validators elsewhere in kubesim can phrase new messages the Kubernetes way.
 */
public final class ValidationMessages {
  private ValidationMessages() {}

  /** {@code must be no more than N characters}. */
  public static String maxLenError(int length) {
    return "must be no more than " + length + " characters";
  }

  /**
   * A failed-regex message: {@code msg (e.g. 'ex1',  or 'ex2', regex used for validation is 're')}.
   * The doubled space before {@code or} is apimachinery's own (each example ends in {@code ", "}).
   */
  public static String regexError(String msg, String regex, String... examples) {
    if (examples.length == 0) {
      return msg + " (regex used for validation is '" + regex + "')";
    }
    StringBuilder sb = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        sb.append(" or ");
      }
      sb.append('\'').append(examples[i]).append("', ");
    }
    return sb.append("regex used for validation is '").append(regex).append("')").toString();
  }

  /** {@code must be non-empty}. */
  public static String emptyError() {
    return "must be non-empty";
  }

  /** {@code must be between LO and HI, inclusive}. */
  public static String inclusiveRangeError(long lo, long hi) {
    return "must be between " + lo + " and " + hi + ", inclusive";
  }

  /** Go's {@code len(s)}: the UTF-8 byte count, which is what apimachinery's limits measure. */
  static int byteLength(String s) {
    int ascii = 0;
    while (ascii < s.length() && s.charAt(ascii) < 0x80) {
      ascii++;
    }
    // Fast path for the overwhelmingly common ASCII case.
    return ascii == s.length() ? ascii : s.getBytes(StandardCharsets.UTF_8).length;
  }
}
