package dev.kubesim.impl.sim;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A controller's work queue, as client-go's: a key queued twice before it is processed is
 * processed once, and each key is synced in an event of its own, in the order keys were queued.
 *
 * @param <K> the key (an object's namespace and name, usually)
 */
public final class WorkQueue<K> {
  private final EventLoop loop;
  private final String controller;
  private final Consumer<K> sync;
  // Membership only; processing order comes from the event loop, never from this set.
  private final Set<K> queued = new HashSet<>();

  /**
   * @param controller the controller's name, for the events' descriptions
   * @param sync what processes a key
   */
  public WorkQueue(EventLoop loop, String controller, Consumer<K> sync) {
    this.loop = loop;
    this.controller = controller;
    this.sync = sync;
  }

  /** Queues the key now, unless it is queued already. */
  public void add(K key) {
    addAfter(Duration.ZERO, key);
  }

  /** Queues the key after a delay, unless it is queued already. */
  public void addAfter(Duration delay, K key) {
    if (queued.add(key)) {
      loop.schedule(delay, controller + " sync " + key, () -> {
        queued.remove(key);
        sync.accept(key);
      });
    }
  }
}
