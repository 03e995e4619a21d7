package dev.kubesim.impl.program;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into tokens as POSIX sh does: words (with their quotes, escapes and {@code $...}
 * expansions kept as written), operators, newlines. Comments are dropped. A here-document's body
 * (the lines after the next newline, up to its delimiter) replaces its delimiter word as a {@link
 * ShellToken.Type#HEREDOC} token.
 */
final class ShellLexer {
  private static final List<String> OPERATORS =
      List.of("&&", "||", ";;", ">>", ">|", "<&", ">&", "<>", "<<-", "<<", ";", "&", "|", "(", ")",
          "<", ">");

  private final String s;
  /** Whether {@code ((...))} is an arithmetic command and {@code $[...]} an expansion (bash), not two subshells and a word. */
  private final boolean bashArithmetic;
  private int pos;
  private int line = 1;
  private final List<ShellToken> tokens = new ArrayList<>();
  /** Here-documents whose delimiter has been read and whose body starts after the next newline. */
  private final List<PendingHeredoc> pending = new ArrayList<>();
  /** Whether a here-document's body ran to the end of the script without its delimiter. */
  private boolean heredocAtEnd;

  /** A {@code <<} seen on the current line: the index of its delimiter token, the delimiter, and {@code <<-}. */
  private record PendingHeredoc(int token, String delimiter, boolean quoted, boolean stripTabs) {}

  private ShellLexer(String script, boolean bashArithmetic) {
    this.s = script;
    this.bashArithmetic = bashArithmetic;
  }

  static List<ShellToken> tokenize(String script) throws ShellSyntaxException {
    return tokenize(script, false);
  }

  /** @param bashArithmetic whether {@code ((...))} is an arithmetic command and {@code $[...]} an expansion (bash) */
  static List<ShellToken> tokenize(String script, boolean bashArithmetic) throws ShellSyntaxException {
    ShellLexer lexer = new ShellLexer(script, bashArithmetic);
    lexer.run();
    return lexer.tokens;
  }

  /**
   * Whether a here-document of the script has no delimiter line: the shells take the rest of the
   * script as its body, and an interactive shell waits for more lines.
   */
  static boolean heredocUnterminated(String script, boolean bashArithmetic) throws ShellSyntaxException {
    ShellLexer lexer = new ShellLexer(script, bashArithmetic);
    lexer.run();
    return lexer.heredocAtEnd;
  }

  private void run() throws ShellSyntaxException {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '\\' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
        pos += 2;
        line++;
      } else if (c == '\n') {
        tokens.add(new ShellToken(ShellToken.Type.NEWLINE, "\n", line));
        pos++;
        line++;
        heredocBodies();
      } else if (c == '#') {
        while (pos < s.length() && s.charAt(pos) != '\n') {
          pos++;
        }
      } else if (bashArithmetic && s.startsWith("((", pos) && arithmeticCommandEnd() > 0) {
        int end = arithmeticCommandEnd();
        String text = s.substring(pos + 2, end - 2);
        tokens.add(new ShellToken(ShellToken.Type.ARITH, text, line));
        countLines(text);
        pos = end;
      } else if (operatorAt(pos) != null) {
        String op = operatorAt(pos);
        tokens.add(new ShellToken(ShellToken.Type.OPERATOR, op, line));
        pos += op.length();
        if (op.startsWith("<<")) {
          heredocDelimiter(op.equals("<<-"));
        }
      } else {
        word();
      }
    }
    if (!pending.isEmpty()) {
      heredocAtEnd = true;
      heredocBodies();
    }
    tokens.add(new ShellToken(ShellToken.Type.END, "", line));
  }

  /** Reads the delimiter word after {@code <<}; its body follows the line's newline. */
  private void heredocDelimiter(boolean stripTabs) throws ShellSyntaxException {
    while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
      pos++;
    }
    if (pos >= s.length() || s.charAt(pos) == '\n' || operatorAt(pos) != null) {
      return; // no word: the parser reports the token it finds instead
    }
    word();
    String text = tokens.get(tokens.size() - 1).text();
    boolean quoted = text.indexOf('\'') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\\') >= 0;
    pending.add(new PendingHeredoc(tokens.size() - 1, Shell.unquote(text), quoted, stripTabs));
  }

  /**
   * The bodies of the here-documents of the line just ended, in order: each runs to a line that is
   * its delimiter (after leading tabs for {@code <<-}) or to the end of the script.
   */
  private void heredocBodies() {
    for (PendingHeredoc h : pending) {
      StringBuilder body = new StringBuilder();
      int startLine = line;
      boolean ended = false;
      while (pos < s.length()) {
        int nl = s.indexOf('\n', pos);
        String text = s.substring(pos, nl < 0 ? s.length() : nl);
        pos = nl < 0 ? s.length() : nl + 1;
        line++;
        String content = h.stripTabs() ? text.replaceFirst("^\t+", "") : text;
        if (content.equals(h.delimiter())) {
          ended = true;
          break;
        }
        body.append(content).append('\n');
      }
      heredocAtEnd |= !ended;
      tokens.set(h.token(), new ShellToken(h.quoted() ? ShellToken.Type.HEREDOC_LITERAL : ShellToken.Type.HEREDOC,
          body.toString(), startLine));
    }
    pending.clear();
  }

  /**
   * Where {@code ((...))} at {@code pos} ends when its inner parenthesis closes just before the
   * outer one (bash's arithmetic command), else -1 ({@code ((a); b)} is two subshells).
   */
  private int arithmeticCommandEnd() {
    try {
      int outer = skipParenthesised(pos);
      if (skipParenthesised(pos + 1) != outer - 1) {
        return -1;
      }
      // nesting past the parser's depth is read as subshells, which the parser refuses as bash does
      int depth = 0;
      for (int i = pos; i < outer; i++) {
        depth += s.charAt(i) == '(' ? 1 : s.charAt(i) == ')' ? -1 : 0;
        if (depth > ShellParser.MAX_NESTING) {
          return -1;
        }
      }
      return outer;
    } catch (ShellSyntaxException e) {
      return -1;
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

  private void word() throws ShellSyntaxException {
    int start = pos;
    int startLine = line;
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
    String text = s.substring(start, pos);
    countLines(text);
    boolean digits = !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    boolean beforeRedirection =
        pos < s.length() && (s.charAt(pos) == '<' || s.charAt(pos) == '>');
    tokens.add(new ShellToken(
        digits && beforeRedirection ? ShellToken.Type.IO_NUMBER : ShellToken.Type.WORD,
        text, startLine));
  }

  private void countLines(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
  }

  private int skipSingleQuoted(int at) throws ShellSyntaxException {
    int end = s.indexOf('\'', at + 1);
    if (end < 0) {
      throw new ShellSyntaxException(ShellSyntaxException.Kind.UNTERMINATED_QUOTE, "'", line);
    }
    return end + 1;
  }

  private int skipDoubleQuoted(int at) throws ShellSyntaxException {
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
    throw new ShellSyntaxException(ShellSyntaxException.Kind.UNTERMINATED_QUOTE, "\"", line);
  }

  private int skipBackquoted(int at) throws ShellSyntaxException {
    int i = at + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '`') {
        return i + 1;
      }
      i += c == '\\' ? 2 : 1;
    }
    throw new ShellSyntaxException(ShellSyntaxException.Kind.UNTERMINATED_QUOTE, "`", line);
  }

  /** Skips {@code $name}, {@code ${...}}, {@code $(...)} or {@code $((...))}. */
  private int skipDollar(int at) throws ShellSyntaxException {
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
        throw new ShellSyntaxException(ShellSyntaxException.Kind.UNEXPECTED_END, "}", line);
      }
      return i;
    }
    if (c == '(') {
      return skipParenthesised(i);
    }
    if (c == '[' && bashArithmetic) {
      // bash's $[...] holds an expression, blanks included
      int depth = 0;
      for (; i < s.length(); i++) {
        depth += s.charAt(i) == '[' ? 1 : s.charAt(i) == ']' ? -1 : 0;
        if (depth == 0) {
          return i + 1;
        }
      }
      throw new ShellSyntaxException(ShellSyntaxException.Kind.UNEXPECTED_END, "]", line);
    }
    return i;
  }

  /** From an opening parenthesis to just after its match, skipping quoted text. */
  private int skipParenthesised(int open) throws ShellSyntaxException {
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
    throw new ShellSyntaxException(ShellSyntaxException.Kind.UNEXPECTED_END, ")", line);
  }
}
