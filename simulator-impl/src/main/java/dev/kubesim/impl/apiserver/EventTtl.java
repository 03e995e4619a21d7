package dev.kubesim.impl.apiserver;

import dev.kubesim.impl.sim.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API server's {@code --event-ttl} (1 h by default): every write of an Event gives it a new
 * lease of an hour in storage, and an Event not written for an hour is gone. One timer waits for
 * the oldest write; the Events are kept in the order of their last write, so memory follows the
 * Events of the last hour, not all there ever were. (etcd hands out leases in one-minute steps;
 * here an Event expires exactly an hour after its last write.)
 */
public final class EventTtl {
  /** kube-apiserver's default {@code --event-ttl}. */
  public static final Duration TTL = Duration.ofHours(1);
  private static final String KIND = "Event";

  private final ApiServer api;
  /** Each live Event's expiry, oldest write first. */
  private final LinkedHashMap<ObjectKey, Long> expiries = new LinkedHashMap<>();
  private EventLoop.Event sweep;
  /** The Event the expiry timer waits for (the oldest write). */
  private ObjectKey head;

  private EventTtl(ApiServer api) {
    this.api = api;
  }

  static EventTtl start(ApiServer api) {
    EventTtl ttl = new EventTtl(api);
    api.store().watch(KIND, ttl::onEvent);
    return ttl;
  }

  private void onEvent(WatchEvent e) {
    ObjectKey key = ObjectStore.keyOf(e.object());
    if (e.type() != WatchEvent.Type.ADDED) {
      expiries.remove(key);
    }
    if (e.type() != WatchEvent.Type.DELETED) {
      expiries.put(key, api.loop().clock().nanos() + TTL.toNanos());
    }
    if (sweep == null || key.equals(head)) {
      reschedule();
    }
  }

  /** The expiry timer waits for the oldest write. */
  private void reschedule() {
    if (sweep != null) {
      sweep.cancel();
      sweep = null;
    }
    head = null;
    if (expiries.isEmpty()) {
      return;
    }
    Map.Entry<ObjectKey, Long> first = expiries.entrySet().iterator().next();
    head = first.getKey();
    long at = first.getValue();
    long delay = Math.max(0, at - api.loop().clock().nanos());
    sweep = api.loop().scheduleHousekeepingDeadline(Duration.ofNanos(delay), "kube-apiserver expire events", this::sweep,
        this::due);
  }

  /**
   * When the expiry timer must really run: at the expiry of the oldest Event that no steady
   * periodic timer renews within the hour (a probe that keeps failing keeps its Event alive).
   */
  private long due(EventLoop.Event sweep) {
    boolean head = true;
    for (Map.Entry<ObjectKey, Long> e : expiries.entrySet()) {
      String key = EventLoop.renewalKey(KIND, e.getKey().namespace(), e.getKey().name());
      if (!api.loop().renewed(key, e.getValue(), head ? sweep.seq() : Long.MAX_VALUE, TTL.toNanos())) {
        return e.getValue();
      }
      head = false;
    }
    return Long.MAX_VALUE;
  }

  private void sweep() {
    sweep = null;
    long now = api.loop().clock().nanos();
    List<ObjectKey> expired = new ArrayList<>();
    for (Iterator<Map.Entry<ObjectKey, Long>> it = expiries.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<ObjectKey, Long> e = it.next();
      if (e.getValue() > now) {
        break;
      }
      expired.add(e.getKey());
      it.remove();
    }
    for (ObjectKey key : expired) {
      if (api.get(KIND, key.namespace(), key.name()).isPresent()) {
        api.delete(KIND, key.namespace(), key.name());
      }
    }
    if (sweep == null) {
      reschedule();
    }
  }

  /** How many Events are live (for tests). */
  int live() {
    return expiries.size();
  }
}
