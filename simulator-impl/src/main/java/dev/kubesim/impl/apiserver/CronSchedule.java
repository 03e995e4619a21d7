package dev.kubesim.impl.apiserver;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CronJob's schedule as {@code robfig/cron/v3}'s {@code ParseStandard} reads it: five fields
 * (minute, hour, day of month, month, day of week) with {@code *}, {@code ?}, lists, ranges,
 * steps and month and weekday names, or a descriptor ({@code @yearly}, {@code @annually}, {@code
 * @monthly}, {@code @weekly}, {@code @daily}, {@code @midnight}, {@code @hourly}, {@code @every
 * <duration>}). When both day fields are restricted a day matches either, as cron does.
 */
public final class CronSchedule {
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
      Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
      Map.entry("nov", 11), Map.entry("dec", 12));
  private static final Map<String, Integer> DAYS = Map.of(
      "sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6);

  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean domStar;
  private final boolean dowStar;
  private final Duration every;

  private CronSchedule(BitSet[] fields, boolean domStar, boolean dowStar, Duration every) {
    this.minutes = fields[0];
    this.hours = fields[1];
    this.daysOfMonth = fields[2];
    this.months = fields[3];
    this.daysOfWeek = fields[4];
    this.domStar = domStar;
    this.dowStar = dowStar;
    this.every = every;
  }

  /** The parser's error, with robfig/cron's message. */
  public static final class ParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseException(String message) {
      super(message);
    }
  }

  /**
   * Parses a schedule.
   *
   * @throws ParseException with the message robfig/cron gives
   */
  public static CronSchedule parse(String spec) {
    String s = spec.trim();
    if (s.isEmpty()) {
      throw new ParseException("empty spec string");
    }
    if (s.startsWith("@")) {
      return descriptor(s);
    }
    String[] f = s.split("\\s+");
    if (f.length != 5) {
      throw new ParseException("expected exactly 5 fields, found " + f.length + ": [" + String.join(" ", f) + "]");
    }
    BitSet[] fields = {
        field(f[0], 0, 59, Map.of()), field(f[1], 0, 23, Map.of()), field(f[2], 1, 31, Map.of()),
        field(f[3], 1, 12, MONTHS), field(f[4], 0, 6, DAYS)};
    return new CronSchedule(fields, isStar(f[2]), isStar(f[4]), null);
  }

  private static boolean isStar(String field) {
    return field.equals("*") || field.equals("?");
  }

  private static CronSchedule descriptor(String s) {
    String d = s.toLowerCase(Locale.ROOT);
    String fields = switch (d) {
      case "@yearly", "@annually" -> "0 0 1 1 *";
      case "@monthly" -> "0 0 1 * *";
      case "@weekly" -> "0 0 * * 0";
      case "@daily", "@midnight" -> "0 0 * * *";
      case "@hourly" -> "0 * * * *";
      default -> null;
    };
    if (fields != null) {
      return parse(fields);
    }
    if (d.startsWith("@every ")) {
      Duration every = goDuration(s.substring("@every ".length()).trim());
      if (every == null) {
        throw new ParseException("failed to parse duration " + s + ": time: invalid duration \""
            + s.substring("@every ".length()).trim() + "\"");
      }
      return new CronSchedule(new BitSet[5], false, false, every);
    }
    throw new ParseException("unrecognized descriptor: " + s);
  }

  /** Go's {@code time.ParseDuration} for h, m, s and ms units; null when it does not parse. */
  private static Duration goDuration(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|h|m|s)").matcher(text);
    Duration d = Duration.ZERO;
    int at = 0;
    while (m.find()) {
      if (m.start() != at) {
        return null;
      }
      long n = Long.parseLong(m.group(1));
      d = d.plus(switch (m.group(2)) {
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        case "s" -> Duration.ofSeconds(n);
        default -> Duration.ofMillis(n);
      });
      at = m.end();
    }
    return at == text.length() && at > 0 ? d : null;
  }

  private static BitSet field(String text, int min, int max, Map<String, Integer> names) {
    BitSet bits = new BitSet(max + 1);
    for (String part : text.split(",")) {
      bits.or(range(part, min, max, names));
    }
    return bits;
  }

  private static BitSet range(String expr, int min, int max, Map<String, Integer> names) {
    String[] rangeAndStep = expr.split("/", -1);
    String[] lowAndHigh = rangeAndStep[0].split("-", -1);
    boolean single = lowAndHigh.length == 1;
    int start;
    int end;
    if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
      start = min;
      end = max;
    } else {
      start = value(lowAndHigh[0], names);
      if (lowAndHigh.length == 1) {
        end = start;
      } else if (lowAndHigh.length == 2) {
        end = value(lowAndHigh[1], names);
      } else {
        throw new ParseException("too many hyphens: " + expr);
      }
    }
    int step = 1;
    if (rangeAndStep.length == 2) {
      step = number(rangeAndStep[1]);
      if (single && !(lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?"))) {
        end = max; // "N/step" runs from N to the end
      }
      if (step <= 0) {
        throw new ParseException("step of range should be a positive number: " + expr);
      }
    } else if (rangeAndStep.length > 2) {
      throw new ParseException("too many slashes: " + expr);
    }
    if (start < min) {
      throw new ParseException("beginning of range (" + start + ") below minimum (" + min + "): " + expr);
    }
    if (end > max) {
      throw new ParseException("end of range (" + end + ") above maximum (" + max + "): " + expr);
    }
    if (start > end) {
      throw new ParseException("beginning of range (" + start + ") beyond end of range (" + end + "): " + expr);
    }
    BitSet bits = new BitSet(max + 1);
    for (int i = start; i <= end; i += step) {
      bits.set(i);
    }
    return bits;
  }

  private static int value(String text, Map<String, Integer> names) {
    Integer named = names.get(text.toLowerCase(Locale.ROOT));
    return named != null ? named : number(text);
  }

  private static int number(String text) {
    try {
      int n = Integer.parseInt(text);
      if (n < 0) {
        throw new ParseException("negative number (" + n + ") not allowed: " + text);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ParseException("failed to parse int from " + text + ": strconv.Atoi: parsing \"" + text
          + "\": invalid syntax");
    }
  }

  /** The first scheduled time strictly after {@code after}, in this zone; empty when none comes within five years. */
  public Optional<Instant> next(Instant after, ZoneId zone) {
    if (every != null) {
      long step = Math.max(1, every.getSeconds());
      // robfig's ConstantDelaySchedule: after plus the delay, rounded down to the second
      return Optional.of(after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(step));
    }
    ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    ZonedDateTime limit = t.plusYears(5);
    while (t.isBefore(limit)) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
        continue;
      }
      if (!dayMatches(t)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
        continue;
      }
      if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
        continue;
      }
      if (!minutes.get(t.getMinute())) {
        t = t.plusMinutes(1);
        continue;
      }
      return Optional.of(t.toInstant());
    }
    return Optional.empty();
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean dom = daysOfMonth.get(t.getDayOfMonth());
    boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
    if (domStar || dowStar) {
      return dom && dow;
    }
    return dom || dow;
  }
}
