package dev.kubesim.impl.program.nettools;

import java.util.Locale;

/**
 * curl's progress meter, which it writes on standard error when not {@code -s} and standard output
 * is not a terminal (as under {@code kubectl exec} without {@code -t}): the two header lines, the
 * first line at 0 and the last one when the transfer ends, then a newline; each line starts with a
 * carriage return so that a terminal shows only the latest.
 */
final class ProgressMeter {
  static final String HEADER =
      "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
          + "                                 Dload  Upload   Total   Spent    Left  Speed\n";

  private ProgressMeter() {}

  /**
   * Standard error with the meter around the verbose lines, as curl interleaves them: the header and
   * the line at 0 first, the verbose lines right after it, the final line (when the transfer
   * completed) and a newline, then the error message.
   */
  static String around(String verbose, String errors, boolean done, long bytes, long elapsedNanos) {
    StringBuilder b = new StringBuilder(HEADER);
    b.append(line(0, 0, 0, 0)).append(verbose);
    if (done) {
      long speed = elapsedNanos <= 0 ? bytes : bytes * 1_000_000_000L / elapsedNanos;
      b.append(line(100, bytes, bytes, speed));
    }
    return b.append('\n').append(errors).toString();
  }

  private static String line(int percent, long total, long received, long speed) {
    return String.format(Locale.ROOT, "\r%3d %s  %3d %s  %3d %s  %s  %s %s %s %s %s", percent, max5(total), percent,
        max5(received), 0, max5(0), max5(speed), max5(0), "--:--:--", "--:--:--", "--:--:--", max5(speed));
  }

  /** curl's five-character sizes: {@code    23}, {@code 1234k}, {@code 12.3M}. */
  static String max5(long n) {
    if (n < 100_000) {
      return String.format(Locale.ROOT, "%5d", n);
    }
    if (n < 10_000L * 1024) {
      return String.format(Locale.ROOT, "%4dk", n / 1024);
    }
    if (n < 100L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%2d.%dM", n / (1024 * 1024), (n % (1024 * 1024)) * 10 / (1024 * 1024));
    }
    return String.format(Locale.ROOT, "%4dM", n / (1024 * 1024));
  }
}
