package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.List;

/**
 * {@code tr [-ds] SET1 [SET2]}: standard input with the characters of SET1 translated to those of
 * SET2 (the last one repeated when SET2 is shorter), deleted with {@code -d}, and runs of one
 * character of the last set squeezed to one with {@code -s}. Sets take ranges ({@code a-z}),
 * classes ({@code [:upper:]}) and the escapes {@code \n \t \\}. GNU coreutils' tr.c words its
 * errors; status 1.
 */
public final class Tr implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    Flags flags = Flags.parse(args, "ds");
    if (flags.unknown != null) {
      return Words.invalidOption(ctx, flags.unknown, 1);
    }
    boolean delete = flags.has('d');
    boolean squeeze = flags.has('s');
    List<String> sets = flags.operands;
    int needed = delete && squeeze ? 2 : delete || squeeze ? 1 : 2;
    int allowed = delete && !squeeze ? 1 : 2;
    if (sets.size() < needed) {
      String what = sets.isEmpty() ? "missing operand" : "missing operand after " + Words.quoted(sets.get(sets.size() - 1));
      String hint = sets.isEmpty() ? "" : delete && squeeze ? "Two strings must be given when both deleting and squeezing repeats.\n"
          : "Two strings must be given when translating.\n";
      return ExecResult.failure(1, ctx.programName() + ": " + what + "\n" + hint + Words.tryHelp(ctx));
    }
    if (sets.size() > allowed) {
      return ExecResult.failure(1, ctx.programName() + ": extra operand " + Words.quoted(sets.get(allowed)) + "\n"
          + (delete && !squeeze ? "Only one string may be given when deleting without squeezing repeats.\n" : "")
          + Words.tryHelp(ctx));
    }
    String set1 = expand(sets.get(0));
    String set2 = sets.size() > 1 ? expand(sets.get(1)) : "";
    String squeezed = sets.size() > 1 && !delete ? set2 : delete ? set2 : set1;
    StringBuilder out = new StringBuilder();
    char last = 0;
    boolean any = false;
    for (char c : ctx.stdin().toCharArray()) {
      int at = set1.indexOf(c);
      if (delete && at >= 0) {
        continue;
      }
      char t = c;
      if (!delete && at >= 0 && !set2.isEmpty()) {
        t = set2.charAt(Math.min(at, set2.length() - 1));
      }
      if (squeeze && any && t == last && squeezed.indexOf(t) >= 0) {
        continue;
      }
      out.append(t);
      last = t;
      any = true;
    }
    return ExecResult.ok(out.toString());
  }

  /** A set's characters in order: ranges and classes spelled out, escapes read. */
  static String expand(String set) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < set.length()) {
      if (set.startsWith("[:", i) && set.indexOf(":]", i + 2) > 0) {
        int end = set.indexOf(":]", i + 2);
        out.append(charClass(set.substring(i + 2, end)));
        i = end + 2;
        continue;
      }
      char c = set.charAt(i);
      int width = 1;
      if (c == '\\' && i + 1 < set.length()) {
        char e = set.charAt(i + 1);
        c = switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> e;
        };
        width = 2;
      }
      if (i + width + 1 < set.length() && set.charAt(i + width) == '-') {
        char to = set.charAt(i + width + 1);
        for (char x = c; x <= to; x++) {
          out.append(x);
        }
        i += width + 2;
      } else {
        out.append(c);
        i += width;
      }
    }
    return out.toString();
  }

  private static String charClass(String name) {
    StringBuilder out = new StringBuilder();
    for (char c = 0; c < 128; c++) {
      boolean in = switch (name) {
        case "upper" -> c >= 'A' && c <= 'Z';
        case "lower" -> c >= 'a' && c <= 'z';
        case "digit" -> c >= '0' && c <= '9';
        case "alpha" -> Character.isLetter(c);
        case "alnum" -> Character.isLetterOrDigit(c);
        case "space" -> c == ' ' || (c >= '\t' && c <= '\r');
        case "blank" -> c == ' ' || c == '\t';
        case "punct" -> c > ' ' && c < 127 && !Character.isLetterOrDigit(c);
        default -> false;
      };
      if (in) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
