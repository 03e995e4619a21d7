package dev.kubesim.impl.program;

import dev.kubesim.impl.program.ShellInterpreter.Io;
import dev.kubesim.impl.program.commands.PosixRegex;
import dev.kubesim.impl.program.commands.Test;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * bash's {@code [[ expression ]]}: {@code !}, {@code &&}, {@code ||} and parentheses over the
 * primaries of {@code test} — file and string tests, {@code -v NAME} — and the binary operators,
 * where {@code ==} and {@code !=} match a pattern (a quoted right side is taken literally), {@code
 * =~} an extended regular expression anywhere in the string, {@code <} and {@code >} compare
 * strings, and {@code -eq} and the others compare arithmetic values. Words are expanded without
 * field splitting or pathname expansion, and only as far as {@code &&} and {@code ||} need them.
 * Status 0 true, 1 false, 2 for a malformed expression or regular expression.
 */
final class ShellConditional {
  private static final Set<String> UNARY = Set.of("-e", "-a", "-f", "-d", "-s", "-r", "-w", "-x", "-z", "-n", "-L", "-h",
      "-b", "-c", "-p", "-S", "-g", "-u", "-k", "-t", "-v");
  private static final Set<String> BINARY = Set.of("==", "=", "!=", "<", ">", "=~", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
      "-nt", "-ot", "-ef");

  /** A malformed expression: bash's words for it, status 2. */
  private static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  /** An arithmetic operand bash could not evaluate (it has said why): status 1. */
  private static final class ArithmeticFailed extends Exception {
    private static final long serialVersionUID = 1L;

    ArithmeticFailed() {
      super(null, null, false, false);
    }
  }

  private final ShellInterpreter shell;
  private final List<String> words;
  private final Io io;
  private int pos;

  ShellConditional(ShellInterpreter shell, List<String> words, Io io) {
    this.shell = shell;
    this.words = words;
    this.io = io;
  }

  /** The command's status. */
  int evaluate() {
    try {
      boolean value = or(true);
      if (pos < words.size()) {
        throw new Malformed("syntax error in conditional expression: unexpected token `" + words.get(pos) + "'");
      }
      return value ? 0 : 1;
    } catch (Malformed e) {
      io.err().write(shell.conditionalError(e.getMessage()));
      return 2;
    } catch (ArithmeticFailed e) {
      return 1;
    }
  }

  private boolean or(boolean live) throws Malformed, ArithmeticFailed {
    boolean value = and(live);
    while (at("||")) {
      pos++;
      boolean right = and(live && !value);
      value = value || right;
    }
    return value;
  }

  private boolean and(boolean live) throws Malformed, ArithmeticFailed {
    boolean value = not(live);
    while (at("&&")) {
      pos++;
      boolean right = not(live && value);
      value = value && right;
    }
    return value;
  }

  private boolean not(boolean live) throws Malformed, ArithmeticFailed {
    if (at("!")) {
      pos++;
      return !not(live);
    }
    return primary(live);
  }

  private boolean primary(boolean live) throws Malformed, ArithmeticFailed {
    if (pos >= words.size()) {
      throw new Malformed("unexpected argument to conditional expression");
    }
    String word = words.get(pos);
    if (word.equals("(")) {
      pos++;
      boolean value = or(live);
      if (!at(")")) {
        throw new Malformed("expected `)'");
      }
      pos++;
      return value;
    }
    if (UNARY.contains(word) && pos + 1 < words.size() && !BINARY.contains(words.get(pos + 1))
        && !isOperator(words.get(pos + 1))) {
      pos += 2;
      return live && unary(word, expand(words.get(pos - 1)));
    }
    if (pos + 1 < words.size() && BINARY.contains(words.get(pos + 1))) {
      String op = words.get(pos + 1);
      pos += 2;
      String right = op.equals("=~") ? regexOperand() : operand(op);
      return live && binary(word, op, right);
    }
    if (isOperator(word)) {
      throw new Malformed("syntax error in conditional expression: unexpected token `" + word + "'");
    }
    pos++;
    return live && !expand(word).isEmpty();
  }

  private String operand(String op) throws Malformed {
    if (pos >= words.size() || isOperator(words.get(pos))) {
      throw new Malformed("unexpected argument to conditional binary operator `" + op + "'");
    }
    return words.get(pos++);
  }

  /** The right side of {@code =~}: the lexer split its parentheses and bars off, so they are joined again. */
  private String regexOperand() throws Malformed {
    StringBuilder regex = new StringBuilder();
    int depth = 0;
    while (pos < words.size()) {
      String w = words.get(pos);
      if (depth == 0 && (w.equals("&&") || w.equals("||") || w.equals(")"))) {
        break;
      }
      depth += w.equals("(") ? 1 : w.equals(")") ? -1 : 0;
      regex.append(w);
      pos++;
    }
    if (regex.length() == 0) {
      throw new Malformed("unexpected argument to conditional binary operator `=~'");
    }
    return regex.toString();
  }

  private boolean unary(String op, String operand) {
    if (op.equals("-v")) {
      return shell.parameter(operand).isPresent();
    }
    return Test.unary(op.equals("-a") ? "-e" : op, operand, shell.builtinContext("[[", io)).orElse(false);
  }

  private boolean binary(String leftWord, String op, String rightWord) throws Malformed, ArithmeticFailed {
    String left = expand(leftWord);
    String right = expand(rightWord);
    switch (op) {
      case "==", "=", "!=" -> {
        boolean matches = quoted(rightWord) ? left.equals(right)
            : Pattern.compile(GlobPattern.toRegex(right, null), Pattern.DOTALL).matcher(left).matches();
        return op.equals("!=") != matches;
      }
      case "<" -> {
        return left.compareTo(right) < 0;
      }
      case ">" -> {
        return left.compareTo(right) > 0;
      }
      case "=~" -> {
        try {
          String regex = quoted(rightWord) ? Pattern.quote(right) : PosixRegex.toJava(right, true);
          return Pattern.compile(regex).matcher(left).find();
        } catch (PatternSyntaxException e) {
          throw new Malformed("invalid regular expression `" + right + "'"); // bash's status 2
        }
      }
      case "-eq", "-ne", "-lt", "-le", "-gt", "-ge" -> {
        long l = arithmetic(left);
        long r = arithmetic(right);
        return switch (op) {
          case "-eq" -> l == r;
          case "-ne" -> l != r;
          case "-lt" -> l < r;
          case "-le" -> l <= r;
          case "-gt" -> l > r;
          default -> l >= r;
        };
      }
      default -> {
        return false; // -nt, -ot, -ef: files' times and identities are not modelled
      }
    }
  }

  /** An operand of {@code -eq} and the others: an arithmetic expression, empty being 0. */
  private long arithmetic(String text) throws ArithmeticFailed {
    if (text.isBlank()) {
      return 0;
    }
    OptionalLong value = shell.arithmeticValue(text, io);
    if (value.isEmpty()) {
      throw new ArithmeticFailed();
    }
    return value.getAsLong();
  }

  private String expand(String word) {
    return shell.expandSingle(word);
  }

  /** A word quoted whole: its expansion is taken literally, not as a pattern. */
  private static boolean quoted(String word) {
    return word.length() >= 2 && (word.startsWith("'") && word.endsWith("'") || word.startsWith("\"") && word.endsWith("\""));
  }

  private boolean at(String word) {
    return pos < words.size() && words.get(pos).equals(word);
  }

  private static boolean isOperator(String word) {
    return word.equals("&&") || word.equals("||") || word.equals(")");
  }
}
