package dev.kubesim.impl.kubectl.describe;

import dev.kubesim.impl.kubectl.printers.Cells;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Go's {@code time.RFC1123Z} layout, which describe uses for most timestamps, and {@code
 * time.Time.String()}, which a few describers print through {@code %s}. kubectl shows times in its
 * machine's zone; kubesim's is UTC.
 */
final class GoTime {
  private static final DateTimeFormatter RFC1123Z =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter GO_STRING =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US).withZone(ZoneOffset.UTC);

  private GoTime() {}

  /**
   * {@code time.Time.String()} of an API timestamp ({@code 2006-01-02 15:04:05 +0000 UTC}; API
   * timestamps have whole seconds); Go's zero time when absent.
   */
  static String string(Optional<String> timestamp) {
    Instant t = Cells.instant(timestamp);
    return (t == null ? "0001-01-01 00:00:00" : GO_STRING.format(t)) + " +0000 UTC";
  }

  /** {@code Mon, 02 Jan 2006 15:04:05 -0700}; Go's zero time when absent, as kubectl prints it. */
  static String rfc1123z(Optional<String> timestamp) {
    Instant t = Cells.instant(timestamp);
    return t == null ? "Mon, 01 Jan 0001 00:00:00 +0000" : RFC1123Z.format(t);
  }
}
