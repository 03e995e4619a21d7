package dev.kubesim.impl.sim;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the RFC 3339 timestamps the API server writes ({@code 2025-01-01T00:00:05Z}). Controllers
 * read them on every sync (a Ready condition's lastTransitionTime, a deletionTimestamp), and
 * {@link Instant#parse} builds a formatter's parse context each time; the API server's own
 * second-precision form is read directly, anything else goes to {@link Instant#parse}.
 */
public final class Timestamps {
  private Timestamps() {}

  /** The instant a timestamp stands for; the same result and errors as {@link Instant#parse}. */
  public static Instant parse(String text) {
    if (text.length() == 20
        && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
        && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 2);
      int day = digits(text, 8, 2);
      int hour = digits(text, 11, 2);
      int minute = digits(text, 14, 2);
      int second = digits(text, 17, 2);
      // Leap seconds, 24:00 and impossible dates keep Instant.parse's own handling.
      if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
          && second >= 0 && second < 60) {
        try {
          long days = LocalDate.of(year, month, day).toEpochDay();
          return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second);
        } catch (DateTimeException e) {
          // fall through
        }
      }
    }
    return Instant.parse(text);
  }

  /** The decimal number in {@code text[from, from + count)}, or -1 unless all are ASCII digits. */
  private static int digits(String text, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
