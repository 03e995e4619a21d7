package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code sed [-nE] [-e] SCRIPT [FILE...]}: the stream editor's everyday commands, {@code
 * s/RE/REPLACEMENT/[gpNI]}, {@code p}, {@code d} and {@code q}, each with an optional address (a
 * line number, {@code $}, {@code /RE/}, or a range of two), separated by {@code ;} or newlines.
 * The replacement takes {@code &} and {@code \1}...{@code \9}. A script it cannot read fails as
 * GNU sed says it ({@code sed: -e expression #1, char N: unknown command: `x'}), status 1.
 */
public final class Sed implements Command {
  /** One command with its address. */
  private record Step(Address from, Address to, char name, Pattern pattern, String replacement, boolean global,
      int occurrence, boolean print) {}

  /** A line number ({@code line > 0}), the last line ({@code line == -1}) or lines matching a pattern. */
  private record Address(int line, Pattern pattern) {
    boolean matches(int number, boolean last, String text) {
      return pattern != null ? pattern.matcher(text).find() : line == -1 ? last : number == line;
    }
  }

  /** Thrown where the script stops making sense: GNU's message after {@code char N: }. */
  private static final class ScriptError extends Exception {
    ScriptError(int at, String message) {
      super("char " + at + ": " + message, null, false, false);
    }
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    boolean quiet = false;
    boolean extended = false;
    String inPlace = null; // the backup suffix of -i[SUFFIX], "" for none
    List<String> scripts = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("-i") || a.equals("--in-place") || a.startsWith("--in-place=")) {
        inPlace = a.startsWith("-i") ? a.substring(2) : a.startsWith("--in-place=") ? a.substring("--in-place=".length()) : "";
      } else if (a.equals("-e") && i + 1 < args.size()) {
        scripts.add(args.get(++i));
      } else if (a.equals("-n") || a.equals("--quiet")) {
        quiet = true;
      } else if (a.equals("-E") || a.equals("-r")) {
        extended = true;
      } else if (a.startsWith("-") && a.length() > 1 && a.substring(1).chars().allMatch(c -> "nEr".indexOf(c) >= 0)) {
        quiet |= a.contains("n");
        extended |= a.contains("E") || a.contains("r");
      } else if (a.startsWith("-") && a.length() > 1) {
        return Words.invalidOption(ctx, a.charAt(1), 1);
      } else if (scripts.isEmpty() && files.isEmpty()) {
        scripts.add(a);
      } else {
        files.add(a);
      }
    }
    if (scripts.isEmpty()) {
      return ctx.busybox()
          ? Words.missingOperand(ctx, "sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\nor: sed [-i[SFX]] [-nrE] CMD [FILE]...")
          : ExecResult.failure(1, "Usage: " + ctx.programName() + " [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n");
    }
    List<Step> steps = new ArrayList<>();
    for (int n = 0; n < scripts.size(); n++) {
      try {
        steps.addAll(parse(scripts.get(n), extended));
      } catch (ScriptError e) {
        return ExecResult.failure(1, ctx.programName() + ": -e expression #" + (n + 1) + ", " + e.getMessage() + "\n");
      }
    }
    StringBuilder err = new StringBuilder();
    if (inPlace != null) {
      return inPlace(ctx, steps, files, quiet, inPlace);
    }
    List<String> lines = new ArrayList<>();
    int status = 0;
    for (String operand : TextInput.operandsOrStdin(files)) {
      Optional<String> text = TextInput.read(ctx, operand, err,
          ctx.busybox() ? "%s: can't open '%s': %s" : "%s: can't read %s: %s");
      if (text.isEmpty()) {
        status = ctx.busybox() ? 1 : 2;
        continue;
      }
      lines.addAll(TextInput.lines(text.get()));
    }
    return ExecResult.of(edit(steps, lines, quiet), err.toString(), status);
  }

  /**
   * {@code -i[SUFFIX]}: each file edited on its own and written back (after a copy to FILE+SUFFIX
   * when a suffix is given); nothing is printed but what {@code p} would write into the file.
   */
  private static ExecResult inPlace(ExecContext ctx, List<Step> steps, List<String> files, boolean quiet, String suffix) {
    if (files.isEmpty()) {
      return ExecResult.failure(ctx.busybox() ? 1 : 4, ctx.programName() + ": no input files\n");
    }
    StringBuilder err = new StringBuilder();
    int status = 0;
    for (String file : files) {
      String path = ctx.resolve(file);
      try {
        String text = ctx.fs().read(path);
        if (!suffix.isEmpty()) {
          ctx.fs().write(path + suffix, text);
        }
        ctx.fs().write(path, edit(steps, TextInput.lines(text), quiet));
      } catch (dev.kubesim.impl.program.FsException e) {
        err.append(ctx.programName()).append(": can't read ").append(file).append(": ").append(e.errno().message()).append('\n');
        status = ctx.busybox() ? 1 : 2;
      }
    }
    return ExecResult.of("", err.toString(), status);
  }

  private static String edit(List<Step> steps, List<String> lines, boolean quiet) {
    StringBuilder out = new StringBuilder();
    boolean[] inRange = new boolean[steps.size()];
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean last = i == lines.size() - 1;
      boolean deleted = false;
      boolean quit = false;
      for (int k = 0; k < steps.size() && !deleted && !quit; k++) {
        Step s = steps.get(k);
        if (!selected(s, k, inRange, i + 1, last, line)) {
          continue;
        }
        switch (s.name()) {
          case 'p' -> out.append(line).append('\n');
          case 'd' -> deleted = true;
          case 'q' -> quit = true;
          default -> {
            Optional<String> replaced = substitute(s, line);
            if (replaced.isPresent()) {
              line = replaced.get();
              if (s.print()) {
                out.append(line).append('\n');
              }
            }
          }
        }
      }
      if (!deleted && !quiet) {
        out.append(line).append('\n');
      }
      if (quit) {
        break;
      }
    }
    return out.toString();
  }

  private static boolean selected(Step s, int k, boolean[] inRange, int number, boolean last, String line) {
    if (s.from() == null) {
      return true;
    }
    if (s.to() == null) {
      return s.from().matches(number, last, line);
    }
    if (inRange[k]) {
      // a range ends on the line its second address matches (a line number already passed ends it at once)
      boolean ends = s.to().pattern() != null ? s.to().matches(number, last, line)
          : s.to().line() == -1 ? last : number >= s.to().line();
      inRange[k] = !ends;
      return true;
    }
    if (s.from().matches(number, last, line)) {
      boolean endsHere = s.to().pattern() == null && (s.to().line() == -1 ? last : s.to().line() <= number);
      inRange[k] = !endsHere;
      return true;
    }
    return false;
  }

  /** The line after an {@code s} command, or empty when it replaced nothing. */
  private static Optional<String> substitute(Step s, String line) {
    Matcher m = s.pattern().matcher(line);
    StringBuilder b = new StringBuilder();
    int at = 0;
    int count = 0;
    boolean any = false;
    while (m.find()) {
      count++;
      if (count >= s.occurrence() && (s.global() || count == s.occurrence())) {
        b.append(line, at, m.start()).append(expand(s.replacement(), m));
        at = m.end();
        any = true;
        if (!s.global()) {
          break;
        }
      }
      if (m.end() == m.start() && m.end() >= line.length()) {
        break;
      }
    }
    return any ? Optional.of(b.append(line.substring(at)).toString()) : Optional.empty();
  }

  /** The replacement with {@code &} and {@code \N} filled in and {@code \n} a newline. */
  private static String expand(String replacement, Matcher m) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < replacement.length(); i++) {
      char c = replacement.charAt(i);
      if (c == '&') {
        b.append(m.group());
      } else if (c == '\\' && i + 1 < replacement.length()) {
        char n = replacement.charAt(++i);
        if (n >= '1' && n <= '9' && n - '0' <= m.groupCount()) {
          b.append(m.group(n - '0') == null ? "" : m.group(n - '0'));
        } else {
          b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
        }
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The commands of one script. */
  private static List<Step> parse(String script, boolean extended) throws ScriptError {
    List<Step> steps = new ArrayList<>();
    int[] at = {0};
    while (true) {
      skip(script, at, " \t\n;");
      if (at[0] >= script.length()) {
        return steps;
      }
      Address from = address(script, at, extended);
      Address to = null;
      if (from != null && at[0] < script.length() && script.charAt(at[0]) == ',') {
        at[0]++;
        to = address(script, at, extended);
        if (to == null) {
          throw new ScriptError(at[0] + 1, "unexpected `,'");
        }
      }
      skip(script, at, " \t");
      if (at[0] >= script.length()) {
        throw new ScriptError(at[0], "missing command");
      }
      char name = script.charAt(at[0]++);
      switch (name) {
        case 'p', 'd', 'q' -> steps.add(new Step(from, to, name, null, null, false, 1, false));
        case 's' -> steps.add(substitution(script, at, extended, from, to));
        default -> throw new ScriptError(at[0], "unknown command: `" + name + "'");
      }
      skip(script, at, " \t");
      if (at[0] < script.length() && ";\n}".indexOf(script.charAt(at[0])) < 0) {
        throw new ScriptError(at[0] + 1, "extra characters after command");
      }
    }
  }

  private static Step substitution(String script, int[] at, boolean extended, Address from, Address to) throws ScriptError {
    if (at[0] >= script.length()) {
      throw new ScriptError(at[0], "unterminated `s' command");
    }
    char delimiter = script.charAt(at[0]++);
    String regex = delimited(script, at, delimiter);
    String replacement = delimited(script, at, delimiter);
    boolean global = false;
    boolean print = false;
    boolean ignoreCase = false;
    int occurrence = 1;
    while (at[0] < script.length() && ";\n} \t".indexOf(script.charAt(at[0])) < 0) {
      char f = script.charAt(at[0]++);
      if (f == 'g') {
        global = true;
      } else if (f == 'p') {
        print = true;
      } else if (f == 'I' || f == 'i') {
        ignoreCase = true;
      } else if (Character.isDigit(f)) {
        occurrence = f - '0';
        while (at[0] < script.length() && Character.isDigit(script.charAt(at[0]))) {
          occurrence = occurrence * 10 + script.charAt(at[0]++) - '0';
        }
      } else {
        throw new ScriptError(at[0], "unknown option to `s'");
      }
    }
    return new Step(from, to, 's', compile(regex, extended, ignoreCase, at[0]), replacement, global, occurrence, print);
  }

  /** Text up to the next unescaped delimiter (an escaped delimiter stands for itself). */
  private static String delimited(String script, int[] at, char delimiter) throws ScriptError {
    StringBuilder b = new StringBuilder();
    while (at[0] < script.length()) {
      char c = script.charAt(at[0]++);
      if (c == delimiter) {
        return b.toString();
      }
      if (c == '\\' && at[0] < script.length()) {
        char n = script.charAt(at[0]++);
        b.append(n == delimiter ? String.valueOf(n) : "\\" + n);
      } else {
        b.append(c);
      }
    }
    throw new ScriptError(at[0], "unterminated `s' command");
  }

  private static Address address(String script, int[] at, boolean extended) throws ScriptError {
    if (at[0] >= script.length()) {
      return null;
    }
    char c = script.charAt(at[0]);
    if (c == '$') {
      at[0]++;
      return new Address(-1, null);
    }
    if (Character.isDigit(c)) {
      int n = 0;
      while (at[0] < script.length() && Character.isDigit(script.charAt(at[0]))) {
        n = n * 10 + script.charAt(at[0]++) - '0';
      }
      if (n == 0) {
        throw new ScriptError(at[0], "invalid usage of line address 0");
      }
      return new Address(n, null);
    }
    if (c == '/') {
      at[0]++;
      String regex = delimited(script, at, '/');
      return new Address(0, compile(regex, extended, false, at[0]));
    }
    return null;
  }

  private static Pattern compile(String regex, boolean extended, boolean ignoreCase, int at) throws ScriptError {
    try {
      return Pattern.compile(PosixRegex.toJava(regex, extended), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    } catch (PatternSyntaxException e) {
      throw new ScriptError(at, "invalid regular expression");
    }
  }

  private static void skip(String s, int[] at, String chars) {
    while (at[0] < s.length() && chars.indexOf(s.charAt(at[0])) >= 0) {
      at[0]++;
    }
  }
}
