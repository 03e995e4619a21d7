package dev.kubesim.impl.kubectl.describe;

import dev.kubesim.impl.kubectl.printers.Cells;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Go's {@code time.RFC1123Z} layout, which describe uses for every timestamp. */
final class GoTime {
  private static final DateTimeFormatter RFC1123Z =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

  private GoTime() {}

  /** {@code Mon, 02 Jan 2006 15:04:05 -0700}; Go's zero time when absent, as kubectl prints it. */
  static String rfc1123z(Optional<String> timestamp) {
    Instant t = Cells.instant(timestamp);
    return t == null ? "Mon, 01 Jan 0001 00:00:00 +0000" : RFC1123Z.format(t);
  }
}
