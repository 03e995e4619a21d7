package dev.kubesim.impl.apiserver;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The API server's storage (etcd's role): objects by kind, namespace and name, a global
 * resourceVersion, and watchers that hear of every change synchronously, in commit order. Lists
 * come back in (namespace, name) order.
 */
public final class ObjectStore implements dev.kubesim.impl.sim.EventLoop.ResourceVersions {
  private final Map<String, KindTable> byKind = new HashMap<>();
  private final Map<String, List<Consumer<WatchEvent>>> watchers = new HashMap<>();
  private final List<Consumer<WatchEvent>> allWatchers = new ArrayList<>();
  /** Watchers that hear every change in commit order (clients' watches), and the changes waiting for them. */
  private final List<Consumer<WatchEvent>> inOrderWatchers = new ArrayList<>();
  private final java.util.ArrayDeque<WatchEvent> inOrder = new java.util.ArrayDeque<>();
  /** How deep notifications are nested: a watcher that writes makes a change inside another's. */
  private int notifying;
  // A change is told to the watchers registered when it began. Registrations are rare and changes
  // many, so each kind's list is copied once after a registration instead of for every change.
  private final Map<String, List<Consumer<WatchEvent>>> watcherSnapshots = new HashMap<>();
  private List<Consumer<WatchEvent>> allWatchersSnapshot;
  private long resourceVersion = 1;

  private KindTable table(String kind) {
    return byKind.computeIfAbsent(kind, k -> new KindTable());
  }

  public static ObjectKey keyOf(KubeObject object) {
    ObjectMeta m = object.metadata();
    return new ObjectKey(m.namespace().orElse(""), m.nameOrEmpty());
  }

  public Optional<KubeObject> get(String kind, ObjectKey key) {
    KindTable t = byKind.get(kind);
    return t == null ? Optional.empty() : Optional.ofNullable(t.get(key));
  }

  /** Objects of a kind, in (namespace, name) order; {@code namespace} empty for all namespaces. */
  public ImmutableList<KubeObject> list(String kind, Optional<String> namespace) {
    KindTable t = byKind.get(kind);
    if (t == null) {
      return ImmutableList.of();
    }
    return namespace.isEmpty() ? t.list() : t.list(namespace.get());
  }

  /** The kinds that have stored objects, in name order. */
  public java.util.SortedSet<String> kinds() {
    java.util.SortedSet<String> out = new java.util.TreeSet<>();
    byKind.forEach((kind, table) -> {
      if (!table.isEmpty()) {
        out.add(kind);
      }
    });
    return out;
  }

  public int count(String kind) {
    KindTable t = byKind.get(kind);
    return t == null ? 0 : t.size();
  }

  /** The resourceVersion of the latest change: a list made now is as of this version. */
  public String resourceVersion() {
    return Long.toString(resourceVersion);
  }

  @Override
  public long current() {
    return resourceVersion;
  }

  @Override
  public void set(long value) {
    resourceVersion = value;
  }

  @Override
  public long changes() {
    return changes;
  }

  /** Writes and removals of anything but Events and Leases (what workloads may see). */
  private long changes;

  private void changed(String kind) {
    if (!kind.equals("Event") && !kind.equals("Lease")) {
      changes++;
    }
  }

  /** The next resourceVersion, as the API server would stamp it. */
  public String nextResourceVersion() {
    return Long.toString(++resourceVersion);
  }

  /** Stores a new or changed object (already stamped) and tells the watchers. */
  public void put(KubeObject object) {
    ObjectKey key = keyOf(object);
    changed(object.kind());
    KubeObject previous = table(object.kind()).put(key, object);
    WatchEvent.Type type = previous == null ? WatchEvent.Type.ADDED : WatchEvent.Type.MODIFIED;
    notify(new WatchEvent(type, object, Optional.ofNullable(previous)));
  }

  /**
   * Removes an object and tells the watchers. A removal is a change like any other: it takes the
   * next resourceVersion, which the removed object carries in the DELETED event (as etcd's delete
   * revision does), so that a watch from a list's resourceVersion hears of it.
   *
   * @return the object as removed, stamped with the removal's resourceVersion
   */
  public Optional<KubeObject> remove(String kind, ObjectKey key) {
    KindTable t = byKind.get(kind);
    KubeObject previous = t == null ? null : t.remove(key);
    if (previous == null) {
      return Optional.empty();
    }
    changed(kind);
    KubeObject removed = previous.withMetadata(previous.metadata().toBuilder().resourceVersion(nextResourceVersion()).build());
    notify(new WatchEvent(WatchEvent.Type.DELETED, removed, Optional.of(previous)));
    return Optional.of(removed);
  }

  /** Registers a watcher of one kind; it hears every later change of that kind. */
  public void watch(String kind, Consumer<WatchEvent> watcher) {
    watchers.computeIfAbsent(kind, k -> new ArrayList<>()).add(watcher);
    watcherSnapshots.remove(kind);
  }

  /** Registers a watcher of every kind. */
  public void watchAll(Consumer<WatchEvent> watcher) {
    allWatchers.add(watcher);
    allWatchersSnapshot = null;
  }

  /**
   * Registers a watcher of every kind that hears each change in commit order, as an API server's
   * watch delivers them (strictly increasing resourceVersion). The engine's own watchers hear a
   * change at once, so one that writes while it is told (the kubelet answering a binding with a
   * status) makes a change that the watchers after it hear before the first one; a client's watch
   * must not see that, so these watchers hear the changes once the outermost notification is over,
   * in the order they were committed. They must not write.
   */
  public void watchAllInOrder(Consumer<WatchEvent> watcher) {
    inOrderWatchers.add(watcher);
  }

  /** Removes a watcher registered with {@link #watchAllInOrder}; it hears of no later change. */
  public void unwatchAllInOrder(Consumer<WatchEvent> watcher) {
    inOrderWatchers.remove(watcher);
  }

  /** Removes a watcher of every kind registered with {@link #watchAll}; it hears of no later change. */
  public void unwatchAll(Consumer<WatchEvent> watcher) {
    if (allWatchers.remove(watcher)) {
      allWatchersSnapshot = null;
    }
  }

  private void notify(WatchEvent event) {
    if (!inOrderWatchers.isEmpty()) {
      inOrder.add(event); // queued at commit, before the watchers below can commit a later change
    }
    notifying++;
    try {
      notifyNow(event);
    } finally {
      notifying--;
    }
    if (notifying == 0) {
      for (WatchEvent e = inOrder.poll(); e != null; e = inOrder.poll()) {
        for (Consumer<WatchEvent> w : List.copyOf(inOrderWatchers)) {
          w.accept(e);
        }
      }
    }
  }

  private void notifyNow(WatchEvent event) {
    String kind = event.object().kind();
    List<Consumer<WatchEvent>> ws = watcherSnapshots.get(kind);
    if (ws == null && watchers.containsKey(kind)) {
      ws = List.copyOf(watchers.get(kind));
      watcherSnapshots.put(kind, ws);
    }
    if (ws != null) {
      for (Consumer<WatchEvent> w : ws) {
        w.accept(event);
      }
    }
    if (allWatchersSnapshot == null) {
      allWatchersSnapshot = List.copyOf(allWatchers);
    }
    for (Consumer<WatchEvent> w : allWatchersSnapshot) {
      w.accept(event);
    }
  }
}
