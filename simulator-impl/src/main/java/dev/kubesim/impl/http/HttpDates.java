package dev.kubesim.impl.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** HTTP's date format ({@code IMF-fixdate}): {@code Wed, 01 Jan 2025 00:00:00 GMT}. */
public final class HttpDates {
  // RFC_1123_DATE_TIME would print a one-digit day; HTTP needs two
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private HttpDates() {}

  /** The instant as an HTTP date ({@code Date} and {@code Last-Modified} headers). */
  public static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }
}
