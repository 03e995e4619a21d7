package dev.kubesim.impl.apiserver.rest;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.ManagedFields;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The server's watch cache: every change the store commits, kept in a bounded history by
 * resourceVersion (so that a watch may start from a version a list returned), and handed to each
 * open watch's queue. The store tells of changes under the cluster's lock; the watches' threads
 * take them from their queues without it.
 */
final class WatchHub {
  /**
   * One committed change, at the resourceVersion it made and the virtual instant it was made, with
   * the object's managed fields as they were then.
   */
  record Change(long resourceVersion, WatchEvent event, java.time.Instant at, ManagedFields managedFields) {}

  /** What an open watch receives: a change, or the end (server closing). */
  static final Change END = new Change(-1, null, null, ManagedFields.NONE);

  private final int capacity;
  private final Deque<Change> history = new ArrayDeque<>();
  private final List<LinkedBlockingQueue<Change>> subscribers = new CopyOnWriteArrayList<>();
  private final ObjectStore store;
  private final java.util.function.Consumer<WatchEvent> recorder = this::record;
  private final java.util.function.Supplier<java.time.Instant> clock;
  private final java.util.function.Function<KubeObject, ManagedFields> managedFields;
  private long oldestServable;

  /** Subscribes to the store; call under the cluster's lock. */
  WatchHub(ObjectStore store, java.util.function.Supplier<java.time.Instant> clock,
      java.util.function.Function<KubeObject, ManagedFields> managedFields, int capacity) {
    this.store = store;
    this.clock = clock;
    this.managedFields = managedFields;
    this.capacity = capacity;
    this.oldestServable = Long.parseLong(store.resourceVersion());
    store.watchAllInOrder(recorder);
  }

  /** Stops recording; call under the cluster's lock. */
  void detach() {
    store.unwatchAllInOrder(recorder);
  }

  private void record(WatchEvent event) {
    long rv = resourceVersion(event.object());
    Change change = new Change(rv, event, clock.get(), managedFields.apply(event.object()));
    history.addLast(change);
    while (history.size() > capacity) {
      oldestServable = history.removeFirst().resourceVersion();
    }
    for (LinkedBlockingQueue<Change> q : subscribers) {
      q.add(change);
    }
  }

  static long resourceVersion(KubeObject o) {
    try {
      return Long.parseLong(o.metadata().resourceVersion().orElse("0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The changes after {@code resourceVersion}, or null when some of them are no longer kept (the
   * watch must then fail with 410 Gone). Call under the cluster's lock.
   */
  List<Change> since(long resourceVersion) {
    if (resourceVersion < oldestServable) {
      return null;
    }
    List<Change> out = new ArrayList<>();
    for (Change c : history) {
      if (c.resourceVersion() > resourceVersion) {
        out.add(c);
      }
    }
    return out;
  }

  /** The oldest resourceVersion a watch may still start from. */
  long oldestServable() {
    return oldestServable;
  }

  /** A queue that receives every later change; call under the cluster's lock so that none is missed. */
  LinkedBlockingQueue<Change> subscribe() {
    LinkedBlockingQueue<Change> q = new LinkedBlockingQueue<>();
    subscribers.add(q);
    return q;
  }

  void unsubscribe(LinkedBlockingQueue<Change> q) {
    subscribers.remove(q);
  }

  /** Ends every open watch. */
  void closeAll() {
    for (LinkedBlockingQueue<Change> q : subscribers) {
      q.add(END);
    }
  }
}
