package dev.kubesim.impl.program;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates the text of an arithmetic expansion ({@code $((...))}, bash's {@code ((...))} and
 * {@code let}) after its parameters and command substitutions have been expanded: signed 64-bit
 * integers that wrap as C's {@code intmax_t} does, C's operators and precedence, assignments that set
 * shell variables. The three shells differ, and each difference follows its shell: dash (its {@code
 * arith_yacc.c}) reads a variable's value as a number and knows no {@code ++}, {@code --}, {@code
 * **} or {@code ,}; BusyBox ash ({@code shell/math.c}) and bash ({@code expr.c}) evaluate a
 * variable's value as an expression of its own and know all four; each words its errors its own way.
 */
final class ShellArithmetic {
  /** The shell variables an expression reads and assigns. */
  interface Variables {
    /** A variable's value; empty when it is unset. */
    Optional<String> get(String name);

    /** Sets a variable to a value an assignment computed, in decimal. */
    void set(String name, String value);
  }

  /** How a failure is worded: most are about the expression, dash's bad variable value is not. */
  enum Kind {
    EXPRESSION,
    /** dash: a variable whose value is not a number ({@code Illegal number: abc}). */
    ILLEGAL_NUMBER
  }

  /**
   * An expression the shell rejects.
   *
   * @see ShellDialect#arithmeticError
   */
  static final class Failure extends RuntimeException {
    final Kind kind;
    /** The shell's words for what is wrong ({@code division by zero}, {@code divide by zero}). */
    final String reason;
    /** The expression being evaluated, as the shell shows it (for a bad value: the value). */
    final String expression;
    /** bash's {@code error token}: the expression's text from the offending token on. */
    final String token;

    Failure(Kind kind, String reason, String expression, String token) {
      super(reason, null, false, false);
      this.kind = kind;
      this.reason = reason;
      this.expression = expression;
      this.token = token;
    }
  }

  /** bash's {@code MAX_EXPR_RECURSION_LEVEL}: how deep variables may hold expressions that name others. */
  private static final int MAX_RECURSION = 1024;
  /** How deep parentheses may nest before the evaluator's stack (the caller's) gives out. */
  private static final int MAX_NESTING = 1000;

  private final ShellDialect dialect;
  private final Variables vars;
  /** ash: the names whose values are being evaluated, to catch {@code a=b; b=a}. */
  private final Deque<String> evaluating = new ArrayDeque<>();
  private int depth;

  private ShellArithmetic(ShellDialect dialect, Variables vars) {
    this.dialect = dialect;
    this.vars = vars;
  }

  /**
   * The value of an expression, as the dialect's shell computes it.
   *
   * @throws Failure when the shell reports an error
   */
  static long evaluate(ShellDialect dialect, Variables vars, String expression) {
    try {
      return new ShellArithmetic(dialect, vars).expression(expression);
    } catch (StackOverflowError e) {
      throw new ShellInterpreter.Crashed(); // e.g. thousands of unary minus signs: the shell's stack gives out too
    }
  }

  private boolean dash() {
    return dialect == ShellDialect.DASH;
  }

  private boolean bash() {
    return dialect == ShellDialect.BASH || dialect == ShellDialect.BASH_4;
  }

  private long expression(String text) {
    if (text.isBlank()) {
      return 0;
    }
    if (++depth > MAX_RECURSION) {
      throw new Parser(text).fail("expression recursion level exceeded");
    }
    try {
      Parser p = new Parser(text);
      long value = p.top();
      if (p.at().type != T.EOF) {
        throw p.fail(dash() ? "expecting EOF" : bash() ? "syntax error in expression" : SYNTAX);
      }
      return value;
    } finally {
      depth--;
    }
  }

  private static final String SYNTAX = "arithmetic syntax error";

  /** A variable's value as a number: dash parses it; ash and bash evaluate it as an expression. */
  private long variable(String name) {
    Optional<String> value = vars.get(name);
    if (dash()) {
      return dashNumber(value.orElse(""));
    }
    if (value.isEmpty()) {
      return 0;
    }
    if (!bash()) {
      if (evaluating.contains(name)) {
        throw new Failure(Kind.EXPRESSION, "expression recursion loop detected", value.get(), "");
      }
      evaluating.push(name);
      try {
        return expression(value.get());
      } finally {
        evaluating.pop();
      }
    }
    return expression(value.get());
  }

  /** dash's {@code atomax(s, 0)}: blanks around one C integer constant, or {@code Illegal number}. */
  private long dashNumber(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    int start = i;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long[] out = new long[1];
    int end = cNumber(s, i, out, true);
    if (end == i) {
      if (start == s.length()) {
        return 0;
      }
      throw new Failure(Kind.ILLEGAL_NUMBER, "Illegal number", s, "");
    }
    int j = end;
    while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
      j++;
    }
    if (j < s.length()) {
      throw new Failure(Kind.ILLEGAL_NUMBER, "Illegal number", s, "");
    }
    return negative ? -out[0] : out[0];
  }

  /**
   * {@code strtoimax(s, &end, 0)} from {@code at}: a decimal, {@code 0} octal or {@code 0x} hex
   * constant; returns where it ended ({@code at} when there was none).
   */
  private static int cNumber(String s, int at, long[] out, boolean clamp) {
    int i = at;
    if (i >= s.length() || !Character.isDigit(s.charAt(i))) {
      return at;
    }
    int base = 10;
    if (s.charAt(i) == '0') {
      if (i + 2 < s.length() && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
          && Character.digit(s.charAt(i + 2), 16) >= 0) {
        base = 16;
        i += 2;
      } else {
        base = 8;
      }
    }
    long value = 0;
    boolean overflow = false;
    while (i < s.length() && Character.digit(s.charAt(i), base) >= 0) {
      long next = value * base + Character.digit(s.charAt(i), base);
      overflow |= Long.compareUnsigned(value, Long.MAX_VALUE / base) > 0 || next < 0;
      value = next;
      i++;
    }
    out[0] = overflow && clamp ? Long.MAX_VALUE : value;
    return i;
  }

  // ---- tokens --------------------------------------------------------------------------------

  private enum T {
    NUM,
    NAME,
    OP,
    EOF
  }

  private record Token(T type, String text, long value, int start) {
    boolean is(String op) {
      return type == T.OP && text.equals(op);
    }
  }

  private static final List<String> OPERATORS = List.of(
      "<<=", ">>=", "**", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=", "/=", "%=", "+=", "-=",
      "&=", "^=", "|=", "++", "--", "(", ")", "+", "-", "~", "!", "*", "/", "%", "<", ">", "&", "^",
      "|", "?", ":", "=", ",");

  /** One expression's tokens, read as the parser asks for them, and the parse over them. */
  private final class Parser {
    private final String s;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    /** Where the lexer stands. */
    private int scan;
    /** How deep parentheses nest. */
    private int nesting;
    /** Nesting of {@code &&}, {@code ||} and {@code ?:} branches that are not taken. */
    private int noeval;

    Parser(String s) {
      this.s = s;
    }

    Token at() {
      return ahead(0);
    }

    Token ahead(int k) {
      while (tokens.size() <= pos + k) {
        tokens.add(lex());
      }
      return tokens.get(pos + k);
    }

    Token next() {
      Token t = at();
      pos++;
      return t;
    }

    /** bash's error token: from the last token read that was not the end. */
    Failure fail(String reason) {
      return failAt(reason, errorTokenStart());
    }

    private int errorTokenStart() {
      for (int k = Math.min(pos, tokens.size() - 1); k >= 0; k--) {
        if (tokens.get(k).type != T.EOF) {
          return tokens.get(k).start;
        }
      }
      return s.length();
    }

    Failure failAt(String reason, int tokenStart) {
      String shown = dash() ? s : s.stripLeading();
      return new Failure(Kind.EXPRESSION, reason, shown, s.substring(Math.min(tokenStart, s.length())));
    }

    private Token lex() {
      while (scan < s.length() && Character.isWhitespace(s.charAt(scan))) {
        scan++;
      }
      int start = scan;
      if (scan >= s.length()) {
        return new Token(T.EOF, "", 0, start);
      }
      char c = s.charAt(scan);
      if (Character.isLetter(c) || c == '_') {
        while (scan < s.length() && (Character.isLetterOrDigit(s.charAt(scan)) || s.charAt(scan) == '_')) {
          scan++;
        }
        return new Token(T.NAME, s.substring(start, scan), 0, start);
      }
      if (Character.isDigit(c)) {
        return number(start);
      }
      Token previous = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
      for (String op : OPERATORS) {
        if (!s.startsWith(op, scan) || !known(op)) {
          continue;
        }
        if ((op.equals("++") || op.equals("--")) && !incrementHere(previous, scan + 2)) {
          continue;
        }
        scan += op.length();
        return new Token(T.OP, op, 0, start);
      }
      scan = s.length();
      boolean operandExpected = previous == null || previous.type == T.OP;
      throw failAt(dash() ? operandExpected ? "expecting primary" : "expecting EOF"
          : bash() ? operandExpected ? "syntax error: operand expected" : "syntax error: invalid arithmetic operator"
          : SYNTAX, start);
    }

    private boolean known(String op) {
      return !dash() || !(op.equals("**") || op.equals("++") || op.equals("--") || op.equals(","));
    }

    /** {@code ++}/{@code --} is an increment after a name, or before one; else two signs. */
    private boolean incrementHere(Token previous, int after) {
      if (previous != null && previous.type == T.NAME) {
        return true;
      }
      int i = after;
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      return i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_');
    }

    private Token number(int start) {
      if (bash()) {
        int end = start;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || "#@_".indexOf(s.charAt(end)) >= 0)) {
          end++;
        }
        scan = end;
        return new Token(T.NUM, s.substring(start, end), bashNumber(s.substring(start, end), start), start);
      }
      long[] out = new long[1];
      int end = cNumber(s, start, out, dash());
      long value = out[0];
      if (!dash() && end < s.length() && s.charAt(end) == '#' && s.charAt(start) != '0'
          && value >= 2 && value <= 64) {
        int base = (int) value;
        value = 0;
        end++;
        while (end < s.length() && digit(s.charAt(end), base) >= 0) {
          value = value * base + digit(s.charAt(end), base);
          end++;
        }
      }
      if (!dash() && end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
        throw failAt(SYNTAX, start);
      }
      scan = end;
      return new Token(T.NUM, s.substring(start, end), value, start);
    }

    /** bash's {@code strlong}: {@code 0} octal, {@code 0x} hex or {@code BASE#DIGITS}, wrapping. */
    private long bashNumber(String n, int start) {
      int i = 0;
      int base = 10;
      boolean foundBase = false;
      if (n.charAt(0) == '0') {
        if (n.length() == 1) {
          return 0;
        }
        i = 1;
        if (n.charAt(1) == 'x' || n.charAt(1) == 'X') {
          base = 16;
          i = 2;
        } else {
          base = 8;
        }
        foundBase = true;
      }
      long value = 0;
      for (; i < n.length(); i++) {
        char c = n.charAt(i);
        if (c == '#') {
          if (foundBase) {
            throw failAt("invalid number", start);
          }
          if (value < 2 || value > 64) {
            throw failAt("invalid arithmetic base", start);
          }
          base = (int) value;
          value = 0;
          foundBase = true;
          if (i + 1 >= n.length()) {
            throw failAt("invalid integer constant", start);
          }
          continue;
        }
        int d = digit(c, base);
        if (d < 0) {
          throw failAt("value too great for base", start);
        }
        value = value * base + d;
      }
      return value;
    }

    /** A digit of bash's bases: 0-9, a-z, A-Z (case-blind up to 36), {@code @}, {@code _}. */
    private int digit(char c, int base) {
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c >= 'a' && c <= 'z') {
        d = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'Z') {
        d = c - 'A' + (base <= 36 ? 10 : 36);
      } else if (c == '@') {
        d = 62;
      } else if (c == '_') {
        d = 63;
      } else {
        return -1;
      }
      return d < base ? d : -1;
    }

    // ---- grammar, lowest precedence first ----------------------------------------------------

    long top() {
      return dash() ? assignment() : comma();
    }

    private long comma() {
      long value = assignment();
      while (at().is(",")) {
        next();
        value = assignment();
      }
      return value;
    }

    private long assignment() {
      Token name = at();
      Token op = ahead(1);
      if (name.type == T.NAME && op.type == T.OP && isAssignment(op.text)) {
        next();
        next();
        long rhs = assignment();
        if (noeval > 0) {
          return rhs;
        }
        long value = op.text.equals("=") ? rhs
            : binary(op.text.substring(0, op.text.length() - 1), variable(name.text), rhs, op.start + op.text.length());
        vars.set(name.text, Long.toString(value));
        return value;
      }
      long value = conditional();
      if (!dash() && at().type == T.OP && isAssignment(at().text)) {
        throw fail(bash() ? "attempted assignment to non-variable" : SYNTAX);
      }
      return value;
    }

    private boolean isAssignment(String op) {
      return op.equals("=") || (op.length() >= 2 && op.endsWith("=") && !op.equals("==")
          && !op.equals("!=") && !op.equals("<=") && !op.equals(">="));
    }

    private long conditional() {
      long c = or();
      if (!at().is("?")) {
        return c;
      }
      next();
      if (at().type == T.EOF || at().is(":")) {
        throw fail(bash() ? "expression expected" : dash() ? "expecting primary" : SYNTAX);
      }
      noeval += c == 0 ? 1 : 0;
      long yes = dash() ? assignment() : comma();
      noeval -= c == 0 ? 1 : 0;
      if (!at().is(":")) {
        throw fail(dash() ? "expecting ':'" : bash() ? "`:' expected for conditional expression"
            : "malformed ?: operator");
      }
      next();
      if (at().type == T.EOF) {
        throw fail(bash() ? "expression expected" : dash() ? "expecting primary" : SYNTAX);
      }
      noeval += c != 0 ? 1 : 0;
      long no = conditional();
      noeval -= c != 0 ? 1 : 0;
      return c != 0 ? yes : no;
    }

    private long or() {
      long a = and();
      while (at().is("||")) {
        next();
        noeval += a != 0 ? 1 : 0;
        long b = and();
        noeval -= a != 0 ? 1 : 0;
        a = (a != 0 || b != 0) ? 1 : 0;
      }
      return a;
    }

    private long and() {
      long a = level(0);
      while (at().is("&&")) {
        next();
        noeval += a == 0 ? 1 : 0;
        long b = level(0);
        noeval -= a == 0 ? 1 : 0;
        a = (a != 0 && b != 0) ? 1 : 0;
      }
      return a;
    }

    /** The left-associative binary levels of C, {@code |} first. */
    private static final List<List<String>> LEVELS = List.of(
        List.of("|"), List.of("^"), List.of("&"), List.of("==", "!="), List.of("<", "<=", ">", ">="),
        List.of("<<", ">>"), List.of("+", "-"), List.of("*", "/", "%"));

    private long level(int k) {
      if (k == LEVELS.size()) {
        return power();
      }
      long a = level(k + 1);
      while (at().type == T.OP && LEVELS.get(k).contains(at().text)) {
        String op = next().text;
        int operandStart = at().type == T.EOF ? s.length() : at().start;
        long b = level(k + 1);
        a = noeval > 0 ? a : binary(op, a, b, operandStart);
      }
      return a;
    }

    private long power() {
      long base = unary();
      if (!at().is("**")) {
        return base;
      }
      next();
      long exponent = power();
      if (noeval > 0) {
        return base;
      }
      if (exponent < 0) {
        throw fail("exponent less than 0");
      }
      long result = 1;
      for (long e = exponent, b = base; e != 0; e >>= 1, b *= b) {
        if ((e & 1) != 0) {
          result *= b;
        }
      }
      return result;
    }

    private long unary() {
      Token t = at();
      if (t.type == T.OP) {
        switch (t.text) {
          case "!":
            next();
            return unary() == 0 ? 1 : 0;
          case "~":
            next();
            return ~unary();
          case "-":
            next();
            return -unary();
          case "+":
            next();
            return unary();
          case "++", "--":
            next();
            Token name = next();
            long value = (noeval > 0 ? 0 : variable(name.text)) + (t.text.equals("++") ? 1 : -1);
            if (noeval == 0) {
              vars.set(name.text, Long.toString(value));
            }
            return value;
          default:
            break;
        }
      }
      return primary();
    }

    private long primary() {
      Token t = at();
      if (t.is("(")) {
        if (++nesting > MAX_NESTING) {
          throw new ShellInterpreter.Crashed(); // the shells recurse here until their stack runs out
        }
        next();
        long value = top();
        nesting--;
        if (!at().is(")")) {
          throw fail(dash() ? "expecting ')'" : bash() ? "missing `)'" : SYNTAX);
        }
        next();
        return value;
      }
      if (t.type == T.NUM) {
        next();
        return t.value;
      }
      if (t.type == T.NAME) {
        next();
        if (at().is("++") || at().is("--")) {
          String op = next().text;
          if (noeval > 0) {
            return 0;
          }
          long value = variable(t.text);
          vars.set(t.text, Long.toString(value + (op.equals("++") ? 1 : -1)));
          return value;
        }
        return noeval > 0 ? 0 : variable(t.text);
      }
      throw fail(dash() ? "expecting primary" : bash() ? "syntax error: operand expected" : SYNTAX);
    }

    /** A binary operator as C computes it on {@code intmax_t}; division by zero is the shell's error. */
    private long binary(String op, long a, long b, int operandStart) {
      switch (op) {
        case "*":
          return a * b;
        case "/", "%":
          if (b == 0) {
            throw failAt(dash() ? "division by zero" : bash() ? "division by 0" : "divide by zero", operandStart);
          }
          if (b == -1) {
            return op.equals("/") ? -a : 0; // INTMAX_MIN / -1 wraps, as bash makes it
          }
          return op.equals("/") ? a / b : a % b;
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "<<":
          return a << b;
        case ">>":
          return a >> b;
        case "<":
          return a < b ? 1 : 0;
        case "<=":
          return a <= b ? 1 : 0;
        case ">":
          return a > b ? 1 : 0;
        case ">=":
          return a >= b ? 1 : 0;
        case "==":
          return a == b ? 1 : 0;
        case "!=":
          return a != b ? 1 : 0;
        case "&":
          return a & b;
        case "^":
          return a ^ b;
        case "|":
          return a | b;
        default:
          throw new IllegalStateException("no operator " + op);
      }
    }
  }
}
