package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import java.util.List;

/**
 * {@code chmod MODE FILE...}, for the one bit the simulation keeps: whether a file is executable
 * ({@code +x}, {@code a-x}, {@code 755}, {@code 644}...).
 */
public final class Chmod implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    List<String> rest = args.stream().filter(a -> !a.equals("-R") && !a.equals("-v")).toList();
    if (rest.size() < 2) {
      return Words.missingOperand(ctx, "chmod [-Rcvf] MODE[,MODE]... FILE...");
    }
    String mode = rest.get(0);
    Boolean executable = null;
    if (mode.matches("[0-7]{3,4}")) {
      executable = (Integer.parseInt(mode.substring(mode.length() - 3, mode.length() - 2)) & 1) == 1;
    } else if (mode.matches("[ugoa]*[+-=][rwxXst]*")) {
      int op = mode.indexOf('+') >= 0 ? mode.indexOf('+') : Math.max(mode.indexOf('-'), mode.indexOf('='));
      if (mode.indexOf('x', op) > op) {
        executable = mode.charAt(op) != '-';
      }
    } else {
      return ExecResult.failure(1, ctx.programName() + ": invalid mode: " + Words.quoted(mode)
          + "\n" + Words.tryHelp(ctx));
    }
    StringBuilder err = new StringBuilder();
    int status = 0;
    for (String file : rest.subList(1, rest.size())) {
      try {
        String path = ctx.resolve(file);
        String content = ctx.fs().read(path);
        if (executable != null && ctx.fs().isFile(path)) {
          ctx.fs().install(path, content, executable);
        }
      } catch (FsException e) {
        status = 1;
        err.append(ctx.programName()).append(ctx.busybox() ? ": " + file + ": "
            : ": cannot access " + Words.quoted(file) + ": ").append(e.errno().message())
            .append('\n');
      }
    }
    return ExecResult.of("", err.toString(), status);
  }
}
