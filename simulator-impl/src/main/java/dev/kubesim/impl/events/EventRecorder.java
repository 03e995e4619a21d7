package dev.kubesim.impl.events;

import com.google.common.collect.ImmutableMap;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.sim.Steady;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Records core/v1 Events about objects, as client-go's event recorder does for a component: the
 * event is named {@code <object>.<hex timestamp>}, lives in the object's namespace and names the
 * object, the reason, the message and the reporting component. Before it is written, the {@link
 * EventCorrelator} aggregates, counts and rate-limits it as client-go does: a repeat patches the
 * first event ({@code count}, {@code lastTimestamp}) instead of making a new one. {@code kubectl
 * describe} shows them.
 */
public final class EventRecorder {
  static final String KIND = "Event";

  private final ApiServer api;
  private final String component;
  private final String host;
  /** The {@code source} of every event this recorder writes, shared by them. */
  private final ImmutableMap<String, Object> source;
  private final EventCorrelator correlator = new EventCorrelator();
  private long sequence;
  /** Events recorded per source-and-object key: a steady repeat holds while no other comes. */
  private final Map<String, Long> recorded = new java.util.HashMap<>();
  private EventCorrelator.Result last;

  /**
   * @param component the reporting component ({@code replication-controller}, {@code kubelet}, ...)
   * @param host the node the component runs on, or empty
   */
  public EventRecorder(ApiServer api, String component, String host) {
    this.api = api;
    this.component = component;
    this.host = host;
    this.source = host.isEmpty()
        ? ImmutableMap.of("component", component)
        : ImmutableMap.of("component", component, "host", host);
  }

  /** A {@code Normal} event. */
  public void normal(KubeObject object, String reason, String message) {
    record(object, "Normal", reason, message);
  }

  /** A {@code Warning} event. */
  public void warning(KubeObject object, String reason, String message) {
    record(object, "Warning", reason, message);
  }

  /**
   * What recording the event just recorded again every {@code periodNanos} does, while nothing else
   * is recorded about the object by this recorder: the logger counts every repeat, the spam filter
   * lets one through whenever a token has come (every repeat, if they come five minutes or more
   * apart), and each one let through patches the stored event's count and lastTimestamp. Empty when
   * the repeats would not all go the same way: the aggregator just combined the event, the spam
   * filter still has a burst to spend, or the event is not stored.
   */
  public Optional<Steady> repeating(KubeObject object, String type, String reason, String message, long periodNanos) {
    String namespace = object.metadata().namespace().orElse("default");
    ImmutableMap<String, Object> involved = involved(object, namespace);
    Keys keys = Keys.of(component, host, involved, type, reason, message);
    EventCorrelator.EventLog log = correlator.log(keys.event());
    EventCorrelator.AggregateRecord aggregate = correlator.aggregate(keys.aggregate());
    EventCorrelator.TokenBucket bucket = correlator.bucket(keys.spam());
    if (last == null || last.combined() || !last.cacheKey().equals(keys.event()) || log == null || aggregate == null
        || bucket == null || api.get(KIND, namespace, log.name).isEmpty()) {
      return Optional.empty();
    }
    long refill = EventCorrelator.SPAM_REFILL_NANOS;
    if (periodNanos < refill ? bucket.credit >= refill : last.skip()) {
      return Optional.empty();
    }
    return Optional.of(new Repeat(namespace, keys, message, log, aggregate, bucket, periodNanos, recorded.get(keys.spam())));
  }

  /** The repeats of one event at a fixed period; see {@link #repeating}. */
  private final class Repeat implements Steady {
    private final String namespace;
    private final Keys keys;
    private final String message;
    private final EventCorrelator.EventLog log;
    private final EventCorrelator.AggregateRecord aggregate;
    private final EventCorrelator.TokenBucket bucket;
    private final long period;
    private final long recordedAtStart;

    Repeat(String namespace, Keys keys, String message, EventCorrelator.EventLog log,
        EventCorrelator.AggregateRecord aggregate, EventCorrelator.TokenBucket bucket, long period, long recordedAtStart) {
      this.namespace = namespace;
      this.keys = keys;
      this.message = message;
      this.log = log;
      this.aggregate = aggregate;
      this.bucket = bucket;
      this.period = period;
      this.recordedAtStart = recordedAtStart;
    }

    @Override
    public boolean holds() {
      return recordedAtStart == recorded.get(keys.spam()) && correlator.log(keys.event()) == log
          && correlator.aggregate(keys.aggregate()) == aggregate && correlator.bucket(keys.spam()) == bucket
          && api.get(KIND, namespace, log.name).isPresent();
    }

    @Override
    public long writes(long runs) {
      long refill = EventCorrelator.SPAM_REFILL_NANOS;
      return period >= refill ? runs : (bucket.credit + runs * period) / refill;
    }

    @Override
    public String renews() {
      return dev.kubesim.impl.sim.EventLoop.renewalKey(KIND, namespace, log.name);
    }

    @Override
    public long nextWriteRun() {
      long refill = EventCorrelator.SPAM_REFILL_NANOS;
      return period >= refill ? 1 : Math.floorDiv(refill - bucket.credit + period - 1, period);
    }

    @Override
    public long writeGapRuns() {
      long refill = EventCorrelator.SPAM_REFILL_NANOS;
      return period >= refill ? 1 : Math.floorDiv(refill + period - 1, period);
    }

    @Override
    public long lastWriteRun(long runs) {
      long refill = EventCorrelator.SPAM_REFILL_NANOS;
      long w = writes(runs);
      if (w == 0) {
        return 0;
      }
      if (period >= refill) {
        return runs;
      }
      // the first run by which w tokens have come
      return Math.floorDiv(w * refill - bucket.credit + period - 1, period);
    }

    @Override
    public void write(long run) {
      long count = log.count + run;
      String now = api.loop().clock().timestamp();
      GenericObject existing = (GenericObject) api.get(KIND, namespace, log.name).orElseThrow();
      Map<String, Object> content = new LinkedHashMap<>(existing.content());
      content.put("count", (int) count);
      content.put("lastTimestamp", now);
      api.write(new GenericObject(existing.apiVersion(), existing.kind(), existing.metadata(), ImmutableMap.copyOf(content)));
    }

    @Override
    public void skip(long runs) {
      long now = api.loop().clock().nanos();
      long refill = EventCorrelator.SPAM_REFILL_NANOS;
      long credit = period >= refill
          ? Math.min(EventCorrelator.TokenBucket.CAPACITY - refill, bucket.credit + runs * (period - refill))
          : bucket.credit + runs * period - writes(runs) * refill;
      // as the runs leave the correlator, and in the order they use its caches
      correlator.touch(keys.aggregate(), keys.event(), keys.spam());
      if (period > EventCorrelator.AGGREGATE_INTERVAL_NANOS) {
        aggregate.localKeys.clear();
        aggregate.localKeys.add(message);
      }
      aggregate.lastTimestamp = now;
      log.count += runs;
      bucket.credit = credit;
      bucket.at = now;
    }
  }

  /** The keys under which the correlator knows an event about an object. */
  record Keys(String aggregate, String event, String spam) {
    static Keys of(String component, String host, ImmutableMap<String, Object> involved, String type, String reason,
        String message) {
      String object = String.join("", str(involved, "kind"), str(involved, "namespace"), str(involved, "name"),
          str(involved, "uid"), str(involved, "apiVersion"));
      String origin = component + host;
      return new Keys(origin + object + type + reason + component + host,
          origin + str(involved, "kind") + str(involved, "namespace") + str(involved, "name") + str(involved, "fieldPath")
              + str(involved, "uid") + str(involved, "apiVersion") + type + reason + message,
          origin + object);
    }

    private static String str(Map<String, Object> m, String key) {
      Object v = m.get(key);
      return v == null ? "" : v.toString();
    }
  }

  private void record(KubeObject object, String type, String reason, String message) {
    ObjectMeta m = object.metadata();
    String namespace = m.namespace().orElse("default");
    String now = api.loop().clock().timestamp();
    long nanos = api.loop().clock().nanos();
    ImmutableMap<String, Object> involved = involved(object, namespace);
    Keys keys = Keys.of(component, host, involved, type, reason, message);
    String fresh = freshName(m.nameOrEmpty());
    EventCorrelator.Result r = correlator.correlate(keys.aggregate(), keys.event(), keys.spam(), message, nanos, now,
        fresh, fresh);
    if (r.name().equals(fresh)) {
      sequence++; // a name given out is not given again; repeats reuse theirs
    }
    recorded.merge(keys.spam(), 1L, Long::sum);
    last = r;
    if (r.skip()) {
      return;
    }
    write(namespace, involved, type, reason, r, now);
  }

  /** Real names use wall-clock nanoseconds; virtual time plus a counter keeps them unique and stable. */
  private String freshName(String objectName) {
    long stamp = api.loop().clock().instant().getEpochSecond() * 1_000_000_000L + api.loop().clock().nanos() % 1_000_000_000L;
    return objectName + "." + Long.toHexString(stamp + sequence);
  }

  private static ImmutableMap<String, Object> involved(KubeObject object, String namespace) {
    ObjectMeta m = object.metadata();
    // Immutable maps from the start: the stored object keeps them as they are, with no copy.
    ImmutableMap.Builder<String, Object> involved = ImmutableMap.builderWithExpectedSize(6);
    involved.put("kind", object.kind());
    involved.put("namespace", namespace);
    involved.put("name", m.nameOrEmpty());
    m.uid().ifPresent(uid -> involved.put("uid", uid));
    involved.put("apiVersion", object.apiVersion());
    m.resourceVersion().ifPresent(rv -> involved.put("resourceVersion", rv));
    return involved.buildOrThrow();
  }

  /**
   * Writes what the correlator let through: a repeat patches the stored event's count, last
   * timestamp and message; a first occurrence, or a repeat whose event has expired meanwhile, is
   * created under the logger's name.
   */
  private void write(String namespace, ImmutableMap<String, Object> involved, String type, String reason,
      EventCorrelator.Result r, String now) {
    Optional<KubeObject> stored = r.count() > 1 ? api.get(KIND, namespace, r.name()) : Optional.empty();
    if (stored.isPresent() && stored.get() instanceof GenericObject existing) {
      Map<String, Object> content = new LinkedHashMap<>(existing.content());
      content.put("count", (int) r.count());
      content.put("lastTimestamp", now);
      content.put("message", r.message());
      api.write(new GenericObject(existing.apiVersion(), existing.kind(), existing.metadata(), ImmutableMap.copyOf(content)));
    } else {
      // The aggregator's combined event names no reporting controller or instance.
      ImmutableMap<String, Object> content = ImmutableMap.<String, Object>builderWithExpectedSize(12)
          .put("involvedObject", involved)
          .put("reason", reason)
          .put("message", r.message())
          .put("source", source)
          .put("firstTimestamp", r.firstTimestamp())
          .put("lastTimestamp", now)
          .put("count", (int) r.count())
          .put("type", type)
          .put("reportingComponent", r.combined() ? "" : component)
          .put("reportingInstance", r.combined() ? "" : host)
          .buildOrThrow();
      api.create(new GenericObject("v1", KIND, ObjectMeta.named(namespace, r.name()), content));
    }
    Keys written = Keys.of(component, host, involved, type, reason, r.message());
    correlator.written(written.event(), r.count(), r.firstTimestamp(), r.name());
  }
}
