package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Probe;
import dev.kubesim.impl.program.RunningContainer;
import dev.kubesim.impl.sim.Steady;
import java.util.Optional;

/**
 * Runs one probe of a container once: an exec probe runs its command in the container, an httpGet
 * or tcpSocket probe connects to the container's port.
 */
public interface Prober {
  /**
   * The outcome of one probe run, and, when the prober knows it, what running the probe again does
   * while nothing in the cluster changes: the same outcome, with only the effects {@code repeat}
   * takes for runs not run (a served request counted, a process id used).
   */
  record Result(boolean success, String message, Optional<Steady> repeat) {
    public static Result ok() {
      return new Result(true, "", Optional.empty());
    }

    public static Result failure(String message) {
      return new Result(false, message, Optional.empty());
    }

    /** The same outcome, known to come again from every run while nothing changes. */
    public Result repeating(Steady effects) {
      return new Result(success, message, Optional.of(effects));
    }
  }

  Result probe(Pod pod, RunningContainer container, Probe probe);
}
