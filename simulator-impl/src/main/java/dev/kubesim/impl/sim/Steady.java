package dev.kubesim.impl.sim;

/**
 * What each run of a periodic timer does while nothing else in the cluster changes, so that many
 * runs can be taken at once (see {@link EventLoop.Periodic#steady}). A probe that keeps passing
 * does nothing; a heartbeat writes its Lease every run; a probe that keeps failing counts an event
 * that the recorder writes now and then. Runs are numbered from 1, the first being the timer's next
 * run.
 *
 * <p>A model speaks for the timer's own effects only, and promises that they do not change what
 * any other timer's runs do: the runs of different steady timers can then be taken in any grouping
 * with the same result as one by one.
 */
public interface Steady {
  /** Whether the model still holds now (what it writes still exists, ...); checked before runs are taken. */
  default boolean holds() {
    return true;
  }

  /** How many of the next {@code runs} runs write an object to the API server (one write each). */
  default long writes(long runs) {
    return 0;
  }

  /** The number of the last of the next {@code runs} runs that writes, or 0 when none does. */
  default long lastWriteRun(long runs) {
    return 0;
  }

  /**
   * The object the writes renew, by {@link EventLoop#renewalKey}, when a {@link
   * EventLoop#scheduleDeadline deadline} may wait on it (a Lease, an Event's time to live); null when none.
   */
  default String renews() {
    return null;
  }

  /** The number of the first of the next runs that writes, or 0 when none ever does. */
  default long nextWriteRun() {
    return 0;
  }

  /** The most runs from one write to the next (1: every run writes). */
  default long writeGapRuns() {
    return Long.MAX_VALUE;
  }

  /**
   * Makes the write of run {@code run} (of the next ones) as that run would, with the clock at its
   * instant; {@link #skip} follows for the state the runs leave.
   */
  default void write(long run) {}

  /** Brings the timer's state to where the next {@code runs} runs leave it; the clock is at the last one's instant. */
  void skip(long runs);

  /** A model of runs that change nothing at all. */
  Steady NOTHING = runs -> {};
}
