package dev.kubesim.impl.kubectl.output;

import java.util.ArrayList;
import java.util.List;

/**
 * The scanner of Go's {@code text/template} (the {@code parse} package's lexer, Go 1.23): text
 * between {@code {{ }}} actions, trim markers ({@code {{- } and { -}}}), comments, and inside
 * actions the words, fields, variables, strings, numbers and punctuation. It scans the whole input
 * at once and stops at the first error, which becomes an {@link Type#ERROR} item carrying Go's
 * message.
 */
final class GoTemplateLexer {
  /** The kinds of item, in Go's order: the keywords come after {@link #KEYWORD}. */
  enum Type {
    ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, COMPLEX, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER, LEFT_DELIM, LEFT_PAREN,
    NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT, VARIABLE,
    KEYWORD, BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH
  }

  /** One scanned item: its kind, where it starts (a char index), its text, and its line. */
  record Item(Type type, int pos, String val, int line) {
    @Override
    public String toString() {
      if (type == Type.EOF) {
        return "EOF";
      }
      if (type == Type.ERROR) {
        return val;
      }
      if (type.ordinal() > Type.KEYWORD.ordinal()) {
        return "<" + val + ">";
      }
      if (val.codePointCount(0, val.length()) > 10) {
        int end = val.offsetByCodePoints(0, 10);
        return GoFmt.quote(val.substring(0, end)) + "...";
      }
      return GoFmt.quote(val);
    }
  }

  private static final String LEFT = "{{";
  private static final String RIGHT = "}}";

  private final String input;
  private final List<Item> items = new ArrayList<>();
  private final int[] lineStarts;
  private int pos;
  private int start;
  private int parenDepth;

  private GoTemplateLexer(String input) {
    this.input = input;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < input.length(); i++) {
      if (input.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Every item of the input, ending with {@link Type#EOF} or {@link Type#ERROR}. */
  static List<Item> lex(String input) {
    GoTemplateLexer l = new GoTemplateLexer(input);
    l.run();
    return l.items;
  }

  /** The 1-based line of a char index. */
  int lineOf(int index) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= index) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  private void emit(Type t) {
    items.add(new Item(t, start, input.substring(start, pos), lineOf(start)));
    start = pos;
  }

  private boolean error(String message) {
    items.add(new Item(Type.ERROR, start, message, lineOf(start)));
    return false;
  }

  private int next() {
    if (pos >= input.length()) {
      pos = input.length() + 1; // so that backup() returns to the end
      return -1;
    }
    int r = input.codePointAt(pos);
    pos += Character.charCount(r);
    return r;
  }

  private int lastWidth(int r) {
    return r < 0 ? 1 : Character.charCount(r);
  }

  private int peek() {
    return pos >= input.length() ? -1 : input.codePointAt(pos);
  }

  private void run() {
    boolean inside = false;
    while (true) {
      if (!inside) {
        int x = input.indexOf(LEFT, pos);
        if (x < 0) {
          pos = input.length();
          if (pos > start) {
            emit(Type.TEXT);
          }
          emit(Type.EOF);
          return;
        }
        int trim = hasLeftTrimMarker(x + LEFT.length()) ? rightTrimLength(start, x) : 0;
        pos = x - trim;
        if (pos > start) {
          emit(Type.TEXT);
        }
        pos = x;
        start = pos;
        // the left delimiter, perhaps a comment
        pos += LEFT.length();
        boolean trimSpace = hasLeftTrimMarker(pos);
        int afterMarker = trimSpace ? 2 : 0;
        if (input.startsWith("/*", pos + afterMarker)) {
          pos += afterMarker;
          start = pos;
          if (!lexComment()) {
            return;
          }
          continue;
        }
        emit(Type.LEFT_DELIM);
        pos += afterMarker;
        start = pos;
        parenDepth = 0;
        inside = true;
        continue;
      }
      // inside an action
      int delim = atRightDelim();
      if (delim != 0) {
        if (parenDepth != 0) {
          error("unclosed left paren");
          return;
        }
        if (delim == 2) {
          pos += 2;
          start = pos;
        }
        pos += RIGHT.length();
        emit(Type.RIGHT_DELIM);
        if (delim == 2) {
          pos += leftTrimLength(pos);
          start = pos;
        }
        inside = false;
        continue;
      }
      if (!lexInsideAction()) {
        return;
      }
    }
  }

  private boolean lexComment() {
    pos += 2;
    int x = input.indexOf("*/", pos);
    if (x < 0) {
      return error("unclosed comment");
    }
    pos = x + 2;
    int delim = atRightDelim();
    if (delim == 0) {
      return error("comment ends before closing delimiter");
    }
    if (delim == 2) {
      pos += 2;
    }
    pos += RIGHT.length();
    if (delim == 2) {
      pos += leftTrimLength(pos);
    }
    start = pos;
    return true;
  }

  /** 0: not at the right delimiter; 1: at it; 2: at it after a trim marker. */
  private int atRightDelim() {
    if (hasRightTrimMarker(pos) && input.startsWith(RIGHT, pos + 2)) {
      return 2;
    }
    return input.startsWith(RIGHT, pos) ? 1 : 0;
  }

  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
  }

  private boolean hasRightTrimMarker(int at) {
    return at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
  }

  private int rightTrimLength(int from, int to) {
    int n = 0;
    while (to - n > from && isSpace(input.charAt(to - n - 1))) {
      n++;
    }
    return n;
  }

  private int leftTrimLength(int from) {
    int n = 0;
    while (from + n < input.length() && isSpace(input.charAt(from + n))) {
      n++;
    }
    return n;
  }

  static boolean isSpace(int r) {
    return r == ' ' || r == '\t' || r == '\r' || r == '\n';
  }

  static boolean isAlphaNumeric(int r) {
    return r == '_' || (r >= 0 && (Character.isLetter(r) || Character.isDigit(r)));
  }

  private boolean lexInsideAction() {
    int r = next();
    if (r == -1) {
      pos = input.length();
      return error("unclosed action");
    }
    if (isSpace(r)) {
      pos -= 1;
      return lexSpace();
    }
    switch (r) {
      case '=':
        emit(Type.ASSIGN);
        return true;
      case ':':
        if (next() != '=') {
          return error("expected :=");
        }
        emit(Type.DECLARE);
        return true;
      case '|':
        emit(Type.PIPE);
        return true;
      case '"':
        return lexQuote('"', "unterminated quoted string", Type.STRING);
      case '`':
        return lexRawQuote();
      case '$':
        if (atTerminator()) {
          emit(Type.VARIABLE);
          return true;
        }
        return lexFieldOrVariable(Type.VARIABLE);
      case '\'':
        return lexQuote('\'', "unterminated character constant", Type.CHAR_CONSTANT);
      case '(':
        parenDepth++;
        emit(Type.LEFT_PAREN);
        return true;
      case ')':
        parenDepth--;
        if (parenDepth < 0) {
          return error("unexpected right paren");
        }
        emit(Type.RIGHT_PAREN);
        return true;
      default:
        break;
    }
    if (r == '.') {
      if (pos < input.length()) {
        char c = input.charAt(pos);
        if (c < '0' || c > '9') {
          return lexFieldOrVariable(Type.FIELD);
        }
      }
    }
    if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
      pos -= 1;
      return lexNumber();
    }
    if (isAlphaNumeric(r)) {
      pos -= lastWidth(r);
      return lexIdentifier();
    }
    if (r <= 0x7f && r >= 0x20 && r != 0x7f) {
      emit(Type.CHAR);
      return true;
    }
    return error("unrecognized character in action: " + GoFmt.unicodeVerb(r, true));
  }

  private boolean lexSpace() {
    int numSpaces = 0;
    while (isSpace(peek())) {
      pos++;
      numSpaces++;
    }
    // a trim-marked closing delimiter has a minus after a space: leave that space for it
    if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT, pos + 1)) {
      pos--;
      if (numSpaces == 1) {
        return true; // on the delimiter: the main loop takes it
      }
    }
    emit(Type.SPACE);
    return true;
  }

  private boolean lexIdentifier() {
    while (true) {
      int r = next();
      if (isAlphaNumeric(r)) {
        continue;
      }
      pos -= lastWidth(r);
      if (r == -1) {
        pos = input.length();
      }
      String word = input.substring(start, pos);
      if (!atTerminator()) {
        return error("bad character " + GoFmt.unicodeVerb(r, true));
      }
      Type keyword = keyword(word);
      if (keyword != null) {
        emit(keyword);
      } else if (word.equals("true") || word.equals("false")) {
        emit(Type.BOOL);
      } else {
        emit(Type.IDENTIFIER);
      }
      return true;
    }
  }

  private static Type keyword(String word) {
    return switch (word) {
      case "block" -> Type.BLOCK;
      case "break" -> Type.BREAK;
      case "continue" -> Type.CONTINUE;
      case "define" -> Type.DEFINE;
      case "else" -> Type.ELSE;
      case "end" -> Type.END;
      case "if" -> Type.IF;
      case "range" -> Type.RANGE;
      case "nil" -> Type.NIL;
      case "template" -> Type.TEMPLATE;
      case "with" -> Type.WITH;
      default -> null;
    };
  }

  private boolean lexFieldOrVariable(Type type) {
    if (atTerminator()) {
      emit(type == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
      return true;
    }
    int r;
    while (true) {
      r = next();
      if (!isAlphaNumeric(r)) {
        pos -= lastWidth(r);
        if (r == -1) {
          pos = input.length();
        }
        break;
      }
    }
    if (!atTerminator()) {
      return error("bad character " + GoFmt.unicodeVerb(r, true));
    }
    emit(type);
    return true;
  }

  private boolean atTerminator() {
    int r = peek();
    if (isSpace(r)) {
      return true;
    }
    switch (r) {
      case -1, '.', ',', '|', ':', ')', '(':
        return true;
      default:
        return input.startsWith(RIGHT, pos);
    }
  }

  private boolean lexQuote(char quote, String unterminated, Type type) {
    while (true) {
      int r = next();
      if (r == '\\') {
        r = next();
        if (r != -1 && r != '\n') {
          continue;
        }
        if (r == -1) {
          pos = input.length();
        }
        return error(unterminated);
      }
      if (r == -1 || r == '\n') {
        if (r == -1) {
          pos = input.length();
        }
        return error(unterminated);
      }
      if (r == quote) {
        emit(type);
        return true;
      }
    }
  }

  private boolean lexRawQuote() {
    int x = input.indexOf('`', pos);
    if (x < 0) {
      pos = input.length();
      return error("unterminated raw quoted string");
    }
    pos = x + 1;
    emit(Type.RAW_STRING);
    return true;
  }

  private boolean lexNumber() {
    if (!scanNumber()) {
      return error("bad number syntax: " + GoFmt.quote(input.substring(start, Math.min(pos, input.length()))));
    }
    int sign = peek();
    if (sign == '+' || sign == '-') {
      if (!scanNumber() || input.charAt(pos - 1) != 'i') {
        return error("bad number syntax: " + GoFmt.quote(input.substring(start, Math.min(pos, input.length()))));
      }
      emit(Type.COMPLEX);
    } else {
      emit(Type.NUMBER);
    }
    return true;
  }

  private boolean accept(String valid) {
    int r = peek();
    if (r >= 0 && valid.indexOf(r) >= 0) {
      pos += Character.charCount(r);
      return true;
    }
    return false;
  }

  private void acceptRun(String valid) {
    while (accept(valid)) {
      // absorb
    }
  }

  private boolean scanNumber() {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits.length() == 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  }
}
