package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code sort [-rnu] [-t SEP] [-k START[,END]] [FILE...]}: lines in the C locale's byte order, or by
 * the number at the start of the key with {@code -n}. Equal keys fall back to the whole line, as GNU
 * sort's last-resort comparison does, except under {@code -u}, which keeps the first of each run of
 * equal keys. Fields are separated by {@code -t}'s character, or begin at a run of blanks (which
 * belongs to the field), as GNU coreutils' sort.c reads them.
 */
public final class Sort implements Command {
  private static final java.util.regex.Pattern LEADING_NUMBER =
      java.util.regex.Pattern.compile("^[ \\t]*(-?\\d*\\.?\\d+)");

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    boolean reverse = false;
    boolean numeric = false;
    boolean unique = false;
    Character separator = null;
    List<String> operands = new ArrayList<>();
    List<int[]> keys = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-") || !a.startsWith("-")) {
        operands.add(a);
        continue;
      }
      for (int j = 1; j < a.length(); j++) {
        char c = a.charAt(j);
        switch (c) {
          case 'r' -> reverse = true;
          case 'n' -> numeric = true;
          case 'u' -> unique = true;
          case 'k', 't' -> {
            String value = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
            if (value == null) {
              return ctx.busybox()
                  ? ExecResult.failure(1, ctx.programName() + ": option requires an argument: " + c + "\n")
                  : ExecResult.failure(2, ctx.programName() + ": option requires an argument -- '" + c + "'\n" + Words.tryHelp(ctx));
            }
            if (c == 't') {
              if (value.length() != 1) {
                return ExecResult.failure(2, ctx.programName() + ": multi-character tab " + Words.quoted(value) + "\n");
              }
              separator = value.charAt(0);
            } else {
              Optional<int[]> key = key(value);
              if (key.isEmpty()) {
                return ExecResult.failure(2, ctx.programName() + ": invalid number at field start: invalid count at start of "
                    + Words.quoted(value) + "\n");
              }
              numeric |= value.contains("n");
              reverse |= value.contains("r");
              keys.add(key.get());
            }
            j = a.length();
          }
          default -> {
            return ctx.busybox()
                ? Words.invalidOption(ctx, c, 1)
                : ExecResult.failure(2, ctx.programName() + ": invalid option -- '" + c + "'\n" + Words.tryHelp(ctx));
          }
        }
      }
    }
    StringBuilder err = new StringBuilder();
    List<String> lines = new ArrayList<>();
    for (String operand : TextInput.operandsOrStdin(operands)) {
      Optional<String> text = TextInput.read(ctx, operand, err,
          ctx.busybox() ? "%s: can't open '%s': %s" : "%s: cannot read: %s: %s");
      if (text.isEmpty()) {
        return ExecResult.failure(ctx.busybox() ? 1 : 2, err.toString());
      }
      lines.addAll(TextInput.lines(text.get()));
    }
    Character sep = separator;
    boolean num = numeric;
    Comparator<String> byKey = (x, y) -> {
      for (int[] k : keys.isEmpty() ? List.of(new int[] {1, 0}) : keys) {
        String kx = field(x, k, sep);
        String ky = field(y, k, sep);
        int c = num ? Double.compare(number(kx), number(ky)) : kx.compareTo(ky);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
    Comparator<String> order = unique ? byKey : byKey.thenComparing(Comparator.naturalOrder());
    if (reverse) {
      order = order.reversed();
    }
    lines.sort(order);
    if (unique) {
      List<String> kept = new ArrayList<>();
      for (String line : lines) {
        if (kept.isEmpty() || byKey.compare(kept.get(kept.size() - 1), line) != 0) {
          kept.add(line);
        }
      }
      lines = kept;
    }
    return ExecResult.ok(TextInput.join(lines));
  }

  /** {@code -k START[,END]} with optional type letters; 0 as END means the end of the line. */
  private static Optional<int[]> key(String spec) {
    String[] parts = spec.replaceAll("[bdfginrMRV]", "").split(",", -1);
    try {
      int start = Integer.parseInt(parts[0].split("\\.")[0]);
      int end = parts.length > 1 ? Integer.parseInt(parts[1].split("\\.")[0]) : 0;
      return start < 1 || parts.length > 2 ? Optional.empty() : Optional.of(new int[] {start, end});
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Fields START to END of a line (to its end when END is 0), with their separators. */
  private static String field(String line, int[] key, Character sep) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (sep != null ? c == sep : i > 0 && isBlank(c) && !isBlank(line.charAt(i - 1))) {
        starts.add(sep != null ? i + 1 : i);
      }
    }
    if (key[0] > starts.size()) {
      return "";
    }
    int from = starts.get(key[0] - 1);
    int to = key[1] == 0 || key[1] >= starts.size() ? line.length()
        : sep != null ? starts.get(key[1]) - 1 : starts.get(key[1]);
    return line.substring(from, Math.max(from, to));
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /** The number a key starts with after blanks; none sorts as zero, as sort -n reads it. */
  private static double number(String key) {
    java.util.regex.Matcher m = LEADING_NUMBER.matcher(key);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
