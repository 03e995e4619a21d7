package dev.kubesim.impl.trace;

import dev.kubesim.api.trace.Trace;
import java.util.ArrayDeque;
import java.util.List;

/** The most recent traces of a cluster, oldest first, at most a fixed number of them. */
public final class TraceHistory {
  private final int capacity;
  private final ArrayDeque<Trace> traces;

  /** A history that keeps the last {@code capacity} traces. */
  public TraceHistory(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.traces = new ArrayDeque<>(Math.min(capacity, 64));
  }

  /** Keeps a trace, forgetting the oldest when full. */
  public void add(Trace trace) {
    if (traces.size() == capacity) {
      traces.removeFirst();
    }
    traces.addLast(trace);
  }

  /** A copy of the traces kept, oldest first. */
  public List<Trace> list() {
    return List.copyOf(traces);
  }

  /** Forgets every trace. */
  public void clear() {
    traces.clear();
  }
}
