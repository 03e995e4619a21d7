package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code expr EXPRESSION} (GNU coreutils' expr.c, BusyBox's expr.c): {@code |}, {@code &}, the
 * comparisons {@code < <= = == != >= >} (numbers compared as numbers, else as strings), {@code + -
 * * / %} on integers, {@code STRING : REGEX} (a basic regular expression anchored at the start: the
 * length of the match, or the first group), parentheses, and GNU's {@code match}, {@code substr},
 * {@code index} and {@code length}. The value is printed; the status is 1 when it is empty or 0, 2
 * for a malformed expression and 3 for an error such as division by zero.
 */
public final class Expr implements Command {
  /** A malformed expression (status 2) or an evaluation error (status 3), in the implementation's words. */
  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    Failure(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    if (args.isEmpty()) {
      return ExecResult.failure(2, ctx.busybox() ? "expr: too few arguments\n"
          : "expr: missing operand\nTry 'expr --help' for more information.\n");
    }
    Parser p = new Parser(args, ctx.busybox());
    try {
      String value = p.or();
      if (p.pos < args.size()) {
        throw p.syntax("unexpected argument " + Words.quoted(args.get(p.pos)));
      }
      boolean isNull = value.isEmpty() || isInteger(value) && new BigInteger(value).signum() == 0;
      return ExecResult.of(value + "\n", "", isNull ? 1 : 0);
    } catch (Failure f) {
      return ExecResult.failure(f.status, "expr: " + f.getMessage() + "\n");
    }
  }

  private static boolean isInteger(String s) {
    return s.matches("[-+]?\\d+");
  }

  /** Recursive descent, from the loosest operator to the tightest, as expr.c's eval functions. */
  private static final class Parser {
    final List<String> args;
    final boolean busybox;
    int pos;

    Parser(List<String> args, boolean busybox) {
      this.args = args;
      this.busybox = busybox;
    }

    Failure syntax(String detail) {
      return new Failure(2, busybox ? "syntax error" : "syntax error: " + detail);
    }

    boolean at(String token) {
      return pos < args.size() && args.get(pos).equals(token);
    }

    String or() throws Failure {
      String left = and();
      while (at("|")) {
        pos++;
        String right = and();
        left = isNull(left) ? (isNull(right) ? "0" : right) : left;
      }
      return left;
    }

    String and() throws Failure {
      String left = comparison();
      while (at("&")) {
        pos++;
        String right = comparison();
        left = isNull(left) || isNull(right) ? "0" : left;
      }
      return left;
    }

    String comparison() throws Failure {
      String left = additive();
      while (pos < args.size() && List.of("<", "<=", "=", "==", "!=", ">=", ">").contains(args.get(pos))) {
        String op = args.get(pos++);
        String right = additive();
        int c = isInteger(left) && isInteger(right) ? new BigInteger(left).compareTo(new BigInteger(right))
            : left.compareTo(right);
        boolean r = switch (op) {
          case "<" -> c < 0;
          case "<=" -> c <= 0;
          case "=", "==" -> c == 0;
          case "!=" -> c != 0;
          case ">=" -> c >= 0;
          default -> c > 0;
        };
        left = r ? "1" : "0";
      }
      return left;
    }

    String additive() throws Failure {
      String left = multiplicative();
      while (at("+") || at("-")) {
        String op = args.get(pos++);
        String right = multiplicative();
        left = (op.equals("+") ? number(left).add(number(right)) : number(left).subtract(number(right))).toString();
      }
      return left;
    }

    String multiplicative() throws Failure {
      String left = match();
      while (at("*") || at("/") || at("%")) {
        String op = args.get(pos++);
        String right = match();
        BigInteger l = number(left);
        BigInteger r = number(right);
        if (!op.equals("*") && r.signum() == 0) {
          throw new Failure(2, "division by zero");
        }
        left = (op.equals("*") ? l.multiply(r) : op.equals("/") ? l.divide(r) : l.remainder(r)).toString();
      }
      return left;
    }

    String match() throws Failure {
      String left = primary();
      while (at(":")) {
        pos++;
        left = regexMatch(left, primary());
      }
      return left;
    }

    String primary() throws Failure {
      if (pos >= args.size()) {
        throw pos == 0 ? syntax("missing argument") : syntax("missing argument after " + Words.quoted(args.get(pos - 1)));
      }
      String t = args.get(pos++);
      if (t.equals("(")) {
        String v = or();
        if (!at(")")) {
          throw pos < args.size() ? syntax("expecting ')' after " + Words.quoted(args.get(pos - 1)) + " instead of "
              + Words.quoted(args.get(pos))) : syntax("expecting ')' after " + Words.quoted(args.get(pos - 1)));
        }
        pos++;
        return v;
      }
      if (t.equals("+") && !busybox) {
        return operand(); // GNU: the next word taken as a string, even a keyword
      }
      switch (t) {
        case "length" -> {
          String s = primary();
          return Integer.toString(s.codePointCount(0, s.length()));
        }
        case "match" -> {
          String s = primary();
          return regexMatch(s, primary());
        }
        case "index" -> {
          String s = primary();
          String chars = primary();
          for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
              return Integer.toString(i + 1);
            }
          }
          return "0";
        }
        case "substr" -> {
          String s = primary();
          String start = primary();
          String length = primary();
          if (!isInteger(start) || !isInteger(length)) {
            return "";
          }
          long from = Long.parseLong(start);
          long len = Long.parseLong(length);
          if (from < 1 || len < 1 || from > s.length()) {
            return "";
          }
          return s.substring((int) from - 1, (int) Math.min(s.length(), from - 1 + len));
        }
        default -> {
          return t;
        }
      }
    }

    /** The next word as an operand, whatever it is. */
    private String operand() throws Failure {
      if (pos >= args.size()) {
        throw syntax("missing argument after " + Words.quoted(args.get(pos - 1)));
      }
      return args.get(pos++);
    }

    private BigInteger number(String s) throws Failure {
      if (!isInteger(s)) {
        throw new Failure(2, busybox ? "non-numeric argument" : "non-integer argument");
      }
      return new BigInteger(s);
    }

    private static boolean isNull(String s) {
      return s.isEmpty() || isInteger(s) && new BigInteger(s).signum() == 0;
    }

    /** {@code STRING : REGEX}: anchored at the start; the first group's text, else the match's length. */
    private String regexMatch(String s, String regex) throws Failure {
      Pattern p;
      try {
        p = Pattern.compile(PosixRegex.toJava(regex, false));
      } catch (PatternSyntaxException e) {
        throw new Failure(2, "Invalid regular expression");
      }
      Matcher m = p.matcher(s);
      boolean found = m.lookingAt();
      if (m.groupCount() > 0) {
        return found && m.group(1) != null ? m.group(1) : "";
      }
      return Integer.toString(found ? m.end() : 0);
    }
  }
}
