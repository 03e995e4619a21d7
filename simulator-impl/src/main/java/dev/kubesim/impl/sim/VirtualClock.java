package dev.kubesim.impl.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * The cluster's one clock: nanoseconds of virtual time since the cluster was built. Nothing in the
 * engine reads the wall clock; timestamps shown to users are {@link #EPOCH} plus virtual time.
 */
public final class VirtualClock {
  /** The wall-clock instant that virtual time zero stands for in timestamps. */
  public static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

  private long nanos;

  /** Virtual nanoseconds since the start. */
  public long nanos() {
    return nanos;
  }

  public Duration elapsed() {
    return Duration.ofNanos(nanos);
  }

  /** The instant that the current virtual time stands for. */
  public Instant instant() {
    return EPOCH.plusNanos(nanos);
  }

  /** An RFC 3339 timestamp with second precision, as the API server writes them. */
  public String timestamp() {
    long second = nanos / 1_000_000_000L;
    // Many objects are stamped within one virtual second; format each second once.
    if (second != stampedSecond) {
      stampedSecond = second;
      stamp = EPOCH.plusSeconds(second).toString();
    }
    return stamp;
  }

  private long stampedSecond = -1;
  private String stamp;

  void advanceTo(long target) {
    if (target < nanos) {
      throw new IllegalStateException("time cannot go back: " + target + " < " + nanos);
    }
    nanos = target;
  }
}
