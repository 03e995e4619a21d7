package dev.kubesim.impl.trace;

import dev.kubesim.api.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The traces made while one {@code exec} runs, so the exec's result can carry them: the commands
 * publish each finished trace here, the cluster takes them when the command returns. Captures nest
 * (an exec inside an exec keeps its own).
 */
public final class TraceCapture {
  private final List<List<Trace>> open = new ArrayList<>();

  /** Starts collecting for a new exec. */
  public void begin() {
    open.add(new ArrayList<>());
  }

  /** Stops collecting and returns what the exec produced, several traces joined into one. */
  public Optional<Trace> end() {
    if (open.isEmpty()) {
      return Optional.empty();
    }
    List<Trace> traces = open.remove(open.size() - 1);
    return traces.isEmpty() ? Optional.empty() : Optional.of(SimTrace.concat(traces));
  }

  /** Adds a finished trace to the innermost open capture; kept nowhere when none is open. */
  public void publish(Trace trace) {
    if (!open.isEmpty()) {
      open.get(open.size() - 1).add(trace);
    }
  }
}
