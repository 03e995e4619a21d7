package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.List;

/** {@code pwd}: the working directory (the image's {@code WORKDIR} or the spec's {@code workingDir}). */
public final class Pwd implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    return ExecResult.ok(ctx.cwd() + "\n");
  }
}
