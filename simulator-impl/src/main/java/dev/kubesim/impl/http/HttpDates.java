package dev.kubesim.impl.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * HTTP's date format ({@code IMF-fixdate}): {@code Wed, 01 Jan 2025 00:00:00 GMT}, and nginx's
 * cookie dates. Written from the date's fields with English names, as the HTTP RFCs fix them:
 * {@code DateTimeFormatter}'s text fields would load the JDK's locale data, a noticeable part of a
 * JVM's first cluster, whose DNS pods answer probes with dated responses.
 */
public final class HttpDates {
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  private HttpDates() {}

  /**
   * The instant as nginx's {@code ngx_http_cookie_time} writes a cookie's {@code Expires} ({@code
   * Sun, 12-Feb-17 14:11:12 GMT}): a two-digit year up to 2037, as old Netscape needed, four after.
   */
  public static String cookieTime(Instant instant) {
    ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
    int year = t.getYear();
    return write(t, '-', year > 2037 ? fourDigits(year) : twoDigits(year % 100));
  }

  /** The instant as an HTTP date ({@code Date} and {@code Last-Modified} headers). */
  public static String format(Instant instant) {
    ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
    return write(t, ' ', fourDigits(t.getYear()));
  }

  /** {@code Day, DD<sep>Mon<sep>YEAR HH:MM:SS GMT}. */
  private static String write(ZonedDateTime t, char separator, String year) {
    return DAYS[t.getDayOfWeek().ordinal()] + ", " + twoDigits(t.getDayOfMonth()) + separator
        + MONTHS[t.getMonthValue() - 1] + separator + year + ' ' + twoDigits(t.getHour()) + ':'
        + twoDigits(t.getMinute()) + ':' + twoDigits(t.getSecond()) + " GMT";
  }

  private static String twoDigits(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  /** The year as {@code yyyy} writes it: four digits, and a sign before more. */
  private static String fourDigits(int year) {
    String digits = Integer.toString(year);
    return year > 9999 ? "+" + digits : "0".repeat(4 - digits.length()) + digits;
  }
}
