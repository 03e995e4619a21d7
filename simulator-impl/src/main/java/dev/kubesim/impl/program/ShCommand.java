package dev.kubesim.impl.program;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.program.BaseImage;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sh}, {@code dash}, {@code ash}, {@code bash}: runs {@code -c SCRIPT [NAME [ARG...]]}, a
 * script file, or (with no operand) the script on standard input, which is empty under a
 * non-interactive {@code kubectl exec}, so the shell exits 0 at once. Which shell (and so which
 * error words) follows the name invoked and the image: {@code sh} is dash on Debian and ash on
 * BusyBox.
 */
final class ShCommand implements Command {
  /** The dialect a shell executable speaks in an image. */
  static ShellDialect dialect(String invoked, BaseImage base) {
    return switch (FsPaths.basename(invoked)) {
      case "bash" -> base.coreutils() == BaseImage.Coreutils.GNU ? ShellDialect.BASH
          : ShellDialect.BASH_4;
      case "ash" -> ShellDialect.ASH;
      case "dash" -> ShellDialect.DASH;
      default -> base.busyboxShell() ? ShellDialect.ASH : ShellDialect.DASH;
    };
  }

  /** A parsed shell command line. */
  record Invocation(boolean command, boolean errexit, String operand, String arg0,
      List<String> positional, String error, boolean xtrace) {
    Invocation(boolean command, boolean errexit, String operand, String arg0, List<String> positional, String error) {
      this(command, errexit, operand, arg0, positional, error, false);
    }

    Invocation traced(boolean value) {
      return new Invocation(command, errexit, operand, arg0, positional, error, value);
    }
  }

  static Invocation parse(String invoked, List<String> args, ShellDialect dialect) {
    boolean xtrace = false;
    for (String a : args) {
      if (!(a.startsWith("-") || a.startsWith("+")) || a.length() < 2 || a.equals("--")) {
        break;
      }
      xtrace |= a.startsWith("-") && !a.equals("-o") && a.indexOf('x') > 0;
    }
    return parseOptions(invoked, args, dialect).traced(xtrace);
  }

  private static Invocation parseOptions(String invoked, List<String> args, ShellDialect dialect) {
    boolean command = false;
    boolean errexit = false;
    int i = 0;
    for (; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--") || a.equals("-")) {
        i++;
        break;
      }
      if (!(a.startsWith("-") || a.startsWith("+")) || a.length() < 2) {
        break;
      }
      if (a.equals("-o") || a.equals("+o")) {
        i++;
        continue;
      }
      command |= a.startsWith("-") && a.indexOf('c') > 0;
      errexit |= a.startsWith("-") && a.indexOf('e') > 0;
    }
    List<String> rest = args.subList(Math.min(i, args.size()), args.size());
    if (command && rest.isEmpty()) {
      String msg = switch (dialect) {
        case DASH -> invoked + ": 0: -c requires an argument\n";
        case ASH -> invoked + ": -c requires an argument\n";
        case BASH, BASH_4 -> invoked + ": -c: option requires an argument\n";
      };
      return new Invocation(true, errexit, null, invoked, List.of(), msg);
    }
    if (rest.isEmpty()) {
      return new Invocation(false, errexit, null, invoked, List.of(), null);
    }
    String operand = rest.get(0);
    List<String> after = rest.subList(1, rest.size());
    if (command) {
      String arg0 = after.isEmpty() ? invoked : after.get(0);
      List<String> positional = after.isEmpty() ? List.of() : after.subList(1, after.size());
      return new Invocation(true, errexit, operand, arg0, positional, null);
    }
    return new Invocation(false, errexit, operand, operand, after, null);
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    String invoked = ctx.argv0();
    ShellDialect dialect = dialect(invoked, ctx.baseImage());
    Invocation inv = parse(invoked, args, dialect);
    if (inv.error() != null) {
      return ExecResult.failure(2, inv.error());
    }
    String script;
    String stdin = ctx.stdin();
    if (inv.command()) {
      script = inv.operand();
    } else if (inv.operand() == null) {
      script = stdin;
      stdin = "";
    } else {
      try {
        script = ctx.fs().read(ctx.resolve(inv.operand()));
      } catch (FsException e) {
        return cannotOpenScript(invoked, inv.operand(), e.errno(), dialect);
      }
    }
    ShellInterpreter shell = new ShellInterpreter(
        ctx.container(), dialect, invoked, ctx.env(), ctx.cwd(), new ArrayList<>(inv.positional()));
    shell.setArg0(inv.arg0());
    shell.setErrexit(inv.errexit());
    shell.setXtrace(inv.xtrace());
    return shell.runScript(script, stdin);
  }

  private static ExecResult cannotOpenScript(String invoked, String file, Errno errno,
      ShellDialect dialect) {
    return switch (dialect) {
      case DASH -> ExecResult.failure(2, invoked + ": 0: cannot open " + file + ": "
          + (errno == Errno.ENOENT ? "No such file" : errno.message()) + "\n");
      case ASH -> ExecResult.failure(2, invoked + ": can't open '" + file + "': "
          + errno.message() + "\n");
      case BASH, BASH_4 -> ExecResult.failure(127, invoked + ": " + file + ": "
          + errno.message() + "\n");
    };
  }
}
