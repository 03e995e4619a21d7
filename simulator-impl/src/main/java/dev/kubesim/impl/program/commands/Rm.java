package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.Errno;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import java.util.List;

/**
 * {@code rm [-f] [-r] FILE...}. {@code -f} ignores missing files; a directory needs {@code -r}.
 * GNU: {@code rm: cannot remove '/x': No such file or directory}; BusyBox: {@code rm: can't remove
 * '/x': No such file or directory}; status 1. {@code rm -r /} is refused, as GNU's
 * {@code --preserve-root} default does.
 */
public final class Rm implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    Flags f = Flags.parse(args, "fiIrRdv");
    if (f.unknown != null) {
      return Words.invalidOption(ctx, f.unknown, 1);
    }
    boolean force = f.has('f');
    boolean recursive = f.has('r') || f.has('R') || f.longOptions.contains("recursive");
    force |= f.longOptions.contains("force");
    if (f.operands.isEmpty()) {
      return force ? ExecResult.ok("") : Words.missingOperand(ctx, "rm [-irf] FILE...");
    }
    StringBuilder err = new StringBuilder();
    int status = 0;
    for (String file : f.operands) {
      String path = ctx.resolve(file);
      if (recursive && path.equals("/")) {
        err.append(ctx.programName()).append(": it is dangerous to operate recursively on ")
            .append(ctx.busybox() ? "'/'" : Words.quoted("/")).append('\n');
        if (!ctx.busybox()) {
          err.append(ctx.programName())
              .append(": use --no-preserve-root to override this failsafe\n");
        }
        status = 1;
        continue;
      }
      try {
        if (!ctx.fs().exists(path)) {
          if (!force) {
            throw new FsException(Errno.ENOENT, path);
          }
          continue;
        }
        if (ctx.fs().isDirectory(path)) {
          if (recursive) {
            ctx.fs().removeRecursively(path);
          } else if (f.has('d')) {
            ctx.fs().removeDirectory(path);
          } else {
            throw new FsException(Errno.EISDIR, path);
          }
        } else {
          ctx.fs().remove(path);
        }
      } catch (FsException e) {
        status = 1;
        if (ctx.busybox() && e.errno() == Errno.EISDIR) {
          err.append(ctx.programName()).append(": '").append(file).append("' is a directory\n");
        } else if (ctx.busybox()) {
          err.append(ctx.programName()).append(": can't remove '").append(file).append("': ")
              .append(e.errno().message()).append('\n');
        } else {
          err.append(ctx.programName()).append(": cannot remove ").append(Words.quoted(file))
              .append(": ").append(e.errno().message()).append('\n');
        }
      }
    }
    return ExecResult.of("", err.toString(), status);
  }
}
