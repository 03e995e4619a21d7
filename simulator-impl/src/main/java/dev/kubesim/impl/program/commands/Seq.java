package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.List;

/**
 * {@code seq [FIRST [INCREMENT]] LAST}: whole numbers one per line. A number that is not one fails
 * as GNU ({@code seq: invalid floating point argument: 'x'}) or BusyBox ({@code seq: invalid number
 * 'x'}) does, status 1.
 */
public final class Seq implements Command {
  /** Lines seq writes at most here: a process holds its output in memory. */
  private static final long MAX_LINES = 1_000_000;

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    if (args.isEmpty() || args.size() > 3) {
      return ExecResult.failure(1, ctx.busybox()
          ? ctx.busyboxBanner(true) + "\n\nUsage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n"
          : "seq: missing operand\nTry 'seq --help' for more information.\n");
    }
    long[] n = new long[args.size()];
    for (int i = 0; i < args.size(); i++) {
      try {
        n[i] = Long.parseLong(args.get(i).trim());
      } catch (NumberFormatException e) {
        return ExecResult.failure(1, ctx.busybox()
            ? "seq: invalid number '" + args.get(i) + "'\n"
            : "seq: invalid floating point argument: '" + args.get(i) + "'\n"
                + "Try 'seq --help' for more information.\n");
      }
    }
    long first = n.length > 1 ? n[0] : 1;
    long step = n.length == 3 ? n[1] : 1;
    long last = n[n.length - 1];
    if (step == 0) {
      return ExecResult.failure(1, "seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n");
    }
    StringBuilder out = new StringBuilder();
    long lines = 0;
    for (long v = first; step > 0 ? v <= last : v >= last; v += step) {
      if (++lines > MAX_LINES) {
        break;
      }
      out.append(v).append('\n');
    }
    return ExecResult.of(out.toString(), "", 0);
  }
}
