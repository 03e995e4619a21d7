package dev.kubesim.impl.kubectl.print;

import java.time.Duration;
import java.time.Instant;

/**
 * Port of apimachinery's {@code pkg/util/duration}: the short durations kubectl shows in AGE
 * columns ({@code 45s}, {@code 2m30s}, {@code 3h15m}, {@code 3d4h}, {@code 2y100d}, ...).
 *
 * <p>Durations are first clamped to Go's {@code time.Duration} range (int64 nanoseconds), as
 * {@code time.Since} saturates; arithmetic then follows the Go code, including its truncation
 * toward zero and its float conversions.
 */
public final class HumanDuration {
  private static final long SECOND = 1_000_000_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;

  private HumanDuration() {}

  /**
   * {@code duration.HumanDuration}: about two to three significant figures. Negative durations of
   * less than two seconds print as {@code 0s} (clock skew), longer ones as {@code <invalid>}.
   */
  public static String humanDuration(Duration duration) {
    long d = goNanos(duration);
    // Allow deviation no more than 2 seconds (excluded) to tolerate machine time inconsistence.
    long seconds = (long) goSeconds(d);
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = d / MINUTE;
    if (minutes < 10) {
      long s = (d / SECOND) % 60;
      if (s == 0) {
        return minutes + "m";
      }
      return minutes + "m" + s + "s";
    } else if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = d / HOUR;
    if (hours < 8) {
      long m = (d / MINUTE) % 60;
      if (m == 0) {
        return hours + "h";
      }
      return hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      if (h == 0) {
        return hours / 24 + "d";
      }
      return hours / 24 + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    } else if (hours < 24 * 365 * 8) {
      long dy = (hours / 24) % 365;
      if (dy == 0) {
        return hours / 24 / 365 + "y";
      }
      return hours / 24 / 365 + "y" + dy + "d";
    }
    return hours / 24 / 365 + "y";
  }

  /**
   * {@code duration.ShortHumanDuration}: a single unit ({@code 59s}, {@code 1m}, {@code 23h},
   * {@code 364d}, {@code 1y}), with the same handling of small negative durations.
   */
  public static String shortHumanDuration(Duration duration) {
    long d = goNanos(duration);
    long seconds = (long) goSeconds(d);
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60) {
      return seconds + "s";
    }
    long minutes = (long) goMinutes(d);
    if (minutes < 60) {
      return minutes + "m";
    }
    long hours = (long) goHours(d);
    if (hours < 24) {
      return hours + "h";
    } else if (hours < 24 * 365) {
      return hours / 24 + "d";
    }
    return (long) (goHours(d) / 24 / 365) + "y";
  }

  /**
   * kubectl's {@code translateTimestampSince}: {@code <unknown>} for a missing timestamp,
   * otherwise {@link #humanDuration} of the time elapsed until {@code now}.
   */
  public static String translateTimestampSince(Instant timestamp, Instant now) {
    if (timestamp == null) {
      return "<unknown>";
    }
    return humanDuration(Duration.between(timestamp, now));
  }

  /** The duration as Go's int64 nanoseconds, saturating like {@code time.Time.Sub}. */
  private static long goNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException overflow) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  // time.Duration's float accessors, computed as Go does (whole units plus fraction).

  private static double goSeconds(long d) {
    return (double) (d / SECOND) + (double) (d % SECOND) / 1e9;
  }

  private static double goMinutes(long d) {
    return (double) (d / MINUTE) + (double) (d % MINUTE) / (60 * 1e9);
  }

  private static double goHours(long d) {
    return (double) (d / HOUR) + (double) (d % HOUR) / (60 * 60 * 1e9);
  }
}
