package dev.kubesim.impl.controller;

import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.sim.EventLoop;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A controller's work queue, as client-go's: a key queued twice before it is processed is
 * processed once, and each key is synced in an event of its own, in the order keys were queued.
 */
public final class WorkQueue {
  private final EventLoop loop;
  private final String controller;
  private final Consumer<ObjectKey> sync;
  // Membership only; processing order comes from the event loop, never from this set.
  private final Set<ObjectKey> queued = new HashSet<>();

  public WorkQueue(EventLoop loop, String controller, Consumer<ObjectKey> sync) {
    this.loop = loop;
    this.controller = controller;
    this.sync = sync;
  }

  /** Queues the key now, unless it is queued already. */
  public void add(ObjectKey key) {
    addAfter(Duration.ZERO, key);
  }

  /** Queues the key after a delay, unless it is queued already. */
  public void addAfter(Duration delay, ObjectKey key) {
    if (queued.add(key)) {
      loop.schedule(delay, controller + " sync " + key, () -> {
        queued.remove(key);
        sync.accept(key);
      });
    }
  }
}
