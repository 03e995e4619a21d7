package dev.kubesim.impl.sim;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
  /** client-go's DefaultControllerRateLimiter: a failing key waits 5 ms, doubling, up to 1,000 s. */
  static final Duration BASE_DELAY = Duration.ofMillis(5);
  static final Duration MAX_DELAY = Duration.ofSeconds(1000);
  /**
   * How many retries of a failing key are work a write waits for (5 + 10 + 20 + 40 ms): enough for
   * what one command writes in the wrong order (a Deployment before its ServiceAccount) to converge
   * before the command's next read, as it does within milliseconds in a real cluster; later retries
   * are timers, so a key that keeps failing never holds up settling.
   */
  static final int PROMPT_RETRIES = 4;

  // Membership only; processing order comes from the event loop, never from this set.
  private final Set<K> queued = new HashSet<>();
  // Failures per key since it last synced cleanly; read only by key.
  private final Map<K, Integer> failures = new HashMap<>();

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

  /**
   * Queues a key whose sync failed, after the rate limiter's delay for it: 5 ms, then twice as long
   * after each further failure, at most 1,000 s.
   */
  public void addRateLimited(K key) {
    int n = failures.merge(key, 1, Integer::sum);
    long millis = BASE_DELAY.toMillis() << Math.min(n - 1, 30);
    Duration delay = millis >= MAX_DELAY.toMillis() || millis <= 0 ? MAX_DELAY : Duration.ofMillis(millis);
    if (n <= PROMPT_RETRIES) {
      addAfter(delay, key);
    } else if (queued.add(key)) {
      loop.scheduleTimer(delay, controller + " retry " + key, () -> {
        queued.remove(key);
        sync.accept(key);
      });
    }
  }

  /** The key synced cleanly: its next failure starts the delays afresh. */
  public void forget(K key) {
    failures.remove(key);
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
