package dev.kubesim.api.model;

import java.util.List;

/**
 * {@code exec} handler of a probe: a command run in the container.
 *
 * @param command the command and its arguments, run without a shell
 */
public record ExecAction(
    List<String> command) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param command the command and its arguments, run without a shell
   */
  public ExecAction {
    command = Values.list(command);
  }
}
