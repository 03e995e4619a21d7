package dev.kubesim.impl.cluster;

import dev.kubesim.api.ConditionTimeoutException;
import dev.kubesim.impl.sim.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting in virtual time: the condition is checked now and after each instant at which the event
 * loop has something queued, so time moves only as far as the condition needs, and never by the
 * wall clock.
 */
final class VirtualWait {
  private VirtualWait() {}

  /**
   * Advances the loop until {@code condition} holds or {@code max} has passed.
   *
   * @param what what is awaited, for the message ({@code every workload ready})
   * @param pending what is not so yet, one line per object, for the message when time runs out
   * @return the virtual time that passed
   * @throws ConditionTimeoutException naming the seed, the virtual time and what was pending
   */
  static Duration until(EventLoop loop, Duration max, String what, BooleanSupplier condition, Supplier<List<String>> pending) {
    if (max.isNegative()) {
      throw new IllegalArgumentException("cannot wait a negative duration: " + max);
    }
    long start = loop.clock().nanos();
    long limit = max.compareTo(Duration.ofNanos(EventLoop.END_OF_TIME - start)) >= 0 ? EventLoop.END_OF_TIME
        : start + max.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return Duration.ofNanos(loop.clock().nanos() - start);
      }
      long now = loop.clock().nanos();
      if (now >= limit) {
        break;
      }
      OptionalLong next = loop.nextEventTime();
      // Nothing changes before the next event: jump to it (or to the limit when nothing is queued before it).
      long to = next.isPresent() ? Math.min(Math.max(next.getAsLong(), now), limit) : limit;
      loop.advance(Duration.ofNanos(to - now));
    }
    List<String> left = pending.get();
    throw new ConditionTimeoutException(String.format("timed out after %s waiting for %s (seed %d, virtual time %s)%s", max,
        what, loop.random().seed(), loop.clock().elapsed(), left.isEmpty() ? "" : ": " + String.join("; ", left)), left);
  }
}
