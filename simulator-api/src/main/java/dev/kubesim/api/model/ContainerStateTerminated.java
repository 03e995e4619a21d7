package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code state.terminated} of a container status.
 *
 * @param exitCode the exit code of its main process
 * @param signal the signal that ended it, if one did
 * @param reason why, in one word ({@code Completed}, {@code Error}, {@code OOMKilled})
 * @param message why, for people
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param containerID the runtime's id of the container
 */
public record ContainerStateTerminated(
    Optional<Integer> exitCode,
    Optional<Integer> signal,
    Optional<String> reason,
    Optional<String> message,
    Optional<String> startedAt,
    Optional<String> finishedAt,
    Optional<String> containerID) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param exitCode the exit code of its main process
   * @param signal the signal that ended it, if one did
   * @param reason why, in one word ({@code Completed}, {@code Error}, {@code OOMKilled})
   * @param message why, for people
   * @param startedAt when it started
   * @param finishedAt when it ended
   * @param containerID the runtime's id of the container
   */
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
