package dev.kubesim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureReportTest {

  @Test
  void virtualTimeIsPrintedAsGoPrintsDurations() {
    assertThat(FailureReport.goDuration(Duration.ZERO)).isEqualTo("0s");
    assertThat(FailureReport.goDuration(Duration.ofNanos(250))).isEqualTo("250ns");
    assertThat(FailureReport.goDuration(Duration.ofNanos(1_500))).isEqualTo("1.5µs");
    assertThat(FailureReport.goDuration(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(FailureReport.goDuration(Duration.ofMillis(1_500))).isEqualTo("1.5s");
    assertThat(FailureReport.goDuration(Duration.ofSeconds(90, 500_000_000))).isEqualTo("1m30.5s");
    assertThat(FailureReport.goDuration(Duration.ofHours(2))).isEqualTo("2h0m0s");
    assertThat(FailureReport.goDuration(Duration.ofDays(1).plusSeconds(61))).isEqualTo("24h1m1s");
  }
}
