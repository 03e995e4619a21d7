package dev.kubesim.impl.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  @Test
  void readsTheApiServersSecondPrecisionTimestampsAsInstantParseDoes() {
    for (String t : new String[] {"2025-01-01T00:00:00Z", "2025-01-01T00:00:05Z", "2024-02-29T23:59:59Z",
        "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1969-12-31T23:59:59Z"}) {
      assertThat(Timestamps.parse(t)).as(t).isEqualTo(Instant.parse(t));
    }
  }

  @Test
  void leavesOtherFormsToInstantParse() {
    for (String t : new String[] {"2025-01-01T00:00:00.5Z", "2025-01-01T00:00:00.123456789Z",
        "2025-01-01T00:00:00+02:00", "2016-12-31T23:59:60Z"}) {
      assertThat(Timestamps.parse(t)).as(t).isEqualTo(Instant.parse(t));
    }
  }

  @Test
  void treatsOddOrMalformedTimestampsAsInstantParseDoes() {
    for (String t : new String[] {"2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z", "2025-01-01T24:00:00Z",
        "2025-01-01T00:60:00Z", "2025-0a-01T00:00:00Z", "2025-01-01 00:00:00Z", "", "yesterday"}) {
      assertThat(outcome(() -> Timestamps.parse(t))).as(t).isEqualTo(outcome(() -> Instant.parse(t)));
    }
    assertThatThrownBy(() -> Timestamps.parse("2025-13-01T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
  }

  private static Object outcome(java.util.function.Supplier<Instant> parse) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      return e.getClass() + ": " + e.getMessage();
    }
  }
}
