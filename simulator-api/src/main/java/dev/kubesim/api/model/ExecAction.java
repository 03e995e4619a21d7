package dev.kubesim.api.model;

import java.util.List;

/** {@code exec} handler of a probe: a command run in the container. */
public record ExecAction(
    List<String> command) {
  public ExecAction {
    command = Values.list(command);
  }
}
