package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.Executable;
import java.util.List;

/**
 * {@code which NAME...}: the path of the program each name runs, found through {@code PATH} as the
 * shell finds it; a name it cannot find prints nothing, and the status is 1 when any was not found
 * (debianutils' and BusyBox's {@code which}).
 */
public final class Which implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    StringBuilder out = new StringBuilder();
    boolean all = !args.isEmpty();
    for (String name : args) {
      if (name.startsWith("-")) {
        continue; // -a and -s only change how much is printed or whether anything is
      }
      Executable exe = ctx.findExecutable(name, ctx.env());
      String path = null;
      if (exe instanceof Executable.Program p) {
        path = p.path();
      } else if (exe instanceof Executable.Script s) {
        path = s.path();
      } else if (exe instanceof Executable.NotSimulated n) {
        path = n.path();
      }
      if (path == null) {
        all = false;
      } else {
        out.append(path).append('\n');
      }
    }
    return ExecResult.of(out.toString(), "", all ? 0 : 1);
  }
}
