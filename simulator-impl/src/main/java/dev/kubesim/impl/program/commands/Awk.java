package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code awk [-F SEP] 'PROGRAM' [FILE...]} for the programs scripts use to pick fields: rules of an
 * optional {@code /regex/} pattern and an optional {@code {print ...}} action listing {@code $N}
 * fields and quoted strings ({@code awk '/^  HTTP/{print $2}'}, {@code awk '{print $1}'}). Fields
 * are split at runs of blanks, or at {@code -F}'s separator. Any other program is refused with
 * a syntax error, status 2.
 */
public final class Awk implements Command {
  private static final Pattern RULE =
      Pattern.compile("\\s*(?:/((?:[^/\\\\]|\\\\.)*)/)?\\s*(?:\\{\\s*(print(?:\\s+[^}]*)?)?\\s*;?\\s*})?\\s*");

  /** One {@code pattern {action}} rule. */
  private record Rule(Pattern pattern, List<String> print, boolean silent) {}

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    String separator = null;
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-F")) {
      if (args.get(i).length() > 2) {
        separator = args.get(i).substring(2);
        i++;
      } else if (i + 1 < args.size()) {
        separator = args.get(i + 1);
        i += 2;
      } else {
        break;
      }
    }
    if (i >= args.size()) {
      return ExecResult.failure(2, "usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n");
    }
    String program = args.get(i);
    Rule rule = parse(program);
    if (rule == null) {
      return ExecResult.failure(2, ctx.programName() + ": cmd. line:1: " + program + "\n"
          + ctx.programName() + ": cmd. line:1: ^ syntax error\n");
    }
    StringBuilder input = new StringBuilder();
    StringBuilder err = new StringBuilder();
    List<String> files = args.subList(i + 1, args.size());
    if (files.isEmpty()) {
      input.append(ctx.stdin());
    }
    int status = 0;
    for (String file : files) {
      try {
        input.append(file.equals("-") ? ctx.stdin() : ctx.fs().read(ctx.resolve(file)));
      } catch (FsException e) {
        err.append(ctx.programName()).append(": cannot open \"").append(file).append("\" (")
            .append(e.errno().message()).append(")\n");
        status = 2;
      }
    }
    StringBuilder out = new StringBuilder();
    String text = input.toString();
    if (!text.isEmpty()) {
      for (String line : (text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).split("\n", -1)) {
        if (!rule.silent && (rule.pattern == null || rule.pattern.matcher(line).find())) {
          out.append(print(rule.print, line, separator)).append('\n');
        }
      }
    }
    return ExecResult.of(out.toString(), err.toString(), status);
  }

  private static Rule parse(String program) {
    Matcher m = RULE.matcher(program);
    if (!m.matches() || (m.group(1) == null && !program.contains("{"))) {
      return null;
    }
    Pattern pattern = null;
    if (m.group(1) != null) {
      try {
        pattern = Pattern.compile(m.group(1));
      } catch (PatternSyntaxException e) {
        return null;
      }
    }
    List<String> print = new ArrayList<>();
    String action = m.group(2);
    if (action != null) {
      String list = action.substring("print".length()).trim();
      if (!list.isEmpty()) {
        for (String item : list.split("\\s*,\\s*")) {
          if (!item.matches("\\$\\d+|\"[^\"]*\"")) {
            return null;
          }
          print.add(item);
        }
      }
    } else if (program.contains("{")) {
      return new Rule(pattern, List.of(), true); // an empty action prints nothing
    }
    return new Rule(pattern, print, false);
  }

  private static String print(List<String> items, String line, String separator) {
    if (items.isEmpty()) {
      return line;
    }
    String trimmed = line.strip();
    String[] fields = separator == null
        ? (trimmed.isEmpty() ? new String[0] : trimmed.split("[ \\t]+"))
        : line.split(Pattern.quote(separator), -1);
    List<String> values = new ArrayList<>();
    for (String item : items) {
      if (item.startsWith("\"")) {
        values.add(item.substring(1, item.length() - 1));
        continue;
      }
      int n = Integer.parseInt(item.substring(1));
      values.add(n == 0 ? line : n <= fields.length ? fields[n - 1] : "");
    }
    return String.join(" ", values);
  }
}
