package dev.kubesim.impl.sim;

import dev.kubesim.api.SimulationStuckException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The simulation kernel: a queue of events ordered by (virtual time, sequence number), run one at
 * a time on the caller's thread. Events are either <em>work</em> (a controller reconcile, a
 * container start: a write returns only once none is pending, {@link #settle}), <em>awaited
 * timers</em> (a delay the object's author asked for before something becomes true, such as a
 * readiness probe's {@code initialDelaySeconds}: a write does not wait for them, so the time before
 * can be seen, but letting the cluster settle does, {@link #settleAll}) or <em>timers</em> (probes,
 * heartbeats: they run as time passes but never keep settling going).
 *
 * <p><b>Periodic timers and coalescing.</b> A {@link Periodic} timer runs every period and keeps
 * its place in the order: its runs carry the sequence number it was made with, so among events of
 * one instant it comes where it was first scheduled. A run that changed nothing but what its timer
 * always does declares a {@link Steady} model of its runs. While nothing else happens — no other
 * event is due, no call from outside has come in — the loop takes the steady timers' runs up to
 * the next event at once: each timer's last write and last run are replayed at their instants, in
 * the order the runs would have had, with the resourceVersions they would have had. Anything else
 * that happens (any other event, a call from outside, a timer run that is not steady) wakes the
 * coalesced timers: each runs once for real before it may be coalesced again. So a simulated year
 * costs what changes in it, and every observable result is the same as running each run, which a
 * switch ({@link #coalescing(boolean)}) lets tests compare.
 *
 * <p>Virtual time is a count of nanoseconds that ends at {@link #END_OF_TIME} (about 292 years):
 * delays and advances that would pass it stop there (saturate), so a grace period of {@code
 * Long.MAX_VALUE} seconds is an event that never comes, not an overflow.
 */
public final class EventLoop {
  /** Default bound on the events one {@link #settle} may run before it gives up. */
  public static final long DEFAULT_MAX_STEPS = 50_000_000L;
  /** The last instant of virtual time, in nanoseconds: no event or advance goes past it. */
  public static final long END_OF_TIME = Long.MAX_VALUE;

  // compared directly: every event's queue step runs it a few dozen times
  private static final Comparator<Scheduled> ORDER = (a, b) -> {
    int c = Long.compare(a.at(), b.at());
    return c != 0 ? c : Long.compare(a.seq, b.seq);
  };

  private final VirtualClock clock = new VirtualClock();
  private final RandomStreams random;
  private final PriorityQueue<Event> queue = new PriorityQueue<>(ORDER);
  /** Timers that a periodic renewal pushes back (they wait for a renewal that does not come), in order. */
  private final java.util.TreeSet<Event> deadlines = new java.util.TreeSet<>(ORDER);
  private final PriorityQueue<Periodic> periodics = new PriorityQueue<>(ORDER);
  private final Map<String, Periodic> renewers = new HashMap<>();
  private final long maxSteps;
  private long sequence;
  private long pendingWork;
  private long pendingAwaited;
  private boolean coalescing = true;
  /** Moves on with every change that steady timers cannot foresee; their models hold within one epoch. */
  private long epoch;
  private ResourceVersions versions;
  /** Counters of what reaches beyond a scope (store writes, ports drawn); a run that moves none stays in its scope. */
  private final List<java.util.function.LongSupplier> reach = new ArrayList<>();
  private long coalescedRuns;
  private long periodicRuns;
  private long eventRuns;
  private long windows;

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

  /**
   * The API server's resourceVersion counter: when runs are taken at once, their writes get the
   * versions they would have had one by one.
   */
  public void resourceVersions(ResourceVersions counter) {
    this.versions = counter;
    reach.add(counter::changes);
  }

  /**
   * Adds a counter of changes that reach beyond a {@link Scope} (the network's ports and ids
   * drawn): a periodic run that is not steady wakes every coalesced timer when it moves one.
   */
  public void reach(java.util.function.LongSupplier counter) {
    reach.add(counter);
  }

  /** What {@link #reach()} was when the loop last stopped. */
  private long reachSeen;

  private long reach() {
    long sum = 0;
    for (java.util.function.LongSupplier c : reach) {
      sum += c.getAsLong();
    }
    return sum;
  }

  /** Turns coalescing of steady periodic timers on (the default) or off (every run runs). */
  public void coalescing(boolean on) {
    coalescing = on;
  }

  public boolean coalescing() {
    return coalescing;
  }

  /** How many periodic runs were taken at once instead of one by one (for tests and figures). */
  public long coalescedRuns() {
    return coalescedRuns;
  }

  /** How many events, deadlines and periodic timers are queued (what the loop holds). */
  public int queued() {
    return queue.size() + deadlines.size() + periodics.size();
  }

  /** What the loop has done so far: events run, periodic runs run one by one, and taken at once in how many windows. */
  public String stats() {
    return "events " + eventRuns + ", periodic runs " + periodicRuns + ", coalesced runs " + coalescedRuns
        + " in " + windows + " windows";
  }

  /**
   * Something outside the loop changed the cluster (a call through the public API): coalesced
   * timers run once for real before they are coalesced again.
   */
  public void changed() {
    epoch++;
  }

  /** Schedules work after {@code delay}; the cluster is not settled until it has run. */
  public Event schedule(Duration delay, String name, Runnable task) {
    return enqueue(queue, delay, name, task, Kind.WORK);
  }

  /** Schedules work to run now, after what is already queued for this instant. */
  public Event schedule(String name, Runnable task) {
    return enqueue(queue, Duration.ZERO, name, task, Kind.WORK);
  }

  /**
   * Schedules an awaited timer: a delay that the object's author asked for (a readiness probe's
   * {@code initialDelaySeconds}). A write does not wait for it ({@link #settle}); letting the
   * cluster settle does ({@link #settleAll}).
   */
  public Event scheduleAwaited(Duration delay, String name, Runnable task) {
    return enqueue(queue, delay, name, task, Kind.AWAITED);
  }

  /** Schedules a timer: it runs when virtual time reaches it but does not hold up settling. */
  public Event scheduleTimer(Duration delay, String name, Runnable task) {
    return enqueue(queue, delay, name, task, Kind.TIMER);
  }

  /**
   * Schedules housekeeping: a timer whose run changes nothing that the cluster's workloads can see
   * (expiring old Events), so it does not wake coalesced timers. Like a timer, it does not hold up
   * settling.
   */
  public Event scheduleHousekeeping(Duration delay, String name, Runnable task) {
    return enqueue(queue, delay, name, task, Kind.HOUSEKEEPING);
  }

  /**
   * Schedules a deadline: a timer that its owner cancels and schedules again whenever what it waits
   * on is renewed (the node lifecycle controller's check of a node's Lease, the expiry of an Event).
   * {@code due} tells when it is really due given the steady periodic timers that renew what it
   * waits on ({@link #renewed}): while they are coalesced, a deadline they would push back does not
   * stop coalescing. Like a timer, it does not hold up settling.
   */
  public Event scheduleDeadline(Duration delay, String name, Runnable task, Due due) {
    return deadline(delay, name, task, due, Kind.TIMER);
  }

  /** A {@link #scheduleDeadline deadline} whose run is {@link #scheduleHousekeeping housekeeping}. */
  public Event scheduleHousekeepingDeadline(Duration delay, String name, Runnable task, Due due) {
    return deadline(delay, name, task, due, Kind.HOUSEKEEPING);
  }

  private Event deadline(Duration delay, String name, Runnable task, Due due, Kind kind) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay " + delay + " for " + name);
    }
    Event e = new Event(this, later(delay), sequence++, name, task, kind);
    e.due = due;
    deadlines.add(e);
    return e;
  }

  /** When a deadline is really due, given the steady periodic timers that renew what it waits on. */
  @FunctionalInterface
  public interface Due {
    /** The instant the deadline must run for real (its own time, or later), or {@code Long.MAX_VALUE}. */
    long at(Event deadline);
  }

  /**
   * Whether a steady periodic timer renews the object {@code key} names before (time, seq) and then
   * at least every {@code gapNanos}: a deadline that each renewal pushes back by more than that never comes.
   */
  public boolean renewed(String key, long time, long seq, long gapNanos) {
    Periodic r = renewers.get(key);
    if (r == null || r.cancelled || !steadyNow(r) || !key.equals(r.model.renews()) || !r.model.holds()) {
      return false;
    }
    long first = r.model.nextWriteRun();
    long gap = r.model.writeGapRuns();
    return first > 0 && before(r.next + (first - 1) * r.period, r.seq, time, seq)
        && gap <= gapNanos / r.period;
  }

  /** The name under which a periodic timer {@link Steady#renews renews} an object and deadlines wait on it. */
  public static String renewalKey(String kind, String namespace, String name) {
    return kind + " " + namespace + "/" + name;
  }

  /**
   * Schedules a periodic timer: first after {@code firstDelay}, then every {@code period}, until
   * cancelled. The task gets the timer, to {@link Periodic#cancel} it or to declare the run
   * {@link Periodic#steady}. Like a timer, it does not hold up settling.
   */
  public Periodic schedulePeriodic(Duration firstDelay, Duration period, String name, Consumer<Periodic> task) {
    if (firstDelay.isNegative() || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("bad first delay " + firstDelay + " or period " + period + " for " + name);
    }
    Periodic p = new Periodic(this, later(firstDelay), period.toNanos(), sequence++, name,
        task);
    periodics.add(p);
    return p;
  }

  private Event enqueue(PriorityQueue<Event> into, Duration delay, String name, Runnable task, Kind kind) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay " + delay + " for " + name);
    }
    Event event = new Event(this, later(delay), sequence++, name, task, kind);
    into.add(event);
    count(kind, 1);
    return event;
  }

  void cancelled(Event event) {
    count(event.kind, -1);
    if (event.due != null) {
      deadlines.remove(event);
    }
  }

  /** Now plus a non-negative delay, in virtual nanoseconds; {@link #END_OF_TIME} where it would pass it. */
  private long later(Duration delay) {
    long now = clock.nanos();
    if (delay.compareTo(Duration.ofNanos(END_OF_TIME - now)) >= 0) {
      return END_OF_TIME;
    }
    return now + delay.toNanos();
  }

  /** When the next event that has not been cancelled is due, if any. */
  public java.util.OptionalLong nextEventTime() {
    Scheduled next = peek();
    return next == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(next.at());
  }

  private void count(Kind kind, int delta) {
    if (kind == Kind.WORK) {
      pendingWork += delta;
    } else if (kind == Kind.AWAITED) {
      pendingAwaited += delta;
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
    long target = later(duration);
    noticeOutsideChanges();
    long steps = 0;
    for (Scheduled next = peek(); next != null && next.at() <= target; next = peek()) {
      if (!(next instanceof Periodic p) || !fastForward(p, target)) {
        runNext(next);
      }
      if (++steps > maxSteps) {
        throw stuck("advance");
      }
    }
    clock.advanceTo(target);
    reachSeen = reach();
  }

  /**
   * Runs events until no work is pending: what a write waits for before it returns. Timers and
   * awaited timers due before the last work event run too, in order.
   *
   * @throws SimulationStuckException after the step bound, naming the seed, time and pending work
   */
  public void settle() {
    runWhilePending("settle", false);
  }

  /**
   * Runs events until neither work nor awaited timers are pending: the cluster has settled (every
   * readiness probe due within its horizon has run once), as a caller who lets it settle means.
   *
   * @throws SimulationStuckException after the step bound, naming the seed, time and pending work
   */
  public void settleAll() {
    runWhilePending("settle", true);
  }

  private void runWhilePending(String what, boolean awaited) {
    noticeOutsideChanges();
    long steps = 0;
    while (pendingWork > 0 || awaited && pendingAwaited > 0) {
      Scheduled next = peek();
      if (!(next instanceof Periodic p) || !fastForward(p, Long.MAX_VALUE)) {
        runNext(next);
      }
      if (++steps > maxSteps) {
        throw stuck(what);
      }
    }
    reachSeen = reach();
  }

  /** A write or draw made between the loop's runs (by a caller, directly) wakes coalesced timers too. */
  private void noticeOutsideChanges() {
    if (reach() != reachSeen) {
      epoch++;
    }
  }

  /** The next live event, periodic run or deadline, dropping cancelled ones on the way. */
  private Scheduled peek() {
    Event e = head(queue);
    Event d = deadlines.isEmpty() ? null : deadlines.first();
    Periodic p = periodics.peek();
    Scheduled best = e;
    if (d != null && (best == null || ORDER.compare(d, best) < 0)) {
      best = d;
    }
    if (p != null && (best == null || ORDER.compare(p, best) < 0)) {
      best = p;
    }
    return best;
  }

  private static Event head(PriorityQueue<Event> q) {
    Event e = q.peek();
    while (e != null && e.cancelled) {
      q.poll();
      e = q.peek();
    }
    return e;
  }

  private void runNext(Scheduled next) {
    if (next instanceof Periodic p) {
      periodics.poll();
      periodicRuns++;
      clock.advanceTo(p.next);
      p.declared = null;
      long reached = reach();
      p.task.accept(p);
      if (!p.cancelled) {
        p.next = p.next > END_OF_TIME - p.period ? END_OF_TIME : p.next + p.period;
        periodics.add(p);
      }
      if (p.declared != null && !p.cancelled) {
        p.model = p.declared;
        p.modelEpoch = epoch;
        p.modelScopeEpoch = p.scope == null ? 0 : p.scope.epoch;
        renewing(p, p.model.renews());
      } else {
        p.model = null;
        if (p.scope != null && reach() == reached) {
          p.scope.epoch++; // what it did stays with its own timers
        } else {
          epoch++;
        }
      }
      return;
    }
    Event event = (Event) next;
    if (event.due != null) {
      deadlines.pollFirst();
    } else {
      queue.poll();
    }
    eventRuns++;
    clock.advanceTo(event.time);
    count(event.kind, -1);
    if (event.kind != Kind.HOUSEKEEPING) {
      epoch++;
    }
    event.done = true;
    event.task.run();
  }

  // ---- coalescing ------------------------------------------------------------------------------

  /** Records which object a periodic timer renews now (none: null), forgetting what it renewed before. */
  private void renewing(Periodic p, String key) {
    if (p.renewal != null && !p.renewal.equals(key) && renewers.get(p.renewal) == p) {
      renewers.remove(p.renewal);
    }
    p.renewal = key;
    if (key != null) {
      renewers.put(key, p);
    }
  }

  private boolean steadyNow(Periodic p) {
    return p.model != null && p.modelEpoch == epoch && (p.scope == null || p.modelScopeEpoch == p.scope.epoch);
  }

  /**
   * Takes the runs of the steady periodic timers due before the next other event (or up to {@code
   * target}) at once, when the next thing due is the run of a steady timer.
   *
   * @return whether anything was taken; if not, the caller runs {@code head} one by one
   */
  private boolean fastForward(Periodic head, long target) {
    if (!coalescing || !steadyNow(head)) {
      return false;
    }
    // The horizon: the first event, deadline or unsteady run that must run for real.
    long hTime = target;
    long hSeq = Long.MAX_VALUE;
    Event e = head(queue);
    if (e != null && (e.time < hTime || (e.time == hTime && e.seq < hSeq))) {
      hTime = e.time;
      hSeq = e.seq;
    }
    for (Event d : deadlines) {
      if (!before(d.time, d.seq, hTime, hSeq)) {
        break;
      }
      long due = d.due.at(d);
      if (due == d.time) {
        hTime = d.time;
        hSeq = d.seq;
        break;
      }
      if (due < hTime) {
        // due later than planned (a later entry's expiry): nothing runs before it at that instant
        hTime = due;
        hSeq = Long.MAX_VALUE;
      }
    }
    if (!before(head.next, head.seq, hTime, hSeq)) {
      return false;
    }
    for (Periodic p : periodics) {
      if (before(p.next, p.seq, hTime, hSeq) && (!steadyNow(p) || !p.model.holds())) {
        if (!steadyNow(p)) {
          p.model = null;
        }
        hTime = p.next;
        hSeq = p.seq;
      }
    }
    if (!before(head.next, head.seq, hTime, hSeq)) {
      return false;
    }
    List<Periodic> taken = new ArrayList<>();
    for (Periodic p : periodics) {
      if (before(p.next, p.seq, hTime, hSeq)) {
        p.runs = runsBefore(p, hTime, hSeq);
        taken.add(p);
      }
    }
    windows++;
    replay(taken);
    return true;
  }

  private static boolean before(long time, long seq, long hTime, long hSeq) {
    return time < hTime || (time == hTime && seq < hSeq);
  }

  /** How many runs of {@code p} come before the horizon. */
  private static long runsBefore(Periodic p, long hTime, long hSeq) {
    long span = hTime - p.next;
    long runs = span / p.period + 1;
    if (span % p.period == 0 && p.seq >= hSeq) {
      runs--;
    }
    return runs;
  }

  /** One point of a replay: a timer's last write or its last run. */
  private record Point(long time, long seq, boolean write, Periodic timer, long run, long rank) {}

  /**
   * Replays the taken runs: every timer's last write, with the resourceVersion it would have had,
   * and its last run, each at its instant and in run order; then moves every timer past its runs.
   */
  private void replay(List<Periodic> taken) {
    List<Periodic> writers = new ArrayList<>();
    long total = 0;
    for (Periodic p : taken) {
      p.writes = p.model.writes(p.runs);
      p.lastWrite = p.writes > 0 ? p.model.lastWriteRun(p.runs) : 0;
      total += p.writes;
      if (p.writes > 0) {
        writers.add(p);
      }
    }
    List<Point> points = new ArrayList<>(taken.size() + writers.size());
    for (Periodic p : writers) {
      long time = p.next + (p.lastWrite - 1) * p.period;
      long rank = 0;
      for (Periodic q : writers) {
        rank += q == p ? p.writes : q.model.writes(runsAtOrBefore(q, time, p.seq));
      }
      points.add(new Point(time, p.seq, true, p, p.lastWrite, rank));
    }
    for (Periodic p : taken) {
      points.add(new Point(p.next + (p.runs - 1) * p.period, p.seq, false, p, p.runs, 0));
    }
    points.sort(Comparator.comparingLong(Point::time).thenComparingLong(Point::seq)
        .thenComparing(pt -> !pt.write()));
    long base = versions == null ? 0 : versions.current();
    for (Point pt : points) {
      clock.advanceTo(pt.time());
      if (pt.write()) {
        if (versions != null) {
          versions.set(base + pt.rank() - 1);
        }
        pt.timer().model.write(pt.run());
        if (versions != null && versions.current() != base + pt.rank()) {
          throw new IllegalStateException("the coalesced write of " + pt.timer().name + " took "
              + (versions.current() - base - pt.rank() + 1) + " resourceVersions instead of one (seed "
              + random.seed() + ", virtual time " + clock.elapsed() + ")");
        }
      } else {
        pt.timer().model.skip(pt.run());
      }
    }
    if (versions != null && total > 0) {
      versions.set(base + total);
    }
    // The taken timers move on; the queue is rebuilt once rather than searched for each of them.
    List<Periodic> all = new ArrayList<>(periodics);
    periodics.clear();
    for (Periodic p : taken) {
      p.next = p.next + p.runs * p.period;
      coalescedRuns += p.runs;
    }
    for (Periodic p : all) {
      if (!p.cancelled) {
        periodics.add(p);
      }
    }
    if (!deadlines.isEmpty() && deadlines.first().time < clock.nanos()) {
      throw new IllegalStateException("deadline " + deadlines.first().name + " was not pushed back while its renewal"
          + " was coalesced (seed " + random.seed() + ", virtual time " + clock.elapsed() + ")");
    }
  }

  /** How many of the taken runs of {@code q} come at or before (time, seq). */
  private static long runsAtOrBefore(Periodic q, long time, long seq) {
    if (time < q.next || (time == q.next && q.seq > seq)) {
      return 0;
    }
    long span = time - q.next;
    long runs = span / q.period + 1;
    if (span % q.period == 0 && q.seq > seq) {
      runs--;
    }
    return Math.min(runs, q.runs);
  }

  private SimulationStuckException stuck(String what) {
    TreeMap<String, Integer> pending = new TreeMap<>();
    for (Event e : queue) {
      if (!e.cancelled && (e.kind == Kind.WORK || e.kind == Kind.AWAITED)) {
        pending.merge(e.name, 1, Integer::sum);
      }
    }
    return new SimulationStuckException(
        String.format(
            "%s did not finish within %d steps (seed %d, virtual time %s); pending work: %s",
            what, maxSteps, random.seed(), clock.elapsed(), pending));
  }

  /** The API server's resourceVersion counter, as the loop sees it. */
  public interface ResourceVersions {
    /** The last resourceVersion handed out. */
    long current();

    /** Sets the last resourceVersion handed out. */
    void set(long value);

    /** Counts the writes that may change what workloads see (all kinds but Events and Leases). */
    long changes();
  }

  /**
   * What a group of periodic timers shares (the probes of one pod): a run of one of them that is
   * not steady but changed nothing outside it wakes only the timers of its scope.
   */
  public static final class Scope {
    private long epoch;
  }

  private enum Kind {
    WORK,
    AWAITED,
    TIMER,
    HOUSEKEEPING
  }

  /** Something in the queue: its instant and its place among the things of that instant. */
  private abstract static sealed class Scheduled permits Event, Periodic {
    final long seq;
    final String name;

    Scheduled(long seq, String name) {
      this.seq = seq;
      this.name = name;
    }

    abstract long at();
  }

  /** A scheduled event; {@link #cancel()} removes it from the cluster's pending work. */
  public static final class Event extends Scheduled {
    private final EventLoop loop;
    final long time;
    final Runnable task;
    final Kind kind;
    Due due;
    boolean cancelled;
    boolean done;

    Event(EventLoop loop, long time, long seq, String name, Runnable task, Kind kind) {
      super(seq, name);
      this.loop = loop;
      this.time = time;
      this.task = task;
      this.kind = kind;
    }

    @Override
    long at() {
      return time;
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

    /** Its place among the events of its instant. */
    public long seq() {
      return seq;
    }
  }

  /**
   * A timer that runs every period until cancelled. Its task may declare a run {@link #steady}: the
   * run changed nothing but what the model says each run does, and later runs will do the same as
   * long as nothing else in the cluster changes.
   */
  public static final class Periodic extends Scheduled {
    private final EventLoop loop;
    private final long period;
    private final Consumer<Periodic> task;
    private long next;
    private boolean cancelled;
    private Steady declared;
    private Steady model;
    private long modelEpoch;
    private long modelScopeEpoch;
    private Scope scope;
    /** The object this timer's steady runs renew, if any. */
    private String renewal;
    // scratch of one replay
    private long runs;
    private long writes;
    private long lastWrite;

    Periodic(EventLoop loop, long next, long period, long seq, String name, Consumer<Periodic> task) {
      super(seq, name);
      this.loop = loop;
      this.next = next;
      this.period = period;
      this.task = task;
    }

    @Override
    long at() {
      return next;
    }

    /** Stops the timer; a run in progress finishes. */
    public void cancel() {
      if (!cancelled) {
        cancelled = true;
        loop.periodics.remove(this);
        loop.renewing(this, null);
      }
    }

    public boolean isCancelled() {
      return cancelled;
    }

    /** The instant of the next run, in virtual nanoseconds (during a run: of this one). */
    public long next() {
      return next;
    }

    public long period() {
      return period;
    }

    /** Puts the timer in a scope: its runs that are not steady but write nothing wake only the timers of the scope. */
    public Periodic scope(Scope value) {
      this.scope = value;
      return this;
    }

    /**
     * Declares the run in progress steady: it changed nothing but what {@code model} says each run
     * does, and the runs after it will do the same while nothing else changes.
     */
    public void steady(Steady model) {
      declared = model;
    }

  }
}
