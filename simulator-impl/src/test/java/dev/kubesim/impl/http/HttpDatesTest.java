package dev.kubesim.impl.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HttpDatesTest {
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter COOKIE_TWO_DIGIT_YEAR =
      DateTimeFormatter.ofPattern("EEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter COOKIE_FOUR_DIGIT_YEAR =
      DateTimeFormatter.ofPattern("EEE, dd-MMM-yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  @Test
  void writesImfFixdateWithTwoDigitDays() {
    assertThat(HttpDates.format(Instant.parse("2025-01-01T00:00:00Z"))).isEqualTo("Wed, 01 Jan 2025 00:00:00 GMT");
    assertThat(HttpDates.cookieTime(Instant.parse("2017-02-12T14:11:12Z"))).isEqualTo("Sun, 12-Feb-17 14:11:12 GMT");
    assertThat(HttpDates.cookieTime(Instant.parse("2038-01-19T03:14:08Z"))).isEqualTo("Tue, 19-Jan-2038 03:14:08 GMT");
  }

  @Test
  void writesWhatTheJdksFormatterWritesForAnyInstant() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      Instant t = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 300_000_000_000L));
      assertThat(HttpDates.format(t)).isEqualTo(IMF_FIXDATE.format(t));
      int year = t.atZone(ZoneOffset.UTC).getYear();
      if (year >= 2000) {
        assertThat(HttpDates.cookieTime(t)).isEqualTo((year > 2037 ? COOKIE_FOUR_DIGIT_YEAR : COOKIE_TWO_DIGIT_YEAR).format(t));
      }
    }
  }
}
