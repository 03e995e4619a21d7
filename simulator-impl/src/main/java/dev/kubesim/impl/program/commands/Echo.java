package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.ShellDialect;
import java.util.List;

/**
 * {@code echo [-neE] [ARG...]}. {@code /bin/echo} (GNU, BusyBox) and bash's builtin take {@code
 * -n}, {@code -e}, {@code -E} and print backslashes as they are unless {@code -e}; dash's builtin
 * ({@code sh -c 'echo ...'} on Debian) knows only {@code -n} and always interprets {@code \n},
 * {@code \t}, {@code \c}, ...
 */
public final class Echo implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    boolean dash = ctx.builtinOf().filter(d -> d == ShellDialect.DASH).isPresent();
    boolean newline = true;
    boolean escapes = dash;
    int i = 0;
    for (; i < args.size(); i++) {
      String a = args.get(i);
      if (dash) {
        if (a.equals("-n")) {
          newline = false;
          i++;
        }
        break;
      }
      if (a.length() < 2 || !a.startsWith("-") || !a.substring(1).matches("[neE]+")) {
        break;
      }
      for (char c : a.substring(1).toCharArray()) {
        switch (c) {
          case 'n' -> newline = false;
          case 'e' -> escapes = true;
          default -> escapes = false;
        }
      }
    }
    String text = String.join(" ", args.subList(Math.min(i, args.size()), args.size()));
    if (escapes) {
      StringBuilder out = new StringBuilder();
      if (interpret(text, out)) {
        return ExecResult.ok(out.toString());
      }
      text = out.toString();
    }
    return ExecResult.ok(newline ? text + "\n" : text);
  }

  /** Expands backslash escapes; returns true at {@code \c}, which ends all output. */
  private static boolean interpret(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'a' -> out.append('\007');
        case 'b' -> out.append('\b');
        case 'c' -> {
          return true;
        }
        case 'e' -> out.append('\033');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\013');
        case '\\' -> out.append('\\');
        case '0' -> {
          int value = 0;
          int k = 0;
          while (k < 3 && i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7') {
            value = value * 8 + (s.charAt(++i) - '0');
            k++;
          }
          out.append((char) value);
        }
        default -> out.append('\\').append(n);
      }
    }
    return false;
  }
}
