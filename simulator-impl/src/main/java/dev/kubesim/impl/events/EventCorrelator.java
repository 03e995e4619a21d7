package dev.kubesim.impl.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What client-go's event recorder does to an event before it reaches the API server ({@code
 * tools/record/events_cache.go}'s {@code EventCorrelator}), in its order:
 *
 * <ol>
 *   <li>the <em>aggregator</em> groups events that differ only by message (same source, object,
 *       type, reason, reporting controller and instance); the tenth distinct message within ten
 *       minutes of the previous one turns into one event {@code (combined from similar events):
 *       <message>}, counted under the group's key;
 *   <li>the <em>logger</em> counts repeats of the same event (same source, object, type, reason and
 *       message): a repeat keeps the first one's name and {@code firstTimestamp}, and its {@code
 *       count} goes up by one;
 *   <li>the <em>spam filter</em> lets each source send 25 events about an object at once and then
 *       one every five minutes (a token bucket); a filtered event is not written, but the logger
 *       has counted it, so the next written one carries the whole count.
 * </ol>
 *
 * <p>Each of the three keeps at most 4,096 entries, dropping the least recently used one, as
 * client-go's LRU caches do. Where client-go picks an arbitrary message to drop from a full
 * aggregation group ({@code PopAny}), this drops the one it saw first. Keys hold the fields
 * client-go joins into strings. Time is virtual nanoseconds.
 */
final class EventCorrelator {
  static final int MAX_LRU_ENTRIES = 4096;
  static final int AGGREGATE_MAX_EVENTS = 10;
  static final long AGGREGATE_INTERVAL_NANOS = 600_000_000_000L;
  static final int SPAM_BURST = 25;
  /** One token every 300 s ({@code defaultSpamQPS = 1/300}). */
  static final long SPAM_REFILL_NANOS = 300_000_000_000L;

  /** {@code getSpamKey}: the source and the object, its hash computed once. */
  static final class SpamKey {
    private final String component;
    private final String host;
    private final String kind;
    private final String namespace;
    private final String name;
    private final String uid;
    private final String apiVersion;
    private final int hash;

    SpamKey(String component, String host, String kind, String namespace, String name, String uid, String apiVersion) {
      this.component = component;
      this.host = host;
      this.kind = kind;
      this.namespace = namespace;
      this.name = name;
      this.uid = uid;
      this.apiVersion = apiVersion;
      this.hash = java.util.Objects.hash(component, host, kind, namespace, name, uid, apiVersion);
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof SpamKey k && k.hash == hash && k.name.equals(name) && k.uid.equals(uid)
          && k.namespace.equals(namespace) && k.kind.equals(kind) && k.apiVersion.equals(apiVersion)
          && k.component.equals(component) && k.host.equals(host);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** {@code EventAggregatorByReasonFunc}'s key: the source and object, the type and reason (and reporter, the source). */
  record AggregateKey(SpamKey object, String type, String reason) {}

  /** {@code getEventKey}: the source and object (with its field path), type, reason and message. */
  record EventKey(SpamKey object, String fieldPath, String type, String reason, String message) {}

  /**
   * The aggregation group of similar events: the distinct messages seen, oldest first, and when the
   * last one was. Most groups only ever see one message, kept without a list.
   */
  static final class AggregateRecord {
    private String single;
    private List<String> many;
    long lastTimestamp;

    int size() {
      return many != null ? many.size() : single != null ? 1 : 0;
    }

    void add(String message) {
      if (many != null) {
        if (!many.contains(message)) {
          many.add(message);
        }
      } else if (single == null) {
        single = message;
      } else if (!single.equals(message)) {
        many = new ArrayList<>(4);
        many.add(single);
        many.add(message);
        single = null;
      }
    }

    void removeOldest() {
      if (many != null) {
        many.remove(0);
      } else {
        single = null;
      }
    }

    /** Just this one message, as a group ten minutes old starts again. */
    void reset(String message) {
      many = null;
      single = message;
    }
  }

  /** The logger's observation of one event: how often, since when, under which name. */
  static final class EventLog {
    long count;
    final String firstTimestamp;
    final String name;

    EventLog(long count, String firstTimestamp, String name) {
      this.count = count;
      this.firstTimestamp = firstTimestamp;
      this.name = name;
    }
  }

  /**
   * A token bucket of one source and object, as credit in nanoseconds: a token is {@link
   * #SPAM_REFILL_NANOS} of credit, the bucket holds {@link #SPAM_BURST} of them and starts full. It
   * also counts the events it was asked about, so that a steady repeat knows no other came.
   */
  static final class TokenBucket {
    static final long CAPACITY = SPAM_BURST * SPAM_REFILL_NANOS;
    long credit = CAPACITY;
    long at;
    long asked;

    TokenBucket(long now) {
      this.at = now;
    }

    boolean tryAccept(long now) {
      long c = credit + (now - at);
      credit = c > CAPACITY || c < 0 ? CAPACITY : c;
      at = now;
      asked++;
      if (credit >= SPAM_REFILL_NANOS) {
        credit -= SPAM_REFILL_NANOS;
        return true;
      }
      return false;
    }
  }

  private final Lru<AggregateKey, AggregateRecord> aggregates = new Lru<>();
  private final Lru<Object, EventLog> logs = new Lru<>();
  private final Lru<SpamKey, TokenBucket> buckets = new Lru<>();
  /** Entries dropped from any of the caches so far. */
  private long evictions;

  /** What the correlator made of an event: the one to write (under the logger's name and count), or none. */
  record Result(boolean skip, boolean combined, Object cacheKey, String message, long count, String firstTimestamp,
      String name) {}

  /**
   * Correlates one event.
   *
   * @param freshName the name a new event, or a new combined event, gets ({@code <object>.<hex time>})
   */
  Result correlate(AggregateKey aggregateKey, EventKey eventKey, String message, long now, String timestamp,
      String freshName) {
    // the aggregator (a lookup moves an entry to the front, as client-go's Add after Get does)
    AggregateRecord record = aggregates.get(aggregateKey);
    if (record == null || now - record.lastTimestamp > AGGREGATE_INTERVAL_NANOS) {
      record = new AggregateRecord();
      aggregates.put(aggregateKey, record);
    }
    record.add(message);
    record.lastTimestamp = now;
    boolean combined = record.size() >= AGGREGATE_MAX_EVENTS;
    Object key = eventKey;
    String text = message;
    if (combined) {
      record.removeOldest();
      key = aggregateKey;
      text = "(combined from similar events): " + message;
    }
    // the logger
    EventLog last = logs.get(key);
    long count = 1;
    String firstTimestamp = timestamp;
    String name = freshName;
    if (last != null && last.count > 0) {
      name = last.name;
      firstTimestamp = last.firstTimestamp;
      count = last.count + 1;
      last.count = count;
    } else {
      logs.put(key, new EventLog(count, firstTimestamp, name));
    }
    // the spam filter
    TokenBucket bucket = buckets.get(eventKey.object());
    if (bucket == null) {
      bucket = new TokenBucket(now);
      buckets.put(eventKey.object(), bucket);
    }
    boolean accepted = bucket.tryAccept(now);
    return new Result(!accepted, combined, key, text, count, firstTimestamp, name);
  }

  /** After a write: the logger remembers the event as the API server stored it ({@code UpdateState}). */
  void written(EventKey eventKey, long count, String firstTimestamp, String name) {
    EventLog log = logs.get(eventKey);
    if (log != null && log.name.equals(name) && log.firstTimestamp.equals(firstTimestamp)) {
      log.count = count;
    } else {
      logs.put(eventKey, new EventLog(count, firstTimestamp, name));
    }
  }

  /** The entries of one event, as the last {@link #correlate} left them, marked as just used. */
  AggregateRecord aggregate(AggregateKey key) {
    return aggregates.get(key);
  }

  EventLog log(Object key) {
    return logs.get(key);
  }

  TokenBucket bucket(SpamKey key) {
    return buckets.get(key);
  }

  /** Entries dropped so far: a steady repeat holds only while none of its own could have been. */
  long evictions() {
    return evictions;
  }

  /** A cache of at most {@link #MAX_LRU_ENTRIES}, least recently used first out. */
  private final class Lru<K, V> {
    private final LinkedHashMap<K, V> map = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        if (size() > MAX_LRU_ENTRIES) {
          evictions++;
          return true;
        }
        return false;
      }
    };

    V get(K key) {
      return map.get(key);
    }

    void put(K key, V value) {
      map.put(key, value);
    }
  }
}
