package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The small part of Perl that {@link Perl} runs, compiled before it runs as perl does (so code it
 * cannot run fails before any output): statements of {@code print}, {@code say}, {@code warn},
 * {@code die} and {@code exit} with lists of literals, {@code .} concatenation and {@code bpi}, and
 * the common pragmas.
 */
final class PerlScript {
  /** Code outside the part kubesim runs. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what);
    }
  }

  /** One statement, ready to run. */
  private record Statement(String verb, String handle, List<Term> list, int line) {}

  /** A value of a list: a literal's text, or {@code bpi} of a number of digits. */
  private record Term(String text, int piDigits, boolean method) {}

  private final String source;
  private final boolean lineEnding;
  private final List<Statement> statements = new ArrayList<>();
  private boolean bpiImported;
  private boolean bigFloatLoaded;
  private boolean features;

  private PerlScript(String source, boolean lineEnding, boolean bpiImported, boolean bigFloatLoaded, boolean features) {
    this.source = source;
    this.lineEnding = lineEnding;
    this.bpiImported = bpiImported;
    this.bigFloatLoaded = bigFloatLoaded;
    this.features = features;
  }

  /**
   * Compiles a program.
   *
   * @param source {@code -e}, {@code -} or the script's name, as perl names it in messages
   * @param lineEnding {@code -l}: every {@code print} ends with a newline
   * @param bpiImported {@code -Mbignum=bpi}
   * @param bigFloatLoaded {@code -MMath::BigFloat} or {@code -Mbignum}: {@code Math::BigFloat->bpi} is there
   * @param features {@code -E}: {@code say} is known
   */
  static PerlScript compile(String program, String source, boolean lineEnding, boolean bpiImported,
      boolean bigFloatLoaded, boolean features) throws Unsupported {
    PerlScript p = new PerlScript(source, lineEnding, bpiImported, bigFloatLoaded, features);
    int line = 1;
    int startLine = 1;
    char quote = 0;
    StringBuilder text = new StringBuilder();
    boolean blank = true; // the statement so far is only white space
    int lineStart = 0; // where the current line starts in the statement
    for (int i = 0; i < program.length(); i++) {
      char c = program.charAt(i);
      if (quote != 0) {
        text.append(c);
        if (c == '\\' && i + 1 < program.length()) {
          text.append(program.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '#') {
        while (i + 1 < program.length() && program.charAt(i + 1) != '\n') {
          i++; // a comment, to the end of its line
        }
      } else if (c == ';') {
        p.add(text.toString(), startLine);
        text.setLength(0);
        blank = true;
        lineStart = 0;
        startLine = line;
        continue;
      } else {
        if (c == '\'' || c == '"') {
          quote = c;
        }
        if (blank && !Character.isWhitespace(c)) {
          startLine = line;
          blank = false;
        }
        text.append(c);
      }
      if (c == '\n') {
        line++;
        String last = text.substring(lineStart).strip();
        if (last.equals("__END__") || last.equals("__DATA__")) {
          p.add(text.substring(0, lineStart), startLine);
          return p; // what follows is data, not code
        }
        lineStart = text.length();
      }
    }
    if (quote != 0) {
      throw new Unsupported("an unterminated string");
    }
    p.add(text.toString(), startLine);
    return p;
  }

  private void add(String statement, int line) throws Unsupported {
    String s = statement.strip();
    if (s.isEmpty()) {
      return;
    }
    String verb = s.split("[\\s(]", 2)[0];
    String rest = s.substring(verb.length()).strip();
    switch (verb) {
      case "use", "no" -> pragma(rest);
      case "print", "say", "warn", "die" -> {
        if (verb.equals("say") && !features) {
          throw new Unsupported("say without the feature");
        }
        String handle = "STDOUT";
        if (rest.startsWith("(") && closingParen(rest, 0) == rest.length() - 1) {
          rest = rest.substring(1, rest.length() - 1).strip();
        }
        if ((verb.equals("print") || verb.equals("say")) && (rest.startsWith("STDERR") || rest.startsWith("STDOUT"))
            && (rest.length() == 6 || Character.isWhitespace(rest.charAt(6)))) {
          handle = rest.substring(0, 6);
          rest = rest.substring(6).strip();
        }
        statements.add(new Statement(verb, handle, new ListParser(rest).list(), line));
      }
      case "exit" -> {
        List<Term> code = new ListParser(rest.startsWith("(") && rest.endsWith(")") ? rest.substring(1, rest.length() - 1) : rest)
            .list();
        if (code.size() > 1 || code.stream().anyMatch(t -> t.piDigits() > 0)) {
          throw new Unsupported("exit " + rest);
        }
        statements.add(new Statement("exit", "", code, line));
      }
      default -> throw new Unsupported(abbreviate(s));
    }
  }

  /** {@code use strict}, {@code use warnings}, {@code use feature}, {@code use v5.36}, {@code use bignum qw(bpi)}. */
  private void pragma(String rest) throws Unsupported {
    String module = rest.split("\\s", 2)[0];
    switch (module) {
      case "strict", "warnings", "utf8", "bigint" -> { }
      case "Math::BigFloat" -> bigFloatLoaded = true;
      case "feature" -> features = true;
      case "bignum", "bigrat", "bigfloat" -> {
        bigFloatLoaded = true;
        bpiImported |= rest.matches(".*\\bbpi\\b.*");
      }
      default -> {
        if (module.matches("v?5(\\.\\d+)*")) {
          features = true;
        } else {
          throw new Unsupported("use " + abbreviate(rest));
        }
      }
    }
  }

  /** Runs the compiled statements. */
  ExecResult execute() {
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    for (Statement st : statements) {
      String value;
      if (st.verb().equals("exit")) {
        int code = st.list().isEmpty() ? 0 : (int) Double.parseDouble(st.list().get(0).text());
        return ExecResult.of(out.toString(), err.toString(), code & 0xff);
      }
      StringBuilder joined = new StringBuilder();
      for (Term t : st.list()) {
        if (t.piDigits() > 0 && !(t.method() ? bigFloatLoaded : bpiImported)) {
          err.append(t.method()
              ? "Can't locate object method \"bpi\" via package \"Math::BigFloat\" (perhaps you forgot to load \"Math::BigFloat\"?)"
              : "Undefined subroutine &main::bpi called").append(" at ").append(source).append(" line ").append(st.line())
              .append(".\n");
          return ExecResult.of(out.toString(), err.toString(), 255);
        }
        joined.append(t.piDigits() > 0 ? PiDigits.pi(t.piDigits()).toPlainString() : t.text());
      }
      value = joined.toString();
      switch (st.verb()) {
        case "print" -> (st.handle().equals("STDERR") ? err : out).append(value).append(lineEnding ? "\n" : "");
        case "say" -> (st.handle().equals("STDERR") ? err : out).append(value).append('\n');
        case "warn" -> err.append(located(value.isEmpty() ? "Warning: something's wrong" : value, st.line()));
        default -> {
          err.append(located(value.isEmpty() ? "Died" : value, st.line()));
          return ExecResult.of(out.toString(), err.toString(), 255);
        }
      }
    }
    return ExecResult.of(out.toString(), err.toString(), 0);
  }

  /** A message of warn or die: where it comes from, unless it ends with a newline. */
  private String located(String message, int line) {
    return message.endsWith("\n") ? message : message + " at " + source + " line " + line + ".\n";
  }

  private static String abbreviate(String code) {
    String first = code.lines().findFirst().orElse("");
    return first.length() > 40 ? first.substring(0, 40) + "..." : first;
  }

  /** The index of the parenthesis closing the one at {@code open}, or -1. */
  private static int closingParen(String s, int open) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** A list: literals and {@code bpi} calls, joined by {@code .} into terms and by {@code ,} into the list. */
  private static final class ListParser {
    private final String s;
    private int pos;

    ListParser(String s) {
      this.s = s;
    }

    List<Term> list() throws Unsupported {
      List<Term> terms = new ArrayList<>();
      skipSpace();
      while (pos < s.length()) {
        terms.addAll(concatenation());
        skipSpace();
        if (pos < s.length()) {
          expect(',');
          skipSpace();
        }
      }
      return terms;
    }

    /** {@code a . b . c}: the terms of one value, printed one after the other. */
    private List<Term> concatenation() throws Unsupported {
      List<Term> parts = new ArrayList<>();
      parts.add(term());
      skipSpace();
      while (pos < s.length() && s.charAt(pos) == '.') {
        pos++;
        skipSpace();
        parts.add(term());
        skipSpace();
      }
      return parts;
    }

    private Term term() throws Unsupported {
      if (pos >= s.length()) {
        throw new Unsupported("an incomplete list");
      }
      char c = s.charAt(pos);
      if (c == '\'' || c == '"') {
        return new Term(string(c), 0, false);
      }
      if (Character.isDigit(c) || c == '-' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1))) {
        int start = pos++;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '_'
            || s.charAt(pos) == '.' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1))
            || (s.charAt(pos) == 'e' || s.charAt(pos) == 'E') && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1)))) {
          pos++;
        }
        try {
          return new Term(Perl.number(s.substring(start, pos)), 0, false);
        } catch (NumberFormatException e) {
          throw new Unsupported(s.substring(start, pos));
        }
      }
      if (s.startsWith("Math::BigFloat->bpi", pos)) {
        pos += "Math::BigFloat->bpi".length();
        return new Term("", digits(), true);
      }
      if (s.startsWith("bpi", pos) && (pos + 3 == s.length() || !Character.isLetterOrDigit(s.charAt(pos + 3)))) {
        pos += 3;
        return new Term("", digits(), false);
      }
      throw new Unsupported(abbreviate(s.substring(pos)));
    }

    /** bpi's argument: {@code (N)}, {@code N} or nothing (Math::BigFloat's default precision, 40 digits). */
    private int digits() throws Unsupported {
      skipSpace();
      boolean paren = pos < s.length() && s.charAt(pos) == '(';
      if (paren) {
        pos++;
        skipSpace();
      }
      int start = pos;
      while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
        pos++;
      }
      int digits = start == pos ? 40 : Integer.parseInt(s.substring(start, Math.min(pos, start + 9)));
      skipSpace();
      if (paren) {
        expect(')');
      }
      if (digits < 1 || digits > PiDigits.MAX_DIGITS) {
        throw new Unsupported("bpi of " + digits + " digits; up to " + PiDigits.MAX_DIGITS + " are computed");
      }
      return digits;
    }

    /** A quoted string's value: single quotes take {@code \\} and {@code \'} only; double quotes the escapes, no variables. */
    private String string(char quote) throws Unsupported {
      StringBuilder out = new StringBuilder();
      pos++;
      while (pos < s.length() && s.charAt(pos) != quote) {
        char c = s.charAt(pos++);
        if (c == '\\' && pos < s.length()) {
          char e = s.charAt(pos++);
          if (quote == '\'') {
            out.append(e == '\\' || e == '\'' ? "" : "\\").append(e);
            continue;
          }
          switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'a' -> out.append('\007');
            case 'e' -> out.append('\033');
            case '0' -> out.append('\0');
            default -> out.append(e);
          }
        } else if (quote == '"' && (c == '$' || c == '@') && pos < s.length()
            && (Character.isLetter(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '{')) {
          throw new Unsupported("variables");
        } else {
          out.append(c);
        }
      }
      expect(quote);
      return out.toString();
    }

    private void expect(char c) throws Unsupported {
      if (pos >= s.length() || s.charAt(pos) != c) {
        throw new Unsupported(abbreviate(s.substring(Math.min(pos, s.length()))));
      }
      pos++;
    }

    private void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }
  }
}
