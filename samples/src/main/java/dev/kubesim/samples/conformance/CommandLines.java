package dev.kubesim.samples.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an {@code exec} step's command line into words as a POSIX shell would before running it,
 * removing quotes and backslashes but expanding nothing: {@code curl -s 'http://kubia/a b'} gives
 * {@code [curl, -s, http://kubia/a b]}. {@code $VAR}, {@code ${...}}, {@code $(...)} and backquotes
 * stay in their word as written (the container's program sees them literally, as after {@code
 * kubectl exec POD -- ...} with the expansion quoted); comments are dropped.
 */
final class CommandLines {
  /** The shell's control and redirection operators, longest first where one starts another. */
  private static final List<String> OPERATORS =
      List.of("&&", "||", ";;", ">>", ">|", "<&", ">&", "<>", "<<-", "<<", ";", "&", "|", "(", ")", "<", ">");

  private final String s;
  private int pos;
  private final List<String> words = new ArrayList<>();
  /** The first unquoted operator, reported once the whole line has been read. */
  private String firstOperator;

  private CommandLines(String s) {
    this.s = s;
  }

  /**
   * The words of a command line.
   *
   * @throws IllegalArgumentException on an unterminated quote or expansion, or an unquoted operator
   *     ({@code ; | & < > ( )}) that the calling shell, not the container, would interpret
   */
  static List<String> split(String commandLine) {
    CommandLines lexer = new CommandLines(commandLine);
    try {
      lexer.run();
    } catch (Unterminated e) {
      throw new IllegalArgumentException("unterminated quote in command line: " + commandLine, e);
    }
    if (lexer.firstOperator != null) {
      throw new IllegalArgumentException("unquoted \"" + lexer.firstOperator
          + "\" in command line (quote it to pass it to the container): " + commandLine);
    }
    return lexer.words;
  }

  /** The line ends inside a quote, an expansion or a parenthesis. */
  private static final class Unterminated extends Exception {
    private static final long serialVersionUID = 1L;
  }

  private void run() throws Unterminated {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pos++;
      } else if (c == '\\' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
        pos += 2;
      } else if (c == '#') {
        while (pos < s.length() && s.charAt(pos) != '\n') {
          pos++;
        }
      } else if (operatorAt(pos) != null) {
        String op = operatorAt(pos);
        if (firstOperator == null) {
          firstOperator = op;
        }
        pos += op.length();
      } else {
        word();
      }
    }
  }

  private String operatorAt(int at) {
    for (String op : OPERATORS) {
      if (s.startsWith(op, at)) {
        return op;
      }
    }
    return null;
  }

  private void word() throws Unterminated {
    int start = pos;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || operatorAt(pos) != null) {
        break;
      }
      if (c == '\\') {
        pos = Math.min(pos + 2, s.length());
      } else if (c == '\'') {
        pos = skipSingleQuoted(pos);
      } else if (c == '"') {
        pos = skipDoubleQuoted(pos);
      } else if (c == '`') {
        pos = skipBackquoted(pos);
      } else if (c == '$') {
        pos = skipDollar(pos);
      } else {
        pos++;
      }
    }
    words.add(unquote(s.substring(start, pos)));
  }

  private int skipSingleQuoted(int at) throws Unterminated {
    int end = s.indexOf('\'', at + 1);
    if (end < 0) {
      throw new Unterminated();
    }
    return end + 1;
  }

  private int skipDoubleQuoted(int at) throws Unterminated {
    int i = at + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        return i + 1;
      } else if (c == '\\') {
        i += 2;
      } else if (c == '`') {
        i = skipBackquoted(i);
      } else if (c == '$') {
        i = skipDollar(i);
      } else {
        i++;
      }
    }
    throw new Unterminated();
  }

  private int skipBackquoted(int at) throws Unterminated {
    int i = at + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '`') {
        return i + 1;
      }
      i += c == '\\' ? 2 : 1;
    }
    throw new Unterminated();
  }

  /** Skips {@code $name}, {@code ${...}}, {@code $(...)} or {@code $((...))}. */
  private int skipDollar(int at) throws Unterminated {
    int i = at + 1;
    if (i >= s.length()) {
      return i;
    }
    char c = s.charAt(i);
    if (c == '{') {
      int depth = 1;
      i++;
      while (i < s.length() && depth > 0) {
        char d = s.charAt(i);
        if (d == '\\') {
          i += 2;
          continue;
        } else if (d == '\'') {
          i = skipSingleQuoted(i);
          continue;
        } else if (d == '"') {
          i = skipDoubleQuoted(i);
          continue;
        } else if (d == '{') {
          depth++;
        } else if (d == '}') {
          depth--;
        }
        i++;
      }
      if (depth > 0) {
        throw new Unterminated();
      }
      return i;
    }
    if (c == '(') {
      return skipParenthesised(i);
    }
    return i;
  }

  /** From an opening parenthesis to just after its match, skipping quoted text. */
  private int skipParenthesised(int open) throws Unterminated {
    int depth = 0;
    int i = open;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      } else if (c == '\'') {
        i = skipSingleQuoted(i);
        continue;
      } else if (c == '"') {
        i = skipDoubleQuoted(i);
        continue;
      } else if (c == '`') {
        i = skipBackquoted(i);
        continue;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
      i++;
    }
    throw new Unterminated();
  }

  /** Quote removal without expansion. */
  private static String unquote(String word) {
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
