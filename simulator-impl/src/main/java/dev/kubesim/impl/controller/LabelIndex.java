package dev.kubesim.impl.controller;

import dev.kubesim.impl.apiserver.ObjectKey;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Objects of one namespace-scoped kind indexed by each of their {@code key=value} label pairs, so
 * that the objects a selector could match are found without scanning the namespace: the selector's
 * rarest pair gives the candidates, which are then checked in full.
 */
final class LabelIndex {
  private final Map<String, TreeSet<ObjectKey>> byPair = new HashMap<>();
  private final Map<String, TreeSet<ObjectKey>> byNamespace = new HashMap<>();

  private static String pair(String namespace, String key, String value) {
    return namespace + "\u0000" + key + "\u0000" + value;
  }

  void add(ObjectKey object, Map<String, String> labels) {
    for (Map.Entry<String, String> e : labels.entrySet()) {
      byPair.computeIfAbsent(pair(object.namespace(), e.getKey(), e.getValue()), p -> new TreeSet<>()).add(object);
    }
    byNamespace.computeIfAbsent(object.namespace(), n -> new TreeSet<>()).add(object);
  }

  void remove(ObjectKey object, Map<String, String> labels) {
    for (Map.Entry<String, String> e : labels.entrySet()) {
      String p = pair(object.namespace(), e.getKey(), e.getValue());
      TreeSet<ObjectKey> set = byPair.get(p);
      if (set != null) {
        set.remove(object);
        if (set.isEmpty()) {
          byPair.remove(p);
        }
      }
    }
    TreeSet<ObjectKey> ns = byNamespace.get(object.namespace());
    if (ns != null) {
      ns.remove(object);
    }
  }

  /** Whether no object carries a label pair (objects without labels may still be indexed). */
  boolean hasNoPairs() {
    return byPair.isEmpty();
  }

  /** The objects of the namespace that carry one pair, in key order; a read-only view, not a copy. */
  Set<ObjectKey> withPair(String namespace, String key, String value) {
    TreeSet<ObjectKey> set = byPair.get(pair(namespace, key, value));
    return set == null ? Set.of() : Collections.unmodifiableSet(set);
  }

  /**
   * Objects in the namespace that carry every pair of the selector, as candidates still to be
   * checked by the caller; an empty selector gives the whole namespace.
   */
  TreeSet<ObjectKey> candidates(String namespace, Map<String, String> selector) {
    TreeSet<ObjectKey> best = null;
    for (Map.Entry<String, String> e : selector.entrySet()) {
      TreeSet<ObjectKey> set = byPair.get(pair(namespace, e.getKey(), e.getValue()));
      if (set == null) {
        return new TreeSet<>();
      }
      if (best == null || set.size() < best.size()) {
        best = set;
      }
    }
    if (best == null) {
      best = byNamespace.getOrDefault(namespace, new TreeSet<>());
    }
    return new TreeSet<>(best);
  }
}
