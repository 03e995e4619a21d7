package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Probe;
import dev.kubesim.impl.program.RunningContainer;

/**
 * Runs one probe of a container once: an exec probe runs its command in the container, an httpGet
 * or tcpSocket probe connects to the container's port.
 */
public interface Prober {
  /** The outcome of one probe run. */
  record Result(boolean success, String message) {
    public static Result ok() {
      return new Result(true, "");
    }

    public static Result failure(String message) {
      return new Result(false, message);
    }
  }

  Result probe(Pod pod, RunningContainer container, Probe probe);
}
