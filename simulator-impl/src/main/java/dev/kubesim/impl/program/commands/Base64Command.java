package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code base64 [-d] [-i] [-w COLS] [FILE]} (GNU coreutils; BusyBox's applet takes {@code -d} and
 * {@code -w} too): the file (or standard input) encoded in RFC 4648 base64, lines wrapped at 76
 * columns ({@code -w 0}: not at all) with a final newline; {@code -d} decodes, skipping newlines
 * (and, with {@code -i}, every other character outside the alphabet). Bad input to {@code -d}:
 * {@code base64: invalid input}, status 1. Text is encoded as UTF-8.
 */
public final class Base64Command implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    boolean decode = false;
    boolean ignoreGarbage = false;
    int wrap = 76;
    List<String> operands = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-d") || a.equals("--decode")) {
        decode = true;
      } else if (a.equals("-i") || a.equals("--ignore-garbage")) {
        ignoreGarbage = true;
      } else if (a.equals("-w") || a.startsWith("-w") || a.startsWith("--wrap=")) {
        String value = a.equals("-w") ? (i + 1 < args.size() ? args.get(++i) : null)
            : a.startsWith("--wrap=") ? a.substring("--wrap=".length()) : a.substring(2);
        if (value == null) {
          return ExecResult.failure(1, ctx.programName() + ": option requires an argument -- 'w'\n" + Words.tryHelp(ctx));
        }
        if (!value.matches("\\d+")) {
          return ExecResult.failure(1, ctx.programName() + ": invalid wrap size: " + Words.quotedIfNeeded(value) + "\n");
        }
        wrap = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(value));
      } else if (a.startsWith("-") && a.length() > 1) {
        return Words.invalidOption(ctx, a.charAt(1), 1);
      } else {
        operands.add(a);
      }
    }
    if (operands.size() > 1) {
      return ExecResult.failure(1, ctx.programName() + ": extra operand " + Words.quotedIfNeeded(operands.get(1)) + "\n"
          + Words.tryHelp(ctx));
    }
    String input;
    String file = operands.isEmpty() ? "-" : operands.get(0);
    if (file.equals("-")) {
      input = ctx.stdin();
    } else {
      try {
        input = ctx.fs().read(ctx.resolve(file));
      } catch (FsException e) {
        return ExecResult.failure(1, ctx.programName() + ": " + file + ": " + e.errno().message() + "\n");
      }
    }
    return decode ? decode(input, ignoreGarbage, ctx) : ExecResult.ok(encode(input, wrap));
  }

  private static String encode(String input, int wrap) {
    String encoded = Base64.getEncoder().encodeToString(input.getBytes(StandardCharsets.UTF_8));
    if (encoded.isEmpty()) {
      return "";
    }
    if (wrap == 0) {
      return encoded + "\n";
    }
    StringBuilder out = new StringBuilder(encoded.length() + encoded.length() / wrap + 1);
    for (int i = 0; i < encoded.length(); i += wrap) {
      out.append(encoded, i, Math.min(encoded.length(), i + wrap)).append('\n');
    }
    return out.toString();
  }

  private static ExecResult decode(String input, boolean ignoreGarbage, ExecContext ctx) {
    StringBuilder clean = new StringBuilder(input.length());
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      boolean alphabet = Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/' || c == '=';
      if (c == '\n' || c == '\r' || ignoreGarbage && !alphabet) {
        continue;
      }
      clean.append(c);
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(clean.toString());
      return ExecResult.ok(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return ExecResult.failure(1, ctx.programName() + ": invalid input\n");
    }
  }
}
