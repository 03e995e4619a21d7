package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import java.util.List;

/**
 * {@code mkdir [-p] DIR...}. GNU: {@code mkdir: cannot create directory '/a/b': No such file or
 * directory}; BusyBox: {@code mkdir: can't create directory '/a/b': No such file or directory};
 * status 1. With {@code -p}, parents are made and existing directories are fine.
 */
public final class Mkdir implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    Flags f = Flags.parse(args, "pvm");
    if (f.unknown != null) {
      return Words.invalidOption(ctx, f.unknown, 1);
    }
    boolean parents = f.has('p') || f.longOptions.contains("parents");
    if (f.operands.isEmpty()) {
      return Words.missingOperand(ctx, "mkdir [-m MODE] [-p] DIRECTORY...");
    }
    StringBuilder err = new StringBuilder();
    int status = 0;
    for (String dir : f.operands) {
      try {
        if (parents) {
          ctx.fs().mkdirs(ctx.resolve(dir));
        } else {
          ctx.fs().mkdir(ctx.resolve(dir));
        }
      } catch (FsException e) {
        status = 1;
        err.append(ctx.programName())
            .append(ctx.busybox() ? ": can't create directory '" + dir + "': "
                : ": cannot create directory " + Words.quoted(dir) + ": ")
            .append(e.errno().message()).append('\n');
      }
    }
    return ExecResult.of("", err.toString(), status);
  }
}
