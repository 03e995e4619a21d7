package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.List;

/**
 * {@code python3} (and {@code python}) of the python image, as far as kubesim goes: {@code
 * --version}, no script with nothing on standard input (exits 0 at once, as the image's default
 * command does in a pod), and a script that does not exist ({@code can't open file}). Running
 * Python code is not simulated, and says so; {@code -m http.server} is the image's server, run as
 * the container's command.
 */
public final class Python implements Command {
  /** The interpreter's version in {@code python:latest} and tags that name no version. */
  public static final String VERSION = "3.12.7";

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    if (args.isEmpty()) {
      return ctx.stdin().isBlank() ? ExecResult.ok("") : unsupported(ctx);
    }
    String first = args.get(0);
    if (first.equals("--version") || first.equals("-V")) {
      return ExecResult.ok("Python " + dev.kubesim.impl.program.images.PythonProgram.version(ctx.container().image()) + "\n");
    }
    if (!first.startsWith("-")) {
      String path = ctx.resolve(first);
      if (ctx.fs().readIfFile(path).isEmpty()) {
        return ExecResult.failure(2, ctx.programName() + ": can't open file '" + path
            + "': [Errno 2] No such file or directory\n");
      }
    }
    return unsupported(ctx);
  }

  private static ExecResult unsupported(ExecContext ctx) {
    return ExecResult.failure(1, ctx.programName() + ": kubesim does not run Python code "
        + "(it simulates --version and, as a container's command, -m http.server)\n");
  }
}
