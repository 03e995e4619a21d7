package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.Executable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code env [-i] [-u NAME] [NAME=VALUE...] [COMMAND [ARG...]]}: prints the environment as {@code
 * NAME=value} lines in its order, or runs a command in a changed one. A command that cannot be
 * found: GNU {@code env: 'foo': No such file or directory}, BusyBox {@code env: can't execute
 * 'foo': No such file or directory}; status 127 (126 when it cannot be executed).
 */
public final class Env implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    Map<String, String> env = new LinkedHashMap<>(ctx.env());
    int i = 0;
    for (; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-i") || a.equals("-") || a.equals("--ignore-environment")) {
        env.clear();
      } else if (a.equals("-u") && i + 1 < args.size()) {
        env.remove(args.get(++i));
      } else if (a.startsWith("-u") && a.length() > 2) {
        env.remove(a.substring(2));
      } else if (a.equals("--")) {
        i++;
        break;
      } else if (a.startsWith("-") && a.length() > 1) {
        return Words.invalidOption(ctx, a.charAt(1), 125);
      } else {
        break;
      }
    }
    for (; i < args.size() && args.get(i).indexOf('=') > 0; i++) {
      String a = args.get(i);
      int eq = a.indexOf('=');
      env.remove(a.substring(0, eq));
      env.put(a.substring(0, eq), a.substring(eq + 1));
    }
    if (i >= args.size()) {
      StringBuilder out = new StringBuilder();
      env.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
      return ExecResult.ok(out.toString());
    }
    List<String> argv = args.subList(i, args.size());
    Executable exe = ctx.findExecutable(argv.get(0), env);
    if (exe.runnable()) {
      return ctx.execute(exe, argv, env);
    }
    boolean missing = exe instanceof Executable.NotFound || exe instanceof Executable.NoSuchFile;
    String reason = missing ? "No such file or directory" : "Permission denied";
    String name = argv.get(0);
    String message = ctx.busybox()
        ? ctx.programName() + ": can't execute '" + name + "': " + reason
        : ctx.programName() + ": "
            + (ctx.coreutils() == dev.kubesim.api.program.BaseImage.Coreutils.GNU
                ? Words.quoted(name) : Words.quotedIfNeeded(name))
            + ": " + reason;
    return ExecResult.failure(missing ? 127 : 126, message + "\n");
  }
}
