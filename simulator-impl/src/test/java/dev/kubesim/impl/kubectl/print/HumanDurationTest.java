package dev.kubesim.impl.kubectl.print;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofNanos;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HumanDurationTest {
  private static final Duration YEAR = ofDays(365);

  /** apimachinery duration_test.go: TestHumanDuration and TestHumanDurationBoundaries. */
  static Stream<Arguments> apimachineryHumanDurationCases() {
    return Stream.of(
        // TestHumanDuration
        a(ofSeconds(1), "1s"),
        a(ofSeconds(70), "70s"),
        a(ofSeconds(190), "3m10s"),
        a(ofMinutes(70), "70m"),
        a(ofHours(47), "47h"),
        a(ofHours(49), "2d1h"),
        a(ofHours(8 * 24 + 2), "8d"),
        a(ofHours(367 * 24), "367d"),
        a(ofHours(365 * 2 * 24 + 25), "2y1d"),
        a(ofHours(365 * 8 * 24 + 2), "8y"),
        // TestHumanDurationBoundaries
        a(ofSeconds(-2), "<invalid>"),
        a(ofSeconds(-2).plusNanos(1), "0s"),
        a(Duration.ZERO, "0s"),
        a(ofSeconds(1).minus(ofMillis(1)), "0s"),
        a(ofMinutes(2).minus(ofMillis(1)), "119s"),
        a(ofMinutes(2), "2m"),
        a(ofMinutes(2).plusSeconds(1), "2m1s"),
        a(ofMinutes(10).minus(ofMillis(1)), "9m59s"),
        a(ofMinutes(10), "10m"),
        a(ofMinutes(10).plusSeconds(1), "10m"),
        a(ofHours(3).minus(ofMillis(1)), "179m"),
        a(ofHours(3), "3h"),
        a(ofHours(3).plusMinutes(1), "3h1m"),
        a(ofHours(8).minus(ofMillis(1)), "7h59m"),
        a(ofHours(8), "8h"),
        a(ofHours(8).plusMinutes(59), "8h"),
        a(ofDays(2).minus(ofMillis(1)), "47h"),
        a(ofDays(2), "2d"),
        a(ofDays(2).plusHours(1), "2d1h"),
        a(ofDays(8).minus(ofMillis(1)), "7d23h"),
        a(ofDays(8), "8d"),
        a(ofDays(8).plusHours(23), "8d"),
        a(YEAR.multipliedBy(2).minus(ofMillis(1)), "729d"),
        a(YEAR.multipliedBy(2), "2y"),
        a(YEAR.multipliedBy(2).plusHours(23), "2y"),
        a(YEAR.multipliedBy(2).plusHours(23).plusMinutes(59), "2y"),
        a(YEAR.multipliedBy(2).plusHours(24).minus(ofMillis(1)), "2y"),
        a(YEAR.multipliedBy(2).plusHours(24), "2y1d"),
        a(YEAR.multipliedBy(3), "3y"),
        a(YEAR.multipliedBy(4), "4y"),
        a(YEAR.multipliedBy(5), "5y"),
        a(YEAR.multipliedBy(6), "6y"),
        a(YEAR.multipliedBy(7), "7y"),
        a(YEAR.multipliedBy(8).minus(ofMillis(1)), "7y364d"),
        a(YEAR.multipliedBy(8), "8y"),
        a(YEAR.multipliedBy(8).plusDays(364), "8y"),
        a(YEAR.multipliedBy(9), "9y"),
        // the examples of the AGE column
        a(ofSeconds(45), "45s"),
        a(ofSeconds(150), "2m30s"),
        a(ofHours(5), "5h"),
        a(ofHours(3).plusMinutes(15), "3h15m"),
        a(ofDays(3).plusHours(4), "3d4h"),
        a(YEAR.multipliedBy(3).plusDays(200), "3y200d"));
  }

  /** apimachinery duration_test.go: TestShortHumanDurationBoundaries. */
  static Stream<Arguments> apimachineryShortHumanDurationCases() {
    return Stream.of(
        a(ofSeconds(-2), "<invalid>"),
        a(ofSeconds(-2).plusNanos(1), "0s"),
        a(Duration.ZERO, "0s"),
        a(ofSeconds(1).minus(ofMillis(1)), "0s"),
        a(ofSeconds(1), "1s"),
        a(ofSeconds(2).minus(ofMillis(1)), "1s"),
        a(ofMinutes(1).minus(ofMillis(1)), "59s"),
        a(ofMinutes(1), "1m"),
        a(ofMinutes(2).minus(ofMillis(1)), "1m"),
        a(ofHours(1).minus(ofMillis(1)), "59m"),
        a(ofHours(1), "1h"),
        a(ofHours(2).minus(ofMillis(1)), "1h"),
        a(ofDays(1).minus(ofMillis(1)), "23h"),
        a(ofDays(1), "1d"),
        a(ofDays(2).minus(ofMillis(1)), "1d"),
        a(YEAR.minus(ofMillis(1)), "364d"),
        a(YEAR, "1y"),
        a(YEAR.multipliedBy(2).minus(ofMillis(1)), "1y"),
        a(YEAR.multipliedBy(2), "2y"));
  }

  private static Arguments a(Duration d, String want) {
    return Arguments.of(d, want);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("apimachineryHumanDurationCases")
  void humanDurationMatchesApimachinery(Duration d, String want) {
    assertThat(HumanDuration.humanDuration(d)).isEqualTo(want);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("apimachineryShortHumanDurationCases")
  void shortHumanDurationMatchesApimachinery(Duration d, String want) {
    assertThat(HumanDuration.shortHumanDuration(d)).isEqualTo(want);
  }

  @Test
  void durationsBeyondGoRangeSaturateInsteadOfFailing() {
    // Go's time.Duration tops out near 292 years; time.Since saturates there
    assertThat(HumanDuration.humanDuration(YEAR.multipliedBy(1000))).isEqualTo("292y");
    assertThat(HumanDuration.humanDuration(YEAR.multipliedBy(-1000))).isEqualTo("<invalid>");
    assertThat(HumanDuration.shortHumanDuration(ofNanos(Long.MAX_VALUE))).isEqualTo("292y");
  }

  @Test
  void translateTimestampSinceIsUnknownWithoutATimestamp() {
    Instant now = Instant.parse("2025-01-01T01:00:00Z");
    assertThat(HumanDuration.translateTimestampSince(null, now)).isEqualTo("<unknown>");
    assertThat(HumanDuration.translateTimestampSince(now.minusSeconds(150), now))
        .isEqualTo("2m30s");
    assertThat(HumanDuration.translateTimestampSince(now.plusSeconds(1), now)).isEqualTo("0s");
  }
}
