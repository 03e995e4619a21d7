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

  private static final DateTimeFormatter COOKIE_TWO_DIGIT_YEAR =
      DateTimeFormatter.ofPattern("EEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter COOKIE_FOUR_DIGIT_YEAR =
      DateTimeFormatter.ofPattern("EEE, dd-MMM-yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private HttpDates() {}

  /**
   * The instant as nginx's {@code ngx_http_cookie_time} writes a cookie's {@code Expires} ({@code
   * Sun, 12-Feb-17 14:11:12 GMT}): a two-digit year up to 2037, as old Netscape needed, four after.
   */
  public static String cookieTime(Instant instant) {
    int year = instant.atZone(ZoneOffset.UTC).getYear();
    return (year > 2037 ? COOKIE_FOUR_DIGIT_YEAR : COOKIE_TWO_DIGIT_YEAR).format(instant);
  }

  /** The instant as an HTTP date ({@code Date} and {@code Last-Modified} headers). */
  public static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }
}
