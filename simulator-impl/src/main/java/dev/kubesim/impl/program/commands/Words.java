package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.ExecContext;

/** Quoting and the stock lines GNU and BusyBox tools print. */
public final class Words {
  /** The characters a shell never needs quoted, beside letters and digits. */
  private static final String SAFE_PUNCTUATION = "_./+,:@%^=-";

  private Words() {}

  /** GNU's {@code quoteaf}: always single-quoted, as {@code ls: cannot access '/x'} shows. */
  static String quoted(String name) {
    return "'" + name.replace("'", "'\\''") + "'";
  }

  /** GNU's {@code quotef}: quoted only where the shell would need it, as {@code cat: /x} shows. */
  public static String quotedIfNeeded(String name) {
    return isSafe(name) ? name : quoted(name);
  }

  // A scan, not a regex: curl's trace title quotes every argument of every request.
  private static boolean isSafe(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && SAFE_PUNCTUATION.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** GNU's {@code invalid option -- 'x'} followed by the {@code --help} hint; status given. */
  static ExecResult invalidOption(ExecContext ctx, char option, int status) {
    if (ctx.busybox()) {
      return ExecResult.failure(1, ctx.programName() + ": unrecognized option: " + option + "\n");
    }
    return ExecResult.failure(status, ctx.programName() + ": invalid option -- '" + option + "'\n"
        + tryHelp(ctx));
  }

  /** GNU's {@code missing operand} with the hint; BusyBox prints its usage. */
  static ExecResult missingOperand(ExecContext ctx, String usage) {
    if (ctx.busybox()) {
      return ExecResult.failure(1, ctx.busyboxBanner(false) + "\n\n"
          + "Usage: " + usage + "\n");
    }
    return ExecResult.failure(1, ctx.programName() + ": missing operand\n" + tryHelp(ctx));
  }

  static String tryHelp(ExecContext ctx) {
    return "Try '" + ctx.programName() + " --help' for more information.\n";
  }
}
