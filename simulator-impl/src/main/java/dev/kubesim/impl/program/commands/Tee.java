package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import java.util.List;

/**
 * {@code tee [-a] [FILE...]}: standard input copied to standard output and to each file
 * (overwritten, or appended to with {@code -a}). A file that cannot be written: {@code tee: FILE:
 * REASON}, status 1, the others still written.
 */
public final class Tee implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    Flags f = Flags.parse(args, "ai");
    if (f.unknown != null) {
      return Words.invalidOption(ctx, f.unknown, 1);
    }
    boolean append = f.has('a') || f.longOptions.contains("append");
    String input = ctx.stdin();
    StringBuilder err = new StringBuilder();
    int status = 0;
    for (String file : f.operands) {
      try {
        if (append) {
          ctx.fs().append(ctx.resolve(file), input);
        } else {
          ctx.fs().write(ctx.resolve(file), input);
        }
      } catch (FsException e) {
        status = 1;
        err.append(ctx.programName()).append(": ").append(file).append(": ").append(e.errno().message()).append('\n');
      }
    }
    return ExecResult.of(input, err.toString(), status);
  }
}
