package dev.kubesim.impl.apiserver;

import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Allocates nodePorts from the node-port range (default 30000-32767) as the API server's
 * portallocator does: a static band of {@code min(max(16, size/32), 128)} ports at the bottom of
 * the range (30000-30085 by default) is used by automatic allocation only when the rest is full.
 */
public final class NodePortAllocator {
  private final int first;
  private final int last;
  private final BandedAllocator bitmap;

  public NodePortAllocator(int first, int last, SplittableRandom random) {
    this.first = first;
    this.last = last;
    int size = last - first + 1;
    this.bitmap = new BandedAllocator(size, BandedAllocator.bandOffset(size, 16, 128, 32), random);
  }

  public int first() {
    return first;
  }

  public int last() {
    return last;
  }

  public boolean inRange(int port) {
    return port >= first && port <= last;
  }

  /** Takes a chosen port; false when taken (the caller checks the range first). */
  public boolean allocate(int port) {
    return inRange(port) && bitmap.allocate(port - first);
  }

  public boolean isAllocated(int port) {
    return inRange(port) && bitmap.isAllocated(port - first);
  }

  /** Takes a free port, the dynamic band first. */
  public OptionalInt allocateNext() {
    OptionalInt slot = bitmap.allocateNext();
    return slot.isPresent() ? OptionalInt.of(first + slot.getAsInt()) : OptionalInt.empty();
  }

  public void release(int port) {
    if (inRange(port)) {
      bitmap.release(port - first);
    }
  }

  /** The range as the API server prints it: {@code 30000-32767}. */
  @Override
  public String toString() {
    return first + "-" + last;
  }
}
