package dev.kubesim.impl.apiserver;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.model.KubeObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The stored objects of one kind: a hash map for point lookups and writes, and the keys in
 * (namespace, name) order for lists. A changed object touches only the hash map; a new key waits
 * outside the order until the next list, so that kinds written far more often than listed (Events)
 * pay no ordered insert per write.
 */
final class KindTable {
  private final HashMap<ObjectKey, KubeObject> objects = new HashMap<>();
  private final TreeSet<ObjectKey> ordered = new TreeSet<>();
  /** Keys added since the last list, not yet in {@link #ordered}. */
  private final HashSet<ObjectKey> unordered = new HashSet<>();

  KubeObject get(ObjectKey key) {
    return objects.get(key);
  }

  /** Stores the object; returns the one it replaced, or null for a new key. */
  KubeObject put(ObjectKey key, KubeObject object) {
    KubeObject previous = objects.put(key, object);
    if (previous == null) {
      unordered.add(key);
    }
    return previous;
  }

  /** Removes the object; returns it, or null when there was none. */
  KubeObject remove(ObjectKey key) {
    KubeObject previous = objects.remove(key);
    if (previous != null && !unordered.remove(key)) {
      ordered.remove(key);
    }
    return previous;
  }

  int size() {
    return objects.size();
  }

  boolean isEmpty() {
    return objects.isEmpty();
  }

  /** Every object in key order. */
  ImmutableList<KubeObject> list() {
    return values(order());
  }

  /** The objects of one namespace in key order. */
  ImmutableList<KubeObject> list(String namespace) {
    return values(order().subSet(new ObjectKey(namespace, ""), true, new ObjectKey(namespace + "\0", ""), false));
  }

  private NavigableSet<ObjectKey> order() {
    if (!unordered.isEmpty()) {
      ordered.addAll(unordered);
      unordered.clear();
    }
    return ordered;
  }

  private ImmutableList<KubeObject> values(NavigableSet<ObjectKey> keys) {
    ImmutableList.Builder<KubeObject> out = ImmutableList.builderWithExpectedSize(keys.size());
    for (ObjectKey k : keys) {
      out.add(objects.get(k));
    }
    return out.build();
  }
}
