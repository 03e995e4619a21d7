package dev.kubesim.impl.kubelet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The programs a short shell script runs, as a probe's {@code sh -c "..."} writes them: the first
 * word of each simple command (after {@code ;}, {@code &&}, {@code ||}, {@code |}, a newline, a
 * parenthesis or a command substitution), past variable assignments, reserved words and {@code
 * exec}, {@code command} or {@code env} in front; shell builtins are not programs. A rough reading,
 * enough to know what an unknown image must have for its probes to run.
 */
final class ScriptPrograms {
  private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "for", "in", "do", "done",
      "while", "until", "case", "esac", "!", "{", "}", "[[", "]]", "time", "function", "select");
  private static final Set<String> PREFIXES = Set.of("exec", "command", "env", "nohup", "timeout");
  private static final Set<String> BUILTINS = Set.of(".", ":", "[", "alias", "break", "cd", "continue", "echo", "eval",
      "exit", "export", "false", "getopts", "hash", "local", "printf", "pwd", "read", "readonly", "return", "set",
      "shift", "source", "test", "trap", "true", "type", "ulimit", "umask", "unalias", "unset", "wait");

  private ScriptPrograms() {}

  /** The programs, in order of appearance, without duplicates. */
  static List<String> of(String script) {
    Set<String> out = new LinkedHashSet<>();
    for (String command : commands(script)) {
      List<String> words = words(command);
      int i = 0;
      while (i < words.size() && (RESERVED.contains(words.get(i)) || words.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")
          || PREFIXES.contains(words.get(i)) || words.get(i).startsWith("-"))) {
        i++;
      }
      if (i < words.size()) {
        String program = words.get(i);
        if (!BUILTINS.contains(program) && !program.isEmpty() && !program.startsWith("$") && !program.contains("=")
            && !program.matches("\\d+") && !program.startsWith("<") && !program.startsWith(">")) {
          out.add(program);
        }
      }
    }
    return List.copyOf(out);
  }

  /** The script cut at command separators, quotes kept whole. */
  private static List<String> commands(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (quote == '\'') {
        current.append(c);
        if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (quote == '"' && c != '"' && c != '$' && c != '`' && c != ')') {
        current.append(c); // inside double quotes only a command substitution starts a command
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = quote == c ? 0 : c;
        current.append(c);
      } else if (c == ';' || c == '|' || c == '&' || c == '\n' || c == '(' || c == ')' || c == '`') {
        out.add(current.toString());
        current.setLength(0);
      } else if (c == '$' && i + 1 < script.length() && script.charAt(i + 1) == '(') {
        out.add(current.toString());
        current.setLength(0);
        i++;
      } else {
        current.append(c);
      }
    }
    out.add(current.toString());
    return out;
  }

  /** Blank-separated words, quotes removed. */
  private static List<String> words(String command) {
    List<String> out = new ArrayList<>();
    for (String w : command.strip().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w.replace("\"", "").replace("'", ""));
      }
    }
    return out;
  }
}
