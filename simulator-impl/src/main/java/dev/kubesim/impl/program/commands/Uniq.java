package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code uniq [-cdu] [INPUT]}: one line of each run of equal adjacent lines; {@code -c} prefixes
 * the run's length as {@code "%7d "} (GNU uniq.c and BusyBox uniq.c print it alike), {@code -d}
 * keeps only repeated lines, {@code -u} only unrepeated ones.
 */
public final class Uniq implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    Flags flags = Flags.parse(args, "cdu");
    if (flags.unknown != null) {
      return Words.invalidOption(ctx, flags.unknown, 1);
    }
    StringBuilder err = new StringBuilder();
    String operand = flags.operands.isEmpty() ? "-" : flags.operands.get(0);
    Optional<String> text = TextInput.read(ctx, operand, err,
        ctx.busybox() ? "%s: can't open '%s': %s" : "%s: %s: %s");
    if (text.isEmpty()) {
      return ExecResult.failure(1, err.toString());
    }
    List<String> lines = TextInput.lines(text.get());
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < lines.size()) {
      int j = i;
      while (j < lines.size() && lines.get(j).equals(lines.get(i))) {
        j++;
      }
      int run = j - i;
      boolean keep = (!flags.has('d') || run > 1) && (!flags.has('u') || run == 1);
      if (keep) {
        out.append(flags.has('c') ? String.format(java.util.Locale.ROOT, "%7d ", run) : "").append(lines.get(i)).append('\n');
      }
      i = j;
    }
    return ExecResult.ok(out.toString());
  }
}
