package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code grep [-EFivcoqnwxlh] [-A N] [-B N] [-C N] [-m N] PATTERN|-e PATTERN... [FILE...]}: lines of
 * the files (or standard input) that match any of the patterns (each {@code -e}, each line of one), with N lines of context after or before them ({@code --} between
 * groups that do not touch), at most N matches with {@code -m}.
 * Basic regular expressions by default ({@code + ? | ( ) { }} literal unless escaped), extended with
 * {@code -E}, fixed strings with {@code -F}. Status 0 when a line matched, 1 when none, 2 on error.
 */
public final class Grep implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    List<String> operands = new ArrayList<>();
    StringBuilder flags = new StringBuilder();
    List<String> patterns = new ArrayList<>();
    boolean ended = false;
    int after = 0;
    int before = 0;
    int maxCount = Integer.MAX_VALUE;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!ended && a.equals("--")) {
        ended = true;
      } else if (!ended && a.equals("-e") && i + 1 < args.size()) {
        patterns.add(args.get(++i));
      } else if (!ended && a.matches("-[ABCm].*")) {
        // -A N, -B N, -C N (context lines) and -m N (stop after N matches), attached or not
        String value = a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : null;
        if (value == null) {
          return ExecResult.failure(2, ctx.programName() + (ctx.busybox() ? ": option requires an argument: " + a.charAt(1) + "\n"
              : ": option requires an argument -- '" + a.charAt(1) + "'\n" + Words.tryHelp(ctx)));
        }
        if (!value.matches("\\d+")) {
          return ExecResult.failure(2, ctx.busybox() ? ctx.programName() + ": invalid number '" + value + "'\n"
              : ctx.programName() + ": " + value + ": invalid " + (a.charAt(1) == 'm' ? "max count" : "context length argument") + "\n");
        }
        int n = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(value));
        switch (a.charAt(1)) {
          case 'A' -> after = n;
          case 'B' -> before = n;
          case 'C' -> {
            after = n;
            before = n;
          }
          default -> maxCount = n;
        }
      } else if (!ended && a.startsWith("-") && a.length() > 1) {
        for (char c : a.substring(1).toCharArray()) {
          if ("EFGivcqnwxlhHso".indexOf(c) < 0) {
            return Words.invalidOption(ctx, c, 2);
          }
          flags.append(c);
        }
      } else {
        operands.add(a);
      }
    }
    if (patterns.isEmpty()) {
      if (operands.isEmpty()) {
        return ExecResult.failure(2, ctx.busybox()
            ? ctx.busyboxBanner(false) + "\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] "
                + "[-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n"
            : "Usage: grep [OPTION]... PATTERNS [FILE]...\n" + Words.tryHelp(ctx));
      }
      patterns.add(operands.remove(0));
    }
    String f = flags.toString();
    Pattern re;
    try {
      re = compile(patterns, f);
    } catch (PatternSyntaxException e) {
      return ExecResult.failure(2, ctx.programName() + ": Invalid regular expression\n");
    }
    List<String> files = operands.isEmpty() ? List.of("-") : operands;
    boolean prefix = (files.size() > 1 || f.contains("H")) && !f.contains("h");
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    boolean matched = false;
    boolean failed = false;
    for (String file : files) {
      String text;
      if (file.equals("-")) {
        text = ctx.stdin();
      } else {
        try {
          text = ctx.fs().read(ctx.resolve(file));
        } catch (FsException e) {
          failed = true;
          if (!f.contains("s")) {
            err.append(ctx.programName()).append(": ").append(file).append(": ")
                .append(e.errno().message()).append('\n');
          }
          continue;
        }
      }
      String name = file.equals("-") ? "(standard input)" : file;
      int count = 0;
      String[] lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
      int n = text.endsWith("\n") ? lines.length - 1 : lines.length;
      boolean context = (after > 0 || before > 0) && !f.contains("o") && !f.contains("c") && !f.contains("l");
      int lastShown = -1;
      int trailing = 0;
      for (int i = 0; i < n; i++) {
        boolean hit = count < maxCount && re.matcher(lines[i]).find() != f.contains("v");
        if (!hit) {
          if (context && trailing > 0) {
            // a line of context after a match: NAME-NUM-line
            out.append(prefix ? name + "-" : "").append(f.contains("n") ? (i + 1) + "-" : "").append(lines[i]).append('\n');
            lastShown = i;
            trailing--;
          }
          continue;
        }
        if (context) {
          int from = Math.max(lastShown + 1, i - before);
          if (lastShown >= 0 && from > lastShown + 1) {
            out.append("--\n"); // groups that do not touch are set apart
          }
          for (int b = from; b < i; b++) {
            out.append(prefix ? name + "-" : "").append(f.contains("n") ? (b + 1) + "-" : "").append(lines[b]).append('\n');
          }
          lastShown = i;
          trailing = after;
        }
        count++;
        matched = true;
        if (f.contains("q")) {
          return ExecResult.ok("");
        }
        if (f.contains("c") || f.contains("l")) {
          continue;
        }
        String lead = (prefix ? name + ":" : "") + (f.contains("n") ? (i + 1) + ":" : "");
        if (f.contains("o")) {
          // -o prints each non-empty match on a line of its own; with -v there is nothing to print
          java.util.regex.Matcher m = re.matcher(lines[i]);
          while (!f.contains("v") && m.find()) {
            if (!m.group().isEmpty()) {
              out.append(lead).append(m.group()).append('\n');
            }
          }
        } else {
          out.append(lead).append(lines[i]).append('\n');
        }
      }
      if (f.contains("c")) {
        out.append(prefix ? name + ":" : "").append(count).append('\n');
      } else if (f.contains("l") && count > 0) {
        out.append(name).append('\n');
      }
    }
    int status = failed && !(matched && f.contains("q")) ? 2 : matched ? 0 : 1;
    return ExecResult.of(out.toString(), err.toString(), status);
  }

  /** Every pattern (each {@code -e}, each line of one) as one alternation: a line matches if any does. */
  private static Pattern compile(List<String> patterns, String flags) {
    StringBuilder any = new StringBuilder();
    for (String given : patterns) {
      for (String pattern : given.split("\n", -1)) {
        String body;
        if (flags.contains("F")) {
          body = Pattern.quote(pattern);
        } else {
          body = PosixRegex.toJava(pattern, flags.contains("E"));
        }
        if (flags.contains("w")) {
          body = "(?<![\\w])(?:" + body + ")(?![\\w])";
        }
        if (flags.contains("x")) {
          body = "^(?:" + body + ")$";
        }
        any.append(any.length() == 0 ? "" : "|").append("(?:").append(body).append(')');
      }
    }
    return Pattern.compile(any.toString(), flags.contains("i") ? Pattern.CASE_INSENSITIVE : 0);
  }
}
