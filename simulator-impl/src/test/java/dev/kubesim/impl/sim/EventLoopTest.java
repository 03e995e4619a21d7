package dev.kubesim.impl.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.SimulationStuckException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLoopTest {
  @Test
  void eventsRunInTimeThenSequenceOrder() {
    EventLoop loop = new EventLoop(1);
    List<String> ran = new ArrayList<>();
    loop.schedule(Duration.ofSeconds(2), "late", () -> ran.add("late"));
    loop.schedule(Duration.ofSeconds(1), "first", () -> ran.add("first"));
    loop.schedule(Duration.ofSeconds(1), "second", () -> ran.add("second"));
    loop.settle();
    assertThat(ran).containsExactly("first", "second", "late");
    assertThat(loop.clock().elapsed()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void settleDoesNotWaitForTimersBeyondTheLastWork() {
    EventLoop loop = new EventLoop(1);
    List<String> ran = new ArrayList<>();
    loop.scheduleTimer(Duration.ofSeconds(10), "probe", () -> ran.add("probe"));
    loop.schedule(Duration.ofSeconds(1), "work", () -> ran.add("work"));
    loop.settle();
    assertThat(ran).containsExactly("work");
    assertThat(loop.clock().elapsed()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void advanceRunsDueTimersAndMovesTheClockToTheTarget() {
    EventLoop loop = new EventLoop(1);
    List<String> ran = new ArrayList<>();
    loop.scheduleTimer(Duration.ofSeconds(10), "probe", () -> ran.add("probe"));
    loop.scheduleTimer(Duration.ofSeconds(40), "later", () -> ran.add("later"));
    loop.advance(Duration.ofSeconds(30));
    assertThat(ran).containsExactly("probe");
    assertThat(loop.clock().elapsed()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void cancelledWorkNoLongerHoldsUpSettling() {
    EventLoop loop = new EventLoop(1);
    List<String> ran = new ArrayList<>();
    EventLoop.Event event = loop.schedule(Duration.ofSeconds(5), "x", () -> ran.add("x"));
    event.cancel();
    assertThat(loop.hasPendingWork()).isFalse();
    loop.settle();
    assertThat(ran).isEmpty();
  }

  @Test
  void settleFailsWithSeedTimeAndPendingWorkInsteadOfHanging() {
    EventLoop loop = new EventLoop(42, 100);
    Runnable[] again = new Runnable[1];
    again[0] = () -> loop.schedule(Duration.ofMillis(1), "reconcile rc/kubia", again[0]);
    loop.schedule("reconcile rc/kubia", again[0]);
    assertThatThrownBy(loop::settle)
        .isInstanceOf(SimulationStuckException.class)
        .hasMessageContaining("seed 42")
        .hasMessageContaining("reconcile rc/kubia=1")
        .hasMessageContaining("virtual time PT0.1");
  }

  @Test
  void namedStreamsAreIndependentAndReproducible() {
    RandomStreams a = new RandomStreams(7);
    RandomStreams b = new RandomStreams(7);
    long fromA = a.stream("scheduler").nextLong();
    b.stream("kube-proxy").nextLong(); // another component's draw does not shift this one
    assertThat(b.stream("scheduler").nextLong()).isEqualTo(fromA);
    assertThat(new RandomStreams(8).stream("scheduler").nextLong()).isNotEqualTo(fromA);
  }

  @Test
  void timestampsAreTheEpochPlusVirtualTime() {
    EventLoop loop = new EventLoop(1);
    loop.advance(Duration.ofSeconds(90));
    assertThat(loop.clock().timestamp()).isEqualTo("2025-01-01T00:01:30Z");
  }
}
