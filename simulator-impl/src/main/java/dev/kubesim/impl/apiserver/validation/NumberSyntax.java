package dev.kubesim.impl.apiserver.validation;

import static dev.kubesim.impl.apiserver.validation.ValidationMessages.inclusiveRangeError;
import static dev.kubesim.impl.apiserver.validation.ValidationMessages.regexError;

import java.util.List;
import java.util.regex.Pattern;

/** Numeric checks from apimachinery's {@code validation.go}: inclusive ranges and percentages. */
public final class NumberSyntax {
  private static final String PERCENT_FMT = "[0-9]+%";
  private static final String PERCENT_ERR_MSG =
      "a valid percent string must be a numeric string followed by an ending '%'";
  private static final Pattern PERCENT = Pattern.compile(PERCENT_FMT);

  private NumberSyntax() {}

  /** {@code min <= value <= max}: {@code must be between MIN and MAX, inclusive} otherwise. */
  public static List<String> isInRange(long value, long min, long max) {
    if (value >= min && value <= max) {
      return List.of();
    }
    return List.of(inclusiveRangeError(min, max));
  }

  /** A percentage string such as {@code 25%}. */
  public static List<String> isValidPercent(String percent) {
    if (PERCENT.matcher(percent).matches()) {
      return List.of();
    }
    return List.of(regexError(PERCENT_ERR_MSG, PERCENT_FMT, "1%", "93%"));
  }
}
