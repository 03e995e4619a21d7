package dev.kubesim.impl.kubectl;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's {@code time.ParseDuration}, as pflag reads duration flags ({@code --timeout=1m30s}). */
final class GoDuration {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
  private static final Map<String, Long> NANOS = Map.of(
      "ns", 1L, "us", 1_000L, "µs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  private GoDuration() {}

  /**
   * The flag's duration, or the default when the flag is absent.
   *
   * @throws KubectlException with pflag's wording for a value Go would not parse
   */
  static Duration flag(ParsedArgs args, String flag, Duration defaultValue) {
    if (!args.has(flag)) {
      return defaultValue;
    }
    String value = args.string(flag).orElse("");
    return parse(value).orElseThrow(() -> KubectlException.usage("invalid argument \"" + value + "\" for \"--" + flag
        + "\" flag: time: invalid duration \"" + value + "\"", args.commandPath()));
  }

  static Optional<Duration> parse(String text) {
    String s = text;
    boolean negative = s.startsWith("-");
    if (s.startsWith("-") || s.startsWith("+")) {
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = PART.matcher(s);
    long nanos = 0;
    int at = 0;
    while (at < s.length()) {
      if (!m.find(at) || m.start() != at) {
        return Optional.empty();
      }
      nanos += new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS.get(m.group(2)))).longValue();
      at = m.end();
    }
    return Optional.of(Duration.ofNanos(negative ? -nanos : nanos));
  }
}
