package dev.kubesim.impl.sim;

import dev.kubesim.api.SimulationStuckException;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The simulation kernel: a queue of events ordered by (virtual time, sequence number), run one at
 * a time on the caller's thread. Events are either <em>work</em> (a controller reconcile, a
 * container start: the cluster is not settled while any is pending) or <em>timers</em> (periodic
 * probes, heartbeats: they run as time passes but never keep {@link #settle} going).
 */
public final class EventLoop {
  /** Default bound on the events one {@link #settle} may run before it gives up. */
  public static final long DEFAULT_MAX_STEPS = 50_000_000L;

  private final VirtualClock clock = new VirtualClock();
  private final RandomStreams random;
  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private final long maxSteps;
  private long sequence;
  private long pendingWork;

  public EventLoop(long seed, long maxSteps) {
    this.random = new RandomStreams(seed);
    this.maxSteps = maxSteps;
  }

  public EventLoop(long seed) {
    this(seed, DEFAULT_MAX_STEPS);
  }

  public VirtualClock clock() {
    return clock;
  }

  public RandomStreams random() {
    return random;
  }

  /** Schedules work after {@code delay}; the cluster is not settled until it has run. */
  public Event schedule(Duration delay, String name, Runnable task) {
    return enqueue(delay, name, task, true);
  }

  /** Schedules work to run now, after what is already queued for this instant. */
  public Event schedule(String name, Runnable task) {
    return enqueue(Duration.ZERO, name, task, true);
  }

  /** Schedules a timer: it runs when virtual time reaches it but does not hold up settling. */
  public Event scheduleTimer(Duration delay, String name, Runnable task) {
    return enqueue(delay, name, task, false);
  }

  /**
   * Schedules housekeeping: a timer whose run changes nothing that the cluster's workloads can see
   * (expiring old Events). Like a timer, it does not hold up settling.
   */
  public Event scheduleHousekeeping(Duration delay, String name, Runnable task) {
    return enqueue(delay, name, task, false);
  }

  private Event enqueue(Duration delay, String name, Runnable task, boolean work) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay " + delay + " for " + name);
    }
    Event event = new Event(this, clock.nanos() + delay.toNanos(), sequence++, name, task, work);
    queue.add(event);
    if (work) {
      pendingWork++;
    }
    return event;
  }

  void cancelled(Event event) {
    if (event.work) {
      pendingWork--;
    }
  }

  /** Whether any work event is queued. */
  public boolean hasPendingWork() {
    return pendingWork > 0;
  }

  /** Runs every event due within {@code duration} of now, then sets the clock to now + duration. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("cannot advance by a negative duration: " + duration);
    }
    long target = clock.nanos() + duration.toNanos();
    long steps = 0;
    while (!queue.isEmpty() && queue.peek().time <= target) {
      runNext();
      if (++steps > maxSteps) {
        throw stuck("advance");
      }
    }
    clock.advanceTo(target);
  }

  /**
   * Runs events until no work is pending. Timers due before the last work event run too, in order.
   *
   * @throws SimulationStuckException after the step bound, naming the seed, time and pending work
   */
  public void settle() {
    long steps = 0;
    while (pendingWork > 0) {
      runNext();
      if (++steps > maxSteps) {
        throw stuck("settle");
      }
    }
  }

  private void runNext() {
    Event event = queue.poll();
    if (event.cancelled) {
      return;
    }
    clock.advanceTo(event.time);
    if (event.work) {
      pendingWork--;
    }
    event.done = true;
    event.task.run();
  }

  private SimulationStuckException stuck(String what) {
    TreeMap<String, Integer> pending = new TreeMap<>();
    for (Event e : queue) {
      if (!e.cancelled && e.work) {
        pending.merge(e.name, 1, Integer::sum);
      }
    }
    return new SimulationStuckException(
        String.format(
            "%s did not finish within %d steps (seed %d, virtual time %s); pending work: %s",
            what, maxSteps, random.seed(), clock.elapsed(), pending));
  }

  /** A scheduled event; {@link #cancel()} removes it from the cluster's pending work. */
  public static final class Event implements Comparable<Event> {
    private final EventLoop loop;
    final long time;
    final long seq;
    final String name;
    final Runnable task;
    final boolean work;
    boolean cancelled;
    boolean done;

    Event(EventLoop loop, long time, long seq, String name, Runnable task, boolean work) {
      this.loop = loop;
      this.time = time;
      this.seq = seq;
      this.name = name;
      this.task = task;
      this.work = work;
    }

    /** Cancels the event if it has not run yet. */
    public void cancel() {
      if (!cancelled && !done) {
        cancelled = true;
        loop.cancelled(this);
      }
    }

    public long time() {
      return time;
    }

    @Override
    public int compareTo(Event o) {
      int c = Long.compare(time, o.time);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
