package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code wc [-lwc] [FILE...]}: newlines, words and bytes (all three by default, in that order), a
 * {@code total} line for several files. The padding is each userland's own: GNU coreutils (wc.c's
 * {@code compute_number_width}) pads to the digits of the files' total size, at least 7 when one
 * input is a pipe, and not at all for one count of one input ({@code ls | wc -l} prints {@code 3});
 * BusyBox (coreutils/wc.c) pads every count to 9 columns unless one count of at most one file is
 * asked for.
 */
public final class Wc implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    Flags flags = Flags.parse(args, "lwc");
    if (flags.unknown != null) {
      return Words.invalidOption(ctx, flags.unknown, 1);
    }
    boolean[] shown = {flags.has('l'), flags.has('w'), flags.has('c')};
    if (!shown[0] && !shown[1] && !shown[2]) {
      shown = new boolean[] {true, true, true};
    }
    int kinds = (shown[0] ? 1 : 0) + (shown[1] ? 1 : 0) + (shown[2] ? 1 : 0);
    List<String> inputs = TextInput.operandsOrStdin(flags.operands);
    StringBuilder err = new StringBuilder();
    List<long[]> counts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    long[] total = new long[3];
    boolean pipe = false;
    int status = 0;
    for (String operand : inputs) {
      Optional<String> text = TextInput.read(ctx, operand, err, "%s: %s: %s");
      if (text.isEmpty()) {
        status = 1;
        continue;
      }
      pipe |= operand.equals("-");
      long[] c = count(text.get());
      for (int i = 0; i < 3; i++) {
        total[i] += c[i];
      }
      counts.add(c);
      names.add(flags.operands.isEmpty() ? "" : operand);
    }
    if (inputs.size() > 1) {
      counts.add(total);
      names.add("total");
    }
    int width;
    if (ctx.busybox()) {
      width = kinds == 1 && inputs.size() == 1 ? 1 : 9;
    } else if (kinds == 1 && inputs.size() == 1) {
      width = 1;
    } else {
      width = Math.max(pipe ? 7 : 1, Long.toString(pipe ? 0 : total[2]).length());
    }
    StringBuilder out = new StringBuilder();
    for (int f = 0; f < counts.size(); f++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < 3; i++) {
        if (shown[i]) {
          line.append(line.length() > 0 ? " " : "").append(pad(counts.get(f)[i], width));
        }
      }
      out.append(line).append(names.get(f).isEmpty() ? "" : " " + names.get(f)).append('\n');
    }
    return ExecResult.of(out.toString(), err.toString(), status);
  }

  private static String pad(long n, int width) {
    String s = Long.toString(n);
    return " ".repeat(Math.max(0, width - s.length())) + s;
  }

  /** Newlines, words (runs of non-space) and bytes. */
  private static long[] count(String text) {
    long lines = 0;
    long words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        lines++;
      }
      boolean space = Character.isWhitespace(c);
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return new long[] {lines, words, text.getBytes(StandardCharsets.UTF_8).length};
  }
}
