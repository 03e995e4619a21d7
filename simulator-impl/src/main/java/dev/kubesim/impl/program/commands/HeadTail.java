package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code head} and {@code tail} with {@code -n N} or {@code -N} (ten lines by default), or {@code -c
 * N} characters: the first or last lines of each input; {@code head -n -N} leaves out the last N, {@code tail -n +N} starts at
 * line N. Several files get GNU's {@code ==> NAME <==} headers. A count that is not one fails with
 * GNU's {@code invalid number of lines} (coreutils head.c, tail.c) or BusyBox's {@code invalid
 * number} (libbb xatou), status 1.
 */
public final class HeadTail implements Command {
  private final boolean tail;

  private HeadTail(boolean tail) {
    this.tail = tail;
  }

  /** {@code head}. */
  public static HeadTail head() {
    return new HeadTail(false);
  }

  /** {@code tail}. */
  public static HeadTail tail() {
    return new HeadTail(true);
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    String count = "10";
    boolean bytes = false;
    boolean quiet = false;
    List<String> operands = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-n") && i + 1 < args.size()) {
        count = args.get(++i);
      } else if (a.startsWith("-n")) {
        count = a.substring(2);
      } else if (a.equals("-c") && i + 1 < args.size()) {
        count = args.get(++i);
        bytes = true;
      } else if (a.startsWith("-c") && a.length() > 2) {
        count = a.substring(2);
        bytes = true;
      } else if (a.matches("-\\d+")) {
        count = a.substring(1);
      } else if (a.equals("-q")) {
        quiet = true;
      } else if (a.equals("-") || !a.startsWith("-")) {
        operands.add(a);
      } else {
        return Words.invalidOption(ctx, a.charAt(1), 1);
      }
    }
    boolean fromStart = tail && count.startsWith("+");
    boolean allBut = !tail && count.startsWith("-");
    String digits = fromStart || allBut ? count.substring(1) : count;
    long n;
    try {
      n = Long.parseLong(digits);
      if (n < 0) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      return ExecResult.failure(1, ctx.busybox()
          ? ctx.programName() + ": invalid number '" + count + "'\n"
          : ctx.programName() + ": invalid number of " + (bytes ? "bytes" : "lines") + ": " + Words.quoted(count) + "\n");
    }
    List<String> inputs = TextInput.operandsOrStdin(operands);
    boolean headers = inputs.size() > 1 && !quiet;
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int status = 0;
    for (String operand : inputs) {
      Optional<String> text = TextInput.read(ctx, operand, err,
          ctx.busybox() ? "%s: can't open '%s': %s" : "%s: cannot open '%s' for reading: %s");
      if (text.isEmpty()) {
        status = 1;
        continue;
      }
      if (headers) {
        out.append(out.length() > 0 ? "\n" : "").append("==> ")
            .append(operand.equals("-") ? "standard input" : operand).append(" <==\n");
      }
      if (bytes) {
        // -c counts characters here, which are bytes for ASCII text
        String t = text.get();
        int size = t.length();
        int from = tail ? (fromStart ? (int) Math.min(size, Math.max(0, n - 1)) : (int) Math.max(0, size - n)) : 0;
        int to = tail ? size : allBut ? (int) Math.max(0, size - n) : (int) Math.min(size, n);
        out.append(t, from, to);
        continue;
      }
      List<String> lines = TextInput.lines(text.get());
      int size = lines.size();
      int from;
      int to;
      if (tail) {
        from = fromStart ? (int) Math.min(size, Math.max(0, n - 1)) : (int) Math.max(0, size - n);
        to = size;
      } else {
        from = 0;
        to = allBut ? (int) Math.max(0, size - n) : (int) Math.min(size, n);
      }
      String chunk = TextInput.join(lines.subList(from, to));
      // a last line without its newline is copied as it is
      if (to == size && size > 0 && !text.get().endsWith("\n")) {
        chunk = chunk.substring(0, chunk.length() - 1);
      }
      out.append(chunk);
    }
    return ExecResult.of(out.toString(), err.toString(), status);
  }
}
