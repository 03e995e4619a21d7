package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import java.util.List;

/**
 * {@code touch FILE...}: creates empty files or updates their times. GNU: {@code touch: cannot
 * touch '/x/y': No such file or directory}; BusyBox: {@code touch: /x/y: No such file or
 * directory}; status 1.
 */
public final class Touch implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    Flags f = Flags.parse(args, "acm");
    if (f.unknown != null) {
      return Words.invalidOption(ctx, f.unknown, 1);
    }
    if (f.operands.isEmpty()) {
      return Words.missingOperand(ctx, "touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...");
    }
    StringBuilder err = new StringBuilder();
    int status = 0;
    for (String file : f.operands) {
      String path = ctx.resolve(file);
      if (f.has('c') && !ctx.fs().exists(path)) {
        continue;
      }
      try {
        ctx.fs().touch(path);
      } catch (FsException e) {
        status = 1;
        err.append(ctx.busybox()
            ? ctx.programName() + ": " + file + ": " + e.errno().message() + "\n"
            : ctx.programName() + ": cannot touch " + Words.quoted(file) + ": "
                + e.errno().message() + "\n");
      }
    }
    return ExecResult.of("", err.toString(), status);
  }
}
