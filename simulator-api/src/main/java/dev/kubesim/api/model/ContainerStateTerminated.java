package dev.kubesim.api.model;

import java.util.Optional;

/** {@code state.terminated} of a container status. */
public record ContainerStateTerminated(
    Optional<Integer> exitCode,
    Optional<Integer> signal,
    Optional<String> reason,
    Optional<String> message,
    Optional<String> startedAt,
    Optional<String> finishedAt,
    Optional<String> containerID) {
  public ContainerStateTerminated {
    exitCode = Values.opt(exitCode);
    signal = Values.opt(signal);
    reason = Values.opt(reason);
    message = Values.opt(message);
    startedAt = Values.opt(startedAt);
    finishedAt = Values.opt(finishedAt);
    containerID = Values.opt(containerID);
  }
}
