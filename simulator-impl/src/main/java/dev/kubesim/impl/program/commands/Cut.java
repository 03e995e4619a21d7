package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cut -f LIST [-d DELIM] [-s]} and {@code cut -c LIST}: the listed fields (tab-separated by
 * default) or characters of each line. A line without the delimiter is printed whole unless
 * {@code -s}. LIST is {@code N}, {@code N-M}, {@code N-}, {@code -M}, comma-separated. Errors are
 * in GNU coreutils' or BusyBox's cut.c words, status 1.
 */
public final class Cut implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    String fields = null;
    String chars = null;
    String delimiter = "\t";
    boolean onlyDelimited = false;
    List<String> operands = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-") || !a.startsWith("-")) {
        operands.add(a);
        continue;
      }
      char c = a.charAt(1);
      if (c == 's' && a.length() == 2) {
        onlyDelimited = true;
        continue;
      }
      if ("fcbd".indexOf(c) < 0) {
        return Words.invalidOption(ctx, c, 1);
      }
      String value = a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : null;
      if (value == null) {
        return ExecResult.failure(1, ctx.programName() + ": option requires an argument -- '" + c + "'\n" + Words.tryHelp(ctx));
      }
      switch (c) {
        case 'f' -> fields = value;
        case 'd' -> delimiter = value;
        default -> chars = value;
      }
    }
    String list = fields != null ? fields : chars;
    if (list == null) {
      // BusyBox's coreutils/cut.c dies with its own words and no hint
      return ctx.busybox()
          ? ExecResult.failure(1, ctx.programName() + ": expected a list of bytes, characters, or fields\n")
          : ExecResult.failure(1, ctx.programName() + ": you must specify a list of bytes, characters, or fields\n"
              + Words.tryHelp(ctx));
    }
    if (delimiter.length() != 1) {
      return ExecResult.failure(1, ctx.programName() + ": the delimiter must be a single character\n" + Words.tryHelp(ctx));
    }
    Optional<List<int[]>> ranges = ranges(list);
    if (ranges.isEmpty() && ctx.busybox()) {
      return ExecResult.failure(1, ctx.programName() + ": invalid number " + Words.quoted(list) + "\n");
    }
    if (ranges.isEmpty()) {
      return ExecResult.failure(1, ctx.programName() + ": invalid field value " + Words.quoted(list) + "\n" + Words.tryHelp(ctx));
    }
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int status = 0;
    for (String operand : TextInput.operandsOrStdin(operands)) {
      Optional<String> text = TextInput.read(ctx, operand, err, "%s: %s: %s");
      if (text.isEmpty()) {
        status = 1;
        continue;
      }
      for (String line : TextInput.lines(text.get())) {
        if (fields == null) {
          StringBuilder picked = new StringBuilder();
          for (int i = 0; i < line.length(); i++) {
            if (selected(ranges.get(), i + 1)) {
              picked.append(line.charAt(i));
            }
          }
          out.append(picked).append('\n');
        } else if (!line.contains(delimiter)) {
          if (!onlyDelimited) {
            out.append(line).append('\n');
          }
        } else {
          String[] parts = line.split(java.util.regex.Pattern.quote(delimiter), -1);
          List<String> picked = new ArrayList<>();
          for (int i = 0; i < parts.length; i++) {
            if (selected(ranges.get(), i + 1)) {
              picked.add(parts[i]);
            }
          }
          out.append(String.join(delimiter, picked)).append('\n');
        }
      }
    }
    return ExecResult.of(out.toString(), err.toString(), status);
  }

  private static boolean selected(List<int[]> ranges, int position) {
    for (int[] r : ranges) {
      if (position >= r[0] && position <= r[1]) {
        return true;
      }
    }
    return false;
  }

  /** {@code 1,3-4,6-}: inclusive ranges counted from 1; empty when the list is not one. */
  private static Optional<List<int[]>> ranges(String list) {
    List<int[]> out = new ArrayList<>();
    for (String part : list.split(",", -1)) {
      if (!part.matches("\\d+|\\d*-\\d*") || part.equals("-")) {
        return Optional.empty();
      }
      int dash = part.indexOf('-');
      int from = dash < 0 ? Integer.parseInt(part) : dash == 0 ? 1 : Integer.parseInt(part.substring(0, dash));
      int to = dash < 0 ? from : dash == part.length() - 1 ? Integer.MAX_VALUE : Integer.parseInt(part.substring(dash + 1));
      if (from < 1) {
        return Optional.empty();
      }
      out.add(new int[] {from, to});
    }
    return Optional.of(out);
  }
}
