package dev.kubesim.impl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Delays and advances past the end of virtual time saturate instead of overflowing. */
class EndOfTimeTest {
  private static final long SEED = 3;

  @Test
  void anAdvanceBeyondTheEndStopsAtTheEnd() {
    EventLoop loop = new EventLoop(SEED);
    loop.advance(Duration.ofHours(3_000_000));
    assertThat(loop.clock().nanos()).as("seed %d", SEED).isEqualTo(EventLoop.END_OF_TIME);
    loop.advance(Duration.ofDays(1));
    assertThat(loop.clock().nanos()).isEqualTo(EventLoop.END_OF_TIME);
    assertThat(loop.clock().timestamp()).startsWith("2317-");
  }

  @Test
  void aDelayBeyondTheEndIsDueAtTheEndAndRunsLast() {
    EventLoop loop = new EventLoop(SEED);
    List<String> ran = new ArrayList<>();
    loop.scheduleTimer(Duration.ofSeconds(Long.MAX_VALUE), "forever", () -> ran.add("forever"));
    loop.scheduleTimer(Duration.ofDays(365), "a year", () -> ran.add("a year"));
    assertThat(loop.nextEventTime()).hasValue(Duration.ofDays(365).toNanos());
    loop.advance(Duration.ofDays(366));
    assertThat(ran).containsExactly("a year");
    loop.advance(Duration.ofSeconds(Long.MAX_VALUE));
    assertThat(ran).as("seed %d", SEED).containsExactly("a year", "forever");
  }
}
