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
    expiries.remove(key);
    if (e.type() == WatchEvent.Type.DELETED) {
      return;
    }
    long expiry = api.loop().clock().nanos() + TTL.toNanos();
    expiries.put(key, expiry);
    if (sweep == null) {
      schedule(expiry);
    }
  }

  private void schedule(long at) {
    long delay = Math.max(0, at - api.loop().clock().nanos());
    sweep = api.loop().scheduleHousekeeping(Duration.ofNanos(delay), "kube-apiserver expire events", this::sweep);
  }

  private void sweep() {
    sweep = null;
    long now = api.loop().clock().nanos();
    List<ObjectKey> expired = new ArrayList<>();
    Iterator<Map.Entry<ObjectKey, Long>> it = expiries.entrySet().iterator();
    long next = -1;
    while (it.hasNext()) {
      Map.Entry<ObjectKey, Long> e = it.next();
      if (e.getValue() > now) {
        next = e.getValue();
        break;
      }
      expired.add(e.getKey());
    }
    for (ObjectKey key : expired) {
      expiries.remove(key);
      if (api.get(KIND, key.namespace(), key.name()).isPresent()) {
        api.delete(KIND, key.namespace(), key.name());
      }
    }
    if (next >= 0 && sweep == null) {
      schedule(next);
    }
  }

  /** How many Events are live (for tests). */
  int live() {
    return expiries.size();
  }
}
