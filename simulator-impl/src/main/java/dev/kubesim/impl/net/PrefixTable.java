package dev.kubesim.impl.net;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Longest-prefix match over IPv4 prefixes, hashed per prefix length: a lookup probes one hash
 * map per length in use (a handful), never scans the routes, so it costs the same with 3 nodes or
 * 5,000.
 *
 * @param <T> what a prefix leads to (a route)
 */
public final class PrefixTable<T> {
  @SuppressWarnings("unchecked")
  private final Map<Integer, T>[] byLength = new Map[33];
  /** The lengths in use, longest first. */
  private int[] lengths = new int[0];

  /** Adds or replaces the entry of {@code base/length}. */
  public void put(int base, int length, T value) {
    checkLength(length);
    if (byLength[length] == null) {
      byLength[length] = new HashMap<>();
      int[] more = Arrays.copyOf(lengths, lengths.length + 1);
      more[lengths.length] = length;
      Arrays.sort(more);
      for (int i = 0, j = more.length - 1; i < j; i++, j--) {
        int t = more[i];
        more[i] = more[j];
        more[j] = t;
      }
      lengths = more;
    }
    byLength[length].put(base & Ip4.mask(length), value);
  }

  /** Removes the entry of {@code base/length}, if any. */
  public void remove(int base, int length) {
    checkLength(length);
    if (byLength[length] != null) {
      byLength[length].remove(base & Ip4.mask(length));
    }
  }

  /** The entry of the longest prefix holding the address, or null. */
  public T lookup(int address) {
    for (int length : lengths) {
      T v = byLength[length].get(address & Ip4.mask(length));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static void checkLength(int length) {
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("prefix length must be 0-32: " + length);
    }
  }
}
