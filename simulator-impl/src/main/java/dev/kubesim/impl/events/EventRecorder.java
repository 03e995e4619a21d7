package dev.kubesim.impl.events;

import com.google.common.collect.ImmutableMap;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.sim.EventLoop;
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
 *
 * <p>An event the API server rejects is dropped, as the recorder's sink drops it ({@code Server
 * rejected event ... (will not retry!)} in the component's log): a Pod named with 237 to 253
 * characters has events whose names exceed 253, and its lifecycle goes on without them.
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
    EventCorrelator.EventKey key = eventKey(involved(object, namespace), type, reason, message);
    if (last == null || last.combined() || !last.cacheKey().equals(key)) {
      return Optional.empty();
    }
    // The entries the event just used are the most recent ones: looking them up moves nothing.
    EventCorrelator.EventLog log = correlator.log(key);
    EventCorrelator.AggregateRecord aggregate = correlator.aggregate(aggregateKey(key));
    EventCorrelator.TokenBucket bucket = correlator.bucket(key.object());
    if (log == null || aggregate == null || bucket == null || api.get(KIND, namespace, log.name).isEmpty()) {
      return Optional.empty();
    }
    long refill = EventCorrelator.SPAM_REFILL_NANOS;
    if (periodNanos < refill ? bucket.credit >= refill : last.skip()) {
      return Optional.empty();
    }
    return Optional.of(new Repeat(namespace, key, log, aggregate, bucket, periodNanos));
  }

  /** The repeats of one event at a fixed period; see {@link #repeating}. */
  private final class Repeat implements Steady {
    private final String namespace;
    private final EventCorrelator.EventKey key;
    private final EventCorrelator.EventLog log;
    private final EventCorrelator.AggregateRecord aggregate;
    private final EventCorrelator.TokenBucket bucket;
    private final long period;
    private final long asked;
    private final long evictions;

    Repeat(String namespace, EventCorrelator.EventKey key, EventCorrelator.EventLog log,
        EventCorrelator.AggregateRecord aggregate, EventCorrelator.TokenBucket bucket, long period) {
      this.namespace = namespace;
      this.key = key;
      this.log = log;
      this.aggregate = aggregate;
      this.bucket = bucket;
      this.period = period;
      this.asked = bucket.asked;
      this.evictions = correlator.evictions();
    }

    /** No other event about the object came through this recorder, none of its entries was dropped, the Event is stored. */
    @Override
    public boolean holds() {
      return bucket.asked == asked && correlator.evictions() == evictions && api.get(KIND, namespace, log.name).isPresent();
    }

    @Override
    public long writes(long runs) {
      long refill = EventCorrelator.SPAM_REFILL_NANOS;
      return period >= refill ? runs : (bucket.credit + runs * period) / refill;
    }

    @Override
    public String renews() {
      return EventLoop.renewalKey(KIND, namespace, log.name);
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
      // as the runs leave the correlator: its entries the most recently used
      correlator.aggregate(aggregateKey(key));
      correlator.log(key);
      correlator.bucket(key.object());
      if (period > EventCorrelator.AGGREGATE_INTERVAL_NANOS) {
        aggregate.reset(key.message());
      }
      aggregate.lastTimestamp = now;
      log.count += runs;
      bucket.credit = credit;
      bucket.at = now;
    }
  }

  /** The event's key: this recorder as source, the involved object, type, reason and message. */
  private EventCorrelator.EventKey eventKey(Map<String, Object> involved, String type, String reason, String message) {
    EventCorrelator.SpamKey object = new EventCorrelator.SpamKey(component, host, str(involved, "kind"),
        str(involved, "namespace"), str(involved, "name"), str(involved, "uid"), str(involved, "apiVersion"));
    return new EventCorrelator.EventKey(object, str(involved, "fieldPath"), type, reason, message);
  }

  private static EventCorrelator.AggregateKey aggregateKey(EventCorrelator.EventKey key) {
    return new EventCorrelator.AggregateKey(key.object(), key.type(), key.reason());
  }

  private static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? "" : v.toString();
  }

  private void record(KubeObject object, String type, String reason, String message) {
    ObjectMeta m = object.metadata();
    String namespace = m.namespace().orElse("default");
    String now = api.loop().clock().timestamp();
    long nanos = api.loop().clock().nanos();
    ImmutableMap<String, Object> involved = involved(object, namespace);
    EventCorrelator.EventKey key = eventKey(involved, type, reason, message);
    String fresh = freshName(namespace, m.nameOrEmpty());
    EventCorrelator.Result r = correlator.correlate(aggregateKey(key), key, message, nanos, now, fresh);
    if (r.name().equals(fresh)) {
      sequence++; // a name given out is not given again; repeats reuse theirs
    }
    last = r;
    if (r.skip()) {
      return;
    }
    write(namespace, involved, type, reason, r, now);
    correlator.written(r.combined() ? eventKey(involved, type, reason, r.message()) : key, r.count(), r.firstTimestamp(),
        r.name());
  }

  /** Real names use wall-clock nanoseconds; virtual time plus a counter keeps them unique and stable. */
  private String freshName(String namespace, String objectName) {
    long stamp = api.loop().clock().instant().getEpochSecond() * 1_000_000_000L + api.loop().clock().nanos() % 1_000_000_000L;
    String name = objectName + "." + Long.toHexString(stamp + sequence);
    // Another component's recorder may have named an event about the same object at the same instant.
    while (api.get(KIND, namespace, name).isPresent()) {
      sequence++;
      name = objectName + "." + Long.toHexString(stamp + sequence);
    }
    return name;
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
      submit(() -> api.write(new GenericObject(existing.apiVersion(), existing.kind(), existing.metadata(),
          ImmutableMap.copyOf(content))));
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
      submit(() -> api.create(new GenericObject("v1", KIND, ObjectMeta.named(namespace, r.name()), content)));
    }
  }

  /** recordToSink: an event the API server rejects (invalid, conflicting) is not retried; the component carries on. */
  private static void submit(Runnable write) {
    try {
      write.run();
    } catch (KubeSimException rejected) {
      // dropped, as the sink drops it
    }
  }
}
