package dev.kubesim.samples.conformance;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code advance} durations: one or more number-unit pairs, units {@code ms}, {@code s}, {@code m}, {@code h}. */
final class DurationText {
  /** The whole-text form, also used by the loader to reject other spellings. */
  static final String REGEX = "(\\d+(ms|s|m|h))+";

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private DurationText() {}

  static Duration parse(String text) {
    if (!text.matches(REGEX)) {
      throw new IllegalArgumentException("not a duration: " + Texts.quote(text));
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      });
    }
    return total;
  }
}
