package dev.kubesim.impl.apiserver;

import java.util.BitSet;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * A bitmap of {@code size} slots split into a static band {@code [0, offset)} and a dynamic band
 * {@code [offset, size)}, as Kubernetes' ClusterIP and nodePort allocators are: automatic
 * allocation draws a random slot from the dynamic band and scans upwards (wrapping) for a free one,
 * and falls back to the static band only when the dynamic one is full; users may ask for any slot.
 */
final class BandedAllocator {
  private final int size;
  private final int offset;
  private final BitSet used;
  private final SplittableRandom random;
  private int count;

  BandedAllocator(int size, int offset, SplittableRandom random) {
    this.size = size;
    this.offset = offset;
    this.used = new BitSet(size);
    this.random = random;
  }

  /** Kubernetes' rule for the static band: size/step, at least min and at most max (0 below min). */
  static int bandOffset(long rangeSize, int min, int max, int step) {
    if (rangeSize < min) {
      return 0;
    }
    long offset = rangeSize / step;
    if (offset < min) {
      return min;
    }
    return (int) Math.min(offset, max);
  }

  int size() {
    return size;
  }

  int offset() {
    return offset;
  }

  boolean isAllocated(int slot) {
    return used.get(slot);
  }

  /** Takes a chosen slot; false when it is taken already. */
  boolean allocate(int slot) {
    if (slot < 0 || slot >= size || used.get(slot)) {
      return false;
    }
    used.set(slot);
    count++;
    return true;
  }

  /** Takes a free slot, dynamic band first; empty when everything is taken. */
  OptionalInt allocateNext() {
    if (count >= size) {
      return OptionalInt.empty();
    }
    OptionalInt slot = scan(offset, size);
    if (slot.isEmpty()) {
      slot = scan(0, offset);
    }
    slot.ifPresent(this::allocate);
    return slot;
  }

  private OptionalInt scan(int from, int to) {
    int span = to - from;
    if (span <= 0) {
      return OptionalInt.empty();
    }
    int start = random.nextInt(span);
    for (int i = 0; i < span; i++) {
      int slot = from + (start + i) % span;
      if (!used.get(slot)) {
        return OptionalInt.of(slot);
      }
    }
    return OptionalInt.empty();
  }

  void release(int slot) {
    if (slot >= 0 && slot < size && used.get(slot)) {
      used.clear(slot);
      count--;
    }
  }
}
