package dev.kubesim.api.trace;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A trace read back from its JSON: plain values, rendered as the trace that wrote it was. */
record RecordedTrace(String title, Duration startedAt, List<TraceHop> hops, Disposition disposition) implements Trace {
  RecordedTrace {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(startedAt, "startedAt");
    hops = ImmutableList.copyOf(hops);
    Objects.requireNonNull(disposition, "disposition");
  }

  @Override
  public String toString() {
    return render();
  }
}
