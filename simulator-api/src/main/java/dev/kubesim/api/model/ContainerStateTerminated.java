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
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param exitCode the command's exit code, as a shell's {@code $?} shows it; {@code null} for
   *     absent
   * @param signal the {@code signal} field; {@code null} for absent
   * @param reason a human-readable reason, as the component that decided it words it; {@code null}
   *     for absent
   * @param message the {@code message} field; {@code null} for absent
   * @param startedAt the {@code startedAt} field; {@code null} for absent
   * @param finishedAt the {@code finishedAt} field; {@code null} for absent
   * @param containerID the {@code containerID} field; {@code null} for absent
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
