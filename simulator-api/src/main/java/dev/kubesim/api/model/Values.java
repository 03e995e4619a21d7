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
    return value == null ? ImmutableList.of() : ImmutableList.copyOf(value);
  }

  static <V> ImmutableSortedMap<String, V> map(Map<String, V> value) {
    return value == null ? ImmutableSortedMap.of() : ImmutableSortedMap.copyOf(value);
  }
}
