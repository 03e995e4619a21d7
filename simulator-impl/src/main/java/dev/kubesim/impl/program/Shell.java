package dev.kubesim.impl.program;

import dev.kubesim.api.ExecResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry points to the container shell for callers outside this package.
 *
 * <p>{@code kubectl exec POD -- ARGV...} runs {@code ARGV} directly ({@link RunningContainer#exec});
 * a shell runs only where {@code ARGV} names one ({@code sh -c "a; b && c"}). The shell is dash on
 * Debian images and BusyBox ash on BusyBox and Alpine ones, with their error words; it supports
 * quoting, {@code $VAR}/{@code ${VAR...}}/{@code $?}/{@code $(...)}/{@code $((...))} expansion,
 * globbing, {@code ;} {@code &&} {@code ||} {@code |} {@code !}, {@code ( )} and {@code { }},
 * {@code if}, {@code for}, {@code while} and {@code until}, redirections ({@code > >> < 2> 2>&1}),
 * and the builtins {@code cd exit export unset set exec shift :} (and bash's {@code ((...))} and
 * {@code let}), here-documents, {@code case} and functions ({@code return}, {@code local});
 * bash's and ash's {@code [[ ]]} ({@link ShellConditional}; dash has none: {@code [[: not found});
 * {@code select} is reported as not supported; {@code &}
 * runs in the foreground. An interactive shell that reads lines one at a time
 * ({@code kubectl exec -it POD -- bash}) is a {@link ShellSession}.
 */
public final class Shell {
  private Shell() {}

  /** Runs {@code sh -c script} in the container. */
  public static ExecResult run(RunningContainer container, String script) {
    return container.exec(List.of("sh", "-c", script));
  }

  /**
   * Splits a command line into words as a shell would before running it, removing quotes and
   * backslashes but expanding nothing: {@code curl -s 'http://kubia/a b'} gives {@code [curl, -s,
   * http://kubia/a b]}. For command lines given as one string (the conformance scenarios' {@code
   * exec} steps).
   *
   * @throws IllegalArgumentException on an unterminated quote, or an unquoted operator ({@code ;
   *     | & < > ( )}) that the calling shell, not the container, would interpret
   */
  public static List<String> split(String commandLine) {
    List<ShellToken> tokens;
    try {
      tokens = ShellLexer.tokenize(commandLine);
    } catch (ShellSyntaxException e) {
      throw new IllegalArgumentException("unterminated quote in command line: " + commandLine, e);
    }
    List<String> words = new ArrayList<>();
    for (ShellToken t : tokens) {
      switch (t.type()) {
        case WORD, IO_NUMBER -> words.add(unquote(t.text()));
        case END, NEWLINE -> { }
        case OPERATOR -> throw new IllegalArgumentException("unquoted \"" + t.text()
            + "\" in command line (quote it to pass it to the container): " + commandLine);
      }
    }
    return words;
  }

  /** Quote removal without expansion. */
  static String unquote(String word) {
    StringBuilder out = new StringBuilder();
    boolean inDouble = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '\'' && !inDouble) {
        int end = word.indexOf('\'', i + 1);
        out.append(word, i + 1, end);
        i = end;
      } else if (c == '"') {
        inDouble = !inDouble;
      } else if (c == '\\' && i + 1 < word.length()) {
        char n = word.charAt(i + 1);
        if (!inDouble || "$`\"\\\n".indexOf(n) >= 0) {
          if (n != '\n') {
            out.append(n);
          }
          i++;
        } else {
          out.append(c);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
