package dev.kubesim.impl.events;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * aggregation group ({@code PopAny}), this drops the one it saw first. Time is virtual nanoseconds.
 */
final class EventCorrelator {
  static final int MAX_LRU_ENTRIES = 4096;
  static final int AGGREGATE_MAX_EVENTS = 10;
  static final long AGGREGATE_INTERVAL_NANOS = 600_000_000_000L;
  static final int SPAM_BURST = 25;
  /** One token every 300 s ({@code defaultSpamQPS = 1/300}). */
  static final long SPAM_REFILL_NANOS = 300_000_000_000L;

  /** The aggregation group of similar events: the distinct messages seen, and when the last one was. */
  static final class AggregateRecord {
    final LinkedHashSet<String> localKeys = new LinkedHashSet<>();
    long lastTimestamp;
  }

  /** The logger's observation of one event: how often, since when, under which name. */
  static final class EventLog {
    long count;
    String firstTimestamp;
    String name;

    EventLog(long count, String firstTimestamp, String name) {
      this.count = count;
      this.firstTimestamp = firstTimestamp;
      this.name = name;
    }
  }

  /**
   * A token bucket of one source and object, as credit in nanoseconds: a token is {@link
   * #SPAM_REFILL_NANOS} of credit, the bucket holds {@link #SPAM_BURST} of them and starts full.
   */
  static final class TokenBucket {
    static final long CAPACITY = SPAM_BURST * SPAM_REFILL_NANOS;
    long credit = CAPACITY;
    long at;

    TokenBucket(long now) {
      this.at = now;
    }

    /** The credit at {@code now}, without taking a token. */
    long creditAt(long now) {
      long c = credit + (now - at);
      return c > CAPACITY || c < 0 ? CAPACITY : c;
    }

    boolean tryAccept(long now) {
      credit = creditAt(now);
      at = now;
      if (credit >= SPAM_REFILL_NANOS) {
        credit -= SPAM_REFILL_NANOS;
        return true;
      }
      return false;
    }
  }

  private final Lru<AggregateRecord> aggregates = new Lru<>();
  private final Lru<EventLog> logs = new Lru<>();
  private final Lru<TokenBucket> buckets = new Lru<>();

  /** What the correlator made of an event: the one to write (under the logger's name and count), or none. */
  record Result(boolean skip, boolean combined, String cacheKey, String message, long count, String firstTimestamp,
      String name) {}

  /**
   * Correlates one event.
   *
   * @param aggregateKey the similar-events group ({@code EventAggregatorByReasonFunc}'s key)
   * @param eventKey the event's own key ({@code getEventKey})
   * @param spamKey the source and object ({@code getSpamKey})
   * @param freshName the name a new event gets ({@code <object>.<hex time>})
   * @param combinedName the name a new combined event gets
   */
  Result correlate(String aggregateKey, String eventKey, String spamKey, String message, long now, String timestamp,
      String freshName, String combinedName) {
    // the aggregator
    AggregateRecord record = aggregates.get(aggregateKey);
    if (record == null || now - record.lastTimestamp > AGGREGATE_INTERVAL_NANOS) {
      record = new AggregateRecord();
    }
    record.localKeys.add(message);
    record.lastTimestamp = now;
    aggregates.put(aggregateKey, record);
    boolean combined = record.localKeys.size() >= AGGREGATE_MAX_EVENTS;
    String key = eventKey;
    String name = freshName;
    String text = message;
    if (combined) {
      Iterator<String> first = record.localKeys.iterator();
      first.next();
      first.remove();
      key = aggregateKey;
      name = combinedName;
      text = "(combined from similar events): " + message;
    }
    // the logger
    EventLog last = logs.get(key);
    long count = 1;
    String firstTimestamp = timestamp;
    if (last != null && last.count > 0) {
      name = last.name;
      firstTimestamp = last.firstTimestamp;
      count = last.count + 1;
    }
    logs.put(key, new EventLog(count, firstTimestamp, name));
    // the spam filter
    TokenBucket bucket = buckets.get(spamKey);
    if (bucket == null) {
      bucket = new TokenBucket(now);
    }
    boolean accepted = bucket.tryAccept(now);
    buckets.put(spamKey, bucket);
    return new Result(!accepted, combined, key, text, count, firstTimestamp, name);
  }

  /** After a write: the logger remembers the event as the API server stored it ({@code UpdateState}). */
  void written(String eventKey, long count, String firstTimestamp, String name) {
    logs.put(eventKey, new EventLog(count, firstTimestamp, name));
  }

  AggregateRecord aggregate(String key) {
    return aggregates.peek(key);
  }

  EventLog log(String key) {
    return logs.peek(key);
  }

  TokenBucket bucket(String key) {
    return buckets.peek(key);
  }

  /** Marks the entries as just used, in this order, as a repeat of the event would. */
  void touch(String aggregateKey, String eventKey, String spamKey) {
    aggregates.get(aggregateKey);
    logs.get(eventKey);
    buckets.get(spamKey);
  }

  /** A cache of at most {@link #MAX_LRU_ENTRIES}, least recently used first out. */
  private static final class Lru<V> {
    private final java.util.HashMap<String, V> index = new java.util.HashMap<>();
    private final LinkedHashMap<String, V> map = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        if (size() > MAX_LRU_ENTRIES) {
          index.remove(eldest.getKey());
          return true;
        }
        return false;
      }
    };

    V get(String key) {
      return map.get(key);
    }

    /** A lookup that does not count as a use. */
    V peek(String key) {
      return index.get(key);
    }

    void put(String key, V value) {
      index.put(key, value);
      map.put(key, value);
    }
  }
}
