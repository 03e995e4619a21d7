package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * {@code sleep NUMBER[smhd]...}: returns at once and reports the virtual time it would take in
 * {@link ExecResult#elapsed()} (the sum of its operands; {@code infinity} never ends), so the caller
 * can advance the simulation's clock. GNU: {@code sleep: invalid time interval 'x'}; BusyBox:
 * {@code sleep: invalid number 'x'}; status 1.
 */
public final class Sleep implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    if (args.isEmpty()) {
      return Words.missingOperand(ctx, "sleep [N]...");
    }
    Duration total = Duration.ZERO;
    for (String arg : args) {
      Duration d = parse(arg);
      if (d == null) {
        return ExecResult.failure(1, ctx.busybox()
            ? ctx.programName() + ": invalid number '" + arg + "'\n"
            : ctx.programName() + ": invalid time interval " + Words.quoted(arg) + "\n"
                + Words.tryHelp(ctx));
      }
      if (d.equals(ExecResult.FOREVER)) {
        return new ExecResult("", "", 0, ExecResult.FOREVER);
      }
      try {
        total = total.plus(d);
      } catch (ArithmeticException e) {
        return new ExecResult("", "", 0, ExecResult.FOREVER);
      }
    }
    return new ExecResult("", "", 0, total);
  }

  /** A duration operand, {@link ExecResult#FOREVER} for infinity, or null when invalid. */
  static Duration parse(String arg) {
    String s = arg.trim();
    if (s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("infinity")) {
      return ExecResult.FOREVER;
    }
    long unit = 1;
    if (!s.isEmpty()) {
      switch (s.charAt(s.length() - 1)) {
        case 's' -> s = s.substring(0, s.length() - 1);
        case 'm' -> {
          unit = 60;
          s = s.substring(0, s.length() - 1);
        }
        case 'h' -> {
          unit = 3600;
          s = s.substring(0, s.length() - 1);
        }
        case 'd' -> {
          unit = 86400;
          s = s.substring(0, s.length() - 1);
        }
        default -> { }
      }
    }
    if (!s.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
      return null;
    }
    BigDecimal nanos = new BigDecimal(s).multiply(BigDecimal.valueOf(unit))
        .multiply(BigDecimal.valueOf(1_000_000_000L));
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      BigDecimal seconds = new BigDecimal(s).multiply(BigDecimal.valueOf(unit));
      return seconds.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
          ? ExecResult.FOREVER : Duration.ofSeconds(seconds.longValue());
    }
    return Duration.ofNanos(nanos.longValue());
  }
}
