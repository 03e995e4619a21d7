package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.List;

/** {@code true} and {@code false}: nothing but an exit status. */
public final class ExitStatus implements Command {
  private final int status;

  public ExitStatus(int status) {
    this.status = status;
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    return ExecResult.of("", "", status);
  }
}
