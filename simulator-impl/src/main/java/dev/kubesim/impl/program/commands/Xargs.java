package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.Executable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code xargs [-r] [-t] [-n N] [-I REPL] [COMMAND [ARG...]]}: runs the command ({@code echo} by
 * default) with the words of standard input as more arguments, split at blanks and newlines with
 * quotes and backslashes read as GNU findutils' and BusyBox's xargs read them; {@code -n} takes at
 * most N words a run, {@code -I} runs once a line with REPL replaced by it, {@code -r} runs nothing
 * for empty input. The commands read an empty standard input. Status 123 when a run failed, 127
 * (with {@code xargs: CMD: No such file or directory}) when the command is not found.
 */
public final class Xargs implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    int maxArgs = Integer.MAX_VALUE;
    String replace = null;
    boolean noRunIfEmpty = false;
    boolean trace = false;
    int i = 0;
    for (; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("-") || a.equals("-")) {
        break;
      }
      if (a.equals("--")) {
        i++;
        break;
      }
      if (a.equals("-r") || a.equals("--no-run-if-empty")) {
        noRunIfEmpty = true;
      } else if (a.equals("-t") || a.equals("--verbose")) {
        trace = true;
      } else if (a.startsWith("-n") || a.startsWith("-I")) {
        String value = a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : null;
        if (value == null) {
          return ExecResult.failure(1, ctx.programName() + ": option requires an argument -- '" + a.charAt(1) + "'\n"
              + (ctx.busybox() ? "" : Words.tryHelp(ctx)));
        }
        if (a.charAt(1) == 'I') {
          replace = value;
          maxArgs = 1;
        } else {
          try {
            maxArgs = Integer.parseInt(value);
            if (maxArgs < 1) {
              throw new NumberFormatException();
            }
          } catch (NumberFormatException e) {
            return ExecResult.failure(1, ctx.busybox() ? ctx.programName() + ": invalid number '" + value + "'\n"
                : ctx.programName() + ": invalid number " + Words.quoted(value) + " for -n option\n" + Words.tryHelp(ctx));
          }
        }
      } else {
        return Words.invalidOption(ctx, a.charAt(1), 1);
      }
    }
    List<String> command = new ArrayList<>(args.subList(i, args.size()));
    if (command.isEmpty()) {
      command.add("echo");
    }
    List<String> items = replace != null ? lines(ctx.stdin()) : words(ctx.stdin());
    if (items == null) {
      return ExecResult.failure(1, ctx.programName() + ": unmatched quote; by default quotes are special to xargs unless you use the -0 option\n");
    }
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    Duration took = Duration.ZERO;
    int status = 0;
    List<List<String>> runs = new ArrayList<>();
    for (int k = 0; k < items.size(); k += maxArgs) {
      List<String> chunk = items.subList(k, Math.min(items.size(), k + maxArgs));
      List<String> argv = new ArrayList<>();
      if (replace != null) {
        String r = replace;
        command.forEach(w -> argv.add(w.replace(r, chunk.get(0))));
      } else {
        argv.addAll(command);
        argv.addAll(chunk);
      }
      runs.add(argv);
    }
    if (runs.isEmpty() && !noRunIfEmpty && replace == null) {
      runs.add(command);
    }
    for (List<String> argv : runs) {
      if (trace) {
        err.append(String.join(" ", argv)).append('\n');
      }
      Executable exe = ctx.findExecutable(argv.get(0), ctx.env());
      if (!exe.runnable()) {
        boolean missing = exe instanceof Executable.NotFound || exe instanceof Executable.NoSuchFile;
        err.append(ctx.programName()).append(": ").append(argv.get(0)).append(": ")
            .append(missing ? "No such file or directory" : "Permission denied").append('\n');
        return new ExecResult(out.toString(), err.toString(), missing ? 127 : 126, took);
      }
      ExecResult r = ctx.execute(exe, argv, ctx.env(), "");
      out.append(r.stdout());
      err.append(r.stderr());
      if (r.runsForever()) {
        return new ExecResult(out.toString(), err.toString(), 0, ExecResult.FOREVER);
      }
      took = took.plus(r.elapsed());
      if (r.exitCode() == 255) {
        err.append(ctx.programName()).append(": ").append(argv.get(0)).append(": exited with status 255; aborting\n");
        return new ExecResult(out.toString(), err.toString(), 124, took);
      }
      if (r.exitCode() != 0) {
        status = 123;
      }
    }
    return new ExecResult(out.toString(), err.toString(), status, took);
  }

  /** The words of the input: blanks and newlines split them, quotes and backslashes keep them whole. */
  private static List<String> words(String input) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == '\'' || c == '"') {
        int end = input.indexOf(c, i + 1);
        int newline = input.indexOf('\n', i + 1);
        if (end < 0 || (newline >= 0 && newline < end)) {
          return null;
        }
        word.append(input, i + 1, end);
        inWord = true;
        i = end;
      } else if (c == '\\' && i + 1 < input.length()) {
        word.append(input.charAt(++i));
        inWord = true;
      } else if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          out.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      out.add(word.toString());
    }
    return out;
  }

  /** {@code -I}: each non-empty line is one argument, its leading blanks dropped. */
  private static List<String> lines(String input) {
    List<String> out = new ArrayList<>();
    for (String line : TextInput.lines(input)) {
      String item = line.stripLeading();
      if (!item.isEmpty()) {
        out.add(item);
      }
    }
    return out;
  }
}
