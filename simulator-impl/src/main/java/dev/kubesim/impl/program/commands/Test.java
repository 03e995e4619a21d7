package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ContainerFilesystem;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import dev.kubesim.impl.program.FsPaths;
import java.util.List;
import java.util.Set;

/**
 * {@code test EXPR} and {@code [ EXPR ]}: file tests ({@code -e -f -d -s -x -r -w}), string tests
 * ({@code -z -n = != ==}), integer comparisons ({@code -eq -ne -lt -le -gt -ge}), {@code !},
 * {@code -a}, {@code -o} and parentheses. Status 0 true, 1 false, 2 on a malformed expression.
 */
public final class Test implements Command {
  private static final Set<String> UNARY =
      Set.of("-e", "-f", "-d", "-s", "-r", "-w", "-x", "-z", "-n", "-L", "-h", "-b", "-c", "-p",
          "-S", "-g", "-u", "-k", "-t");
  private static final Set<String> BINARY =
      Set.of("=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef");

  /** A malformed expression: its message, status 2. */
  private static final class Malformed extends Exception {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    String name = FsPaths.basename(ctx.argv0());
    List<String> expr = args;
    if (name.equals("[")) {
      if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
        return ExecResult.failure(2, prefix(ctx) + (ctx.busybox() || ctx.shellBuiltin()
            ? "missing ]\n" : "missing ']'\n"));
      }
      expr = args.subList(0, args.size() - 1);
    }
    try {
      Parser p = new Parser(expr, ctx);
      boolean result = expr.isEmpty() ? false : p.or();
      if (p.pos < expr.size()) {
        throw new Malformed(expr.get(p.pos) + ": unexpected operator");
      }
      return ExecResult.of("", "", result ? 0 : 1);
    } catch (Malformed e) {
      return ExecResult.failure(2, prefix(ctx) + e.getMessage() + "\n");
    }
  }

  /**
   * A unary test ({@code -f FILE}, {@code -z STRING} ...) as {@code test} and bash's {@code [[ ]]}
   * evaluate it.
   *
   * @return the result, or empty when {@code op} is no unary operator
   */
  public static java.util.Optional<Boolean> unary(String op, String operand, ExecContext ctx) {
    return UNARY.contains(op) ? java.util.Optional.of(new Parser(List.of(), ctx).unary(op, operand))
        : java.util.Optional.empty();
  }

  private static String prefix(ExecContext ctx) {
    return ctx.programName() + ": ";
  }

  private static final class Parser {
    final List<String> args;
    final ExecContext ctx;
    int pos;

    Parser(List<String> args, ExecContext ctx) {
      this.args = args;
      this.ctx = ctx;
    }

    boolean or() throws Malformed {
      boolean v = and();
      while (pos < args.size() && args.get(pos).equals("-o")) {
        pos++;
        boolean r = and();
        v = v || r;
      }
      return v;
    }

    boolean and() throws Malformed {
      boolean v = not();
      while (pos < args.size() && args.get(pos).equals("-a")) {
        pos++;
        boolean r = not();
        v = v && r;
      }
      return v;
    }

    boolean not() throws Malformed {
      if (pos < args.size() && args.get(pos).equals("!") && pos + 1 < args.size()) {
        pos++;
        return !not();
      }
      return primary();
    }

    boolean primary() throws Malformed {
      if (pos >= args.size()) {
        throw new Malformed("argument expected");
      }
      String a = args.get(pos);
      if (a.equals("(") && pos + 1 < args.size()) {
        pos++;
        boolean v = or();
        if (pos >= args.size() || !args.get(pos).equals(")")) {
          throw new Malformed("')' expected");
        }
        pos++;
        return v;
      }
      if (pos + 1 < args.size() && BINARY.contains(args.get(pos + 1)) && pos + 2 < args.size()) {
        return binary();
      }
      if (UNARY.contains(a) && pos + 1 < args.size()) {
        pos += 2;
        return unary(a, args.get(pos - 1));
      }
      pos++;
      return !a.isEmpty();
    }

    boolean binary() throws Malformed {
      String left = args.get(pos);
      String op = args.get(pos + 1);
      String right = args.get(pos + 2);
      pos += 3;
      return switch (op) {
        case "=", "==" -> left.equals(right);
        case "!=" -> !left.equals(right);
        case "-eq" -> number(left) == number(right);
        case "-ne" -> number(left) != number(right);
        case "-lt" -> number(left) < number(right);
        case "-le" -> number(left) <= number(right);
        case "-gt" -> number(left) > number(right);
        case "-ge" -> number(left) >= number(right);
        default -> false;
      };
    }

    long number(String s) throws Malformed {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        if (ctx.shellBuiltin() && !ctx.busybox()) {
          throw new Malformed("Illegal number: " + s);
        }
        throw new Malformed(ctx.busybox() ? "invalid number '" + s + "'"
            : "invalid integer " + Words.quoted(s));
      }
    }

    boolean unary(String op, String operand) {
      ContainerFilesystem fs = ctx.fs();
      String path = ctx.resolve(operand);
      ContainerFilesystem.Stat stat;
      try {
        stat = operand.isEmpty() ? null : fs.stat(path);
      } catch (FsException e) {
        stat = null;
      }
      return switch (op) {
        case "-z" -> operand.isEmpty();
        case "-n" -> !operand.isEmpty();
        case "-e", "-r", "-w" -> stat != null;
        case "-f" -> stat != null && stat.kind() == ContainerFilesystem.Kind.FILE;
        case "-d" -> stat != null && stat.kind() == ContainerFilesystem.Kind.DIRECTORY;
        case "-c" -> stat != null && stat.kind() == ContainerFilesystem.Kind.DEVICE;
        case "-s" -> stat != null && stat.size() > 0;
        case "-x" -> stat != null && stat.executable();
        default -> false;
      };
    }
  }
}
