package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.List;

/**
 * {@code basename NAME [SUFFIX]} and {@code dirname NAME...} (POSIX, GNU coreutils, BusyBox): the
 * last component of a path (without the suffix) or all but it, trailing slashes ignored.
 */
public final class PathNames implements Command {
  private final boolean base;

  private PathNames(boolean base) {
    this.base = base;
  }

  /** {@code basename}. */
  public static PathNames basename() {
    return new PathNames(true);
  }

  /** {@code dirname}. */
  public static PathNames dirname() {
    return new PathNames(false);
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    if (args.isEmpty()) {
      return ExecResult.failure(1, ctx.programName() + ": missing operand\n" + Words.tryHelp(ctx));
    }
    if (base) {
      if (args.size() > 2) {
        return ExecResult.failure(1, ctx.programName() + ": extra operand " + Words.quotedIfNeeded(args.get(2)) + "\n"
            + Words.tryHelp(ctx));
      }
      String name = last(args.get(0));
      if (args.size() == 2 && name.endsWith(args.get(1)) && !name.equals(args.get(1))) {
        name = name.substring(0, name.length() - args.get(1).length());
      }
      return ExecResult.ok(name + "\n");
    }
    StringBuilder out = new StringBuilder();
    for (String path : args) {
      out.append(parent(path)).append('\n');
    }
    return ExecResult.ok(out.toString());
  }

  private static String last(String path) {
    String p = strip(path);
    if (p.equals("/")) {
      return "/";
    }
    return p.substring(p.lastIndexOf('/') + 1);
  }

  private static String parent(String path) {
    String p = strip(path);
    int slash = p.lastIndexOf('/');
    if (slash < 0) {
      return ".";
    }
    String dir = p.substring(0, slash);
    while (dir.length() > 1 && dir.endsWith("/")) {
      dir = dir.substring(0, dir.length() - 1);
    }
    return dir.isEmpty() ? "/" : dir;
  }

  /** The path without its trailing slashes ({@code /} stays). */
  private static String strip(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
