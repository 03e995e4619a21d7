package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.List;
import java.util.Locale;

/**
 * {@code printf FORMAT [ARG...]}: the format with its backslash escapes read and its conversions
 * ({@code %s %b %c %d %i %u %o %x %X %f %e %g %%}, with flags, width and precision) filled from the
 * arguments; the format is used again while arguments remain, and a missing argument is empty or
 * zero, as POSIX asks. An argument that is not a number prints as 0 and makes the status 1, with
 * GNU coreutils' {@code expected a numeric value} or BusyBox's {@code invalid number} message.
 */
public final class Printf implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    List<String> rest = args;
    if (!rest.isEmpty() && rest.get(0).equals("--")) {
      rest = rest.subList(1, rest.size());
    }
    if (rest.isEmpty()) {
      return ctx.busybox()
          ? Words.missingOperand(ctx, "printf FORMAT [ARG]...")
          : ExecResult.failure(1, ctx.programName() + ": missing operand\n" + Words.tryHelp(ctx));
    }
    String format = rest.get(0);
    List<String> values = rest.subList(1, rest.size());
    Run run = new Run(ctx, values);
    do {
      int used = run.next;
      if (run.format(format)) {
        break;
      }
      // a format that takes no argument is printed once, whatever is left
      if (run.next == used) {
        break;
      }
    } while (run.next < values.size());
    return ExecResult.of(run.out.toString(), run.err.toString(), run.status);
  }

  /** One printing: the output so far and the next argument to take. */
  private static final class Run {
    final ExecContext ctx;
    final List<String> values;
    final StringBuilder out = new StringBuilder();
    final StringBuilder err = new StringBuilder();
    int next;
    int status;

    Run(ExecContext ctx, List<String> values) {
      this.ctx = ctx;
      this.values = values;
    }

    /** Prints the format once; true when {@code \c} in a {@code %b} argument ended all output. */
    boolean format(String f) {
      int i = 0;
      while (i < f.length()) {
        char c = f.charAt(i);
        if (c == '\\') {
          i = escape(f, i + 1, out, false);
        } else if (c == '%' && i + 1 < f.length() && f.charAt(i + 1) == '%') {
          out.append('%');
          i += 2;
        } else if (c == '%') {
          int j = i + 1;
          while (j < f.length() && "-+ #0".indexOf(f.charAt(j)) >= 0) {
            j++;
          }
          while (j < f.length() && (Character.isDigit(f.charAt(j)) || f.charAt(j) == '.')) {
            j++;
          }
          if (j >= f.length()) {
            out.append(f, i, j);
            return false;
          }
          String spec = f.substring(i + 1, j);
          if (convert(spec, f.charAt(j))) {
            return true;
          }
          i = j + 1;
        } else {
          out.append(c);
          i++;
        }
      }
      return false;
    }

    private String take() {
      return next < values.size() ? values.get(next++) : null;
    }

    private boolean convert(String spec, char conversion) {
      String arg = take();
      switch (conversion) {
        case 's' -> out.append(formatted("%" + spec + "s", arg == null ? "" : arg));
        case 'b' -> {
          StringBuilder expanded = new StringBuilder();
          boolean stop = false;
          String text = arg == null ? "" : arg;
          int k = 0;
          while (k < text.length() && !stop) {
            if (text.charAt(k) == '\\') {
              if (text.startsWith("\\c", k)) {
                stop = true;
                break;
              }
              k = escape(text, k + 1, expanded, true);
            } else {
              expanded.append(text.charAt(k++));
            }
          }
          out.append(formatted("%" + spec + "s", expanded));
          return stop;
        }
        case 'c' -> out.append(formatted("%" + spec + "s",
            arg == null || arg.isEmpty() ? "" : arg.substring(0, 1)));
        case 'd', 'i', 'u', 'o', 'x', 'X' -> {
          long n = integer(arg);
          char javaConversion = conversion == 'i' || conversion == 'u' ? 'd' : conversion;
          // C's precision on an integer is its least number of digits, which Java's %d lacks
          int dot = spec.indexOf('.');
          String text = formatted("%" + (dot < 0 ? spec : "") + javaConversion, n);
          if (dot >= 0) {
            int least = spec.length() > dot + 1 ? Integer.parseInt(spec.substring(dot + 1)) : 0;
            String sign = text.startsWith("-") ? "-" : "";
            String digits = text.substring(sign.length());
            text = sign + "0".repeat(Math.max(0, least - digits.length())) + digits;
            String width = spec.substring(0, dot).replaceAll("[+ #0]", "");
            text = width.isEmpty() || width.equals("-") ? text : String.format(Locale.ROOT, "%" + width + "s", text);
          }
          out.append(text);
        }
        case 'f', 'e', 'E', 'g', 'G' -> out.append(formatted("%" + spec + conversion, real(arg)));
        default -> {
          err.append(ctx.programName()).append(": %").append(spec).append(conversion)
              .append(ctx.busybox() ? ": invalid format\n" : ": invalid conversion specification\n");
          status = 1;
          return true;
        }
      }
      return false;
    }

    /** Java's formatting of one value; flags C allows and Java refuses are left out. */
    private static String formatted(String format, Object value) {
      try {
        return String.format(Locale.ROOT, format, value);
      } catch (java.util.IllegalFormatException e) {
        return String.format(Locale.ROOT, format.replaceFirst("^%[-+ #0]*", "%"), value);
      }
    }

    private long integer(String arg) {
      if (arg == null || arg.isEmpty()) {
        return 0;
      }
      // a leading quote stands for the character's code, as POSIX printf reads 'A
      if (arg.startsWith("'") || arg.startsWith("\"")) {
        return arg.length() > 1 ? arg.charAt(1) : 0;
      }
      try {
        String s = arg.trim();
        if (s.startsWith("0x") || s.startsWith("0X")) {
          return Long.parseLong(s.substring(2), 16);
        }
        if (s.length() > 1 && s.startsWith("0")) {
          return Long.parseLong(s.substring(1), 8);
        }
        return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
      } catch (NumberFormatException e) {
        notANumber(arg);
        return 0;
      }
    }

    private double real(String arg) {
      if (arg == null || arg.isEmpty()) {
        return 0;
      }
      try {
        return Double.parseDouble(arg.trim());
      } catch (NumberFormatException e) {
        notANumber(arg);
        return 0;
      }
    }

    private void notANumber(String arg) {
      err.append(ctx.programName()).append(": ")
          .append(ctx.busybox() ? "invalid number '" + arg + "'" : Words.quoted(arg) + ": expected a numeric value")
          .append('\n');
      status = 1;
    }
  }

  /**
   * Reads the escape after a backslash at {@code from}, appends its character and returns where the
   * text goes on. Octal is {@code \NNN} in a format and {@code \0NNN} in a {@code %b} argument.
   */
  private static int escape(String s, int from, StringBuilder out, boolean inArgument) {
    if (from >= s.length()) {
      out.append('\\');
      return from;
    }
    char n = s.charAt(from);
    switch (n) {
      case 'a' -> out.append('\007');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'v' -> out.append('\013');
      case '\\' -> out.append('\\');
      case '"' -> out.append('"');
      case '\'' -> out.append('\'');
      default -> {
        if (n >= '0' && n <= '7') {
          int i = from;
          int max = 3;
          if (inArgument && n == '0') {
            i++;
          }
          int value = 0;
          int k = 0;
          while (k < max && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
            value = value * 8 + (s.charAt(i++) - '0');
            k++;
          }
          out.append((char) value);
          return i;
        }
        out.append('\\').append(n);
      }
    }
    return from + 1;
  }
}
