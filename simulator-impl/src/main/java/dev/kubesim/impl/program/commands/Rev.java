package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import java.util.List;

/**
 * {@code rev [FILE...]} (util-linux, BusyBox): each line of the files (or standard input) with its
 * characters reversed. A file that cannot be read: {@code rev: cannot open FILE: REASON}, status 1.
 */
public final class Rev implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    List<String> files = args.isEmpty() ? List.of("-") : args;
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int status = 0;
    for (String file : files) {
      String text;
      if (file.equals("-")) {
        text = ctx.stdin();
      } else {
        try {
          text = ctx.fs().read(ctx.resolve(file));
        } catch (FsException e) {
          err.append(ctx.programName()).append(": cannot open ").append(file).append(": ").append(e.errno().message())
              .append('\n');
          status = 1;
          continue;
        }
      }
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (i == lines.length - 1 && lines[i].isEmpty()) {
          break; // the text's final newline ends its last line
        }
        out.append(new StringBuilder(lines[i]).reverse());
        if (i < lines.length - 1) {
          out.append('\n');
        }
      }
    }
    return ExecResult.of(out.toString(), err.toString(), status);
  }
}
