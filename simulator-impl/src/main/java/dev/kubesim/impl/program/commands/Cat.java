package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.Errno;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import dev.kubesim.impl.program.RunningContainer;
import java.util.List;

/**
 * {@code cat [FILE...]}: the files' contents in order, standard input for none or {@code -}. GNU:
 * {@code cat: /x: No such file or directory}; BusyBox: {@code cat: can't open '/x': No such file or
 * directory}; both status 1 and go on with the next file.
 */
public final class Cat implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    Flags f = Flags.parse(args, "nuAbeEstTv");
    if (f.unknown != null) {
      return Words.invalidOption(ctx, f.unknown, 1);
    }
    List<String> files = f.operands.isEmpty() ? List.of("-") : f.operands;
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int status = 0;
    for (String file : files) {
      if (file.equals("-")) {
        out.append(ctx.stdin());
        continue;
      }
      try {
        String content = ctx.fs().read(ctx.resolve(file));
        if ((long) out.length() + content.length() > RunningContainer.MEMORY_LIMIT) {
          // kubesim holds cat's output in memory, which is bounded: the process is killed there
          return ExecResult.of(out.toString(), err.toString(), RunningContainer.OOM_KILLED_STATUS);
        }
        out.append(content);
      } catch (FsException e) {
        status = 1;
        err.append(message(ctx, file, e.errno()));
      }
    }
    return ExecResult.of(out.toString(), err.toString(), status);
  }

  private static String message(ExecContext ctx, String file, Errno errno) {
    if (ctx.busybox()) {
      return errno == Errno.EISDIR
          ? ctx.programName() + ": read error: Is a directory\n"
          : ctx.programName() + ": can't open '" + file + "': " + errno.message() + "\n";
    }
    return ctx.programName() + ": " + Words.quotedIfNeeded(file) + ": " + errno.message() + "\n";
  }
}
