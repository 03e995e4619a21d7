package dev.kubesim.api.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Normalisation used by the records' compact constructors: absent values become {@code
 * Optional.empty()}, empty lists and maps; collections become immutable; maps are sorted by key, as
 * the API server serialises them.
 */
final class Values {
  private Values() {}

  static <T> Optional<T> opt(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  static <T> ImmutableList<T> list(List<T> value) {
    if (value == null || value.isEmpty()) {
      return ImmutableList.of();
    }
    return ImmutableList.copyOf(value);
  }

  static <V> ImmutableSortedMap<String, V> map(Map<String, V> value) {
    // Records are rebuilt at every write: most maps are empty or already sorted and immutable, and
    // those need no copy (Guava's copyOf would still look through the entries of the first kind).
    if (value == null || value.isEmpty()) {
      return ImmutableSortedMap.of();
    }
    if (value instanceof ImmutableSortedMap<String, V> sorted && sorted.comparator() == NATURAL) {
      return sorted;
    }
    return ImmutableSortedMap.copyOf(value);
  }

  private static final java.util.Comparator<Comparable<?>> NATURAL = com.google.common.collect.Ordering.natural();
}
