package dev.kubesim.impl.kubectl.output;

import dev.kubesim.impl.apiserver.validation.GoFormat;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's {@code fmt} ({@code Sprint}, {@code Sprintln}, {@code Sprintf}) and {@code strconv}
 * quoting for the values a template sees: JSON decoded into Go's generic types ({@code nil},
 * {@code bool}, {@code float64}, {@code string}, {@code map[string]interface {}}, {@code
 * []interface {}}, and {@code int64} for whole numbers, as apimachinery's JSON decoding makes
 * them), plus the {@code int} and {@code uint8} that constants and functions make. In Java they are
 * {@code null}, {@link Boolean}, {@link Double}, {@link String}, {@link Map}, {@link List}, {@link
 * Long} (int64), {@link Int} and {@link Integer} (uint8).
 */
final class GoFmt {
  private GoFmt() {}

  /**
   * Go's {@code int}, the type of integer constants and of what {@code len} returns.
   *
   * @param value the number
   */
  record Int(long value) {}

  /** An integer argument's value ({@code int}, {@code int64} or {@code uint8}), or null for any other. */
  static Long integer(Object o) {
    if (o instanceof Int n) {
      return n.value();
    }
    if (o instanceof Long l) {
      return l;
    }
    if (o instanceof Integer i) {
      return i.longValue();
    }
    return null;
  }

  // ---- types ----

  /** Go's name of the value's dynamic type ({@code %T}). */
  static String typeName(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Long) {
      return "int64";
    }
    if (v instanceof Int) {
      return "int";
    }
    if (v instanceof Integer) {
      return "uint8";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Map) {
      return "map[string]interface {}";
    }
    if (v instanceof List) {
      return "[]interface {}";
    }
    return v.getClass().getSimpleName();
  }

  // ---- strconv ----

  /** {@code strconv.Quote}. */
  static String quote(String s) {
    return GoFormat.quote(s);
  }

  /** {@code %#U}-like text of a rune for lexer errors: {@code U+007D '}'}. */
  static String unicodeVerb(int r, boolean sharp) {
    if (r < 0) {
      return "U+FFFFFFFFFFFFFFFF";
    }
    String hex = Integer.toHexString(r).toUpperCase(java.util.Locale.ROOT);
    StringBuilder sb = new StringBuilder("U+").append("0".repeat(Math.max(0, 4 - hex.length()))).append(hex);
    if (sharp && isPrint(r)) {
      sb.append(" '").appendCodePoint(r).append('\'');
    }
    return sb.toString();
  }

  static boolean isPrint(int r) {
    if (r == ' ') {
      return true;
    }
    String q = GoFormat.quote(new String(Character.toChars(r)));
    return q.length() == 2 + Character.charCount(r) && !q.startsWith("\"\\");
  }

  /**
   * {@code strconv.Unquote} of a double-quoted or back-quoted literal.
   *
   * @throws IllegalArgumentException for invalid syntax
   */
  static String unquote(String q) {
    if (q.length() < 2) {
      throw new IllegalArgumentException("invalid syntax");
    }
    char quote = q.charAt(0);
    if (quote != q.charAt(q.length() - 1)) {
      throw new IllegalArgumentException("invalid syntax");
    }
    String body = q.substring(1, q.length() - 1);
    if (quote == '`') {
      if (body.indexOf('`') >= 0) {
        throw new IllegalArgumentException("invalid syntax");
      }
      return body.replace("\r", "");
    }
    if (quote != '"') {
      throw new IllegalArgumentException("invalid syntax");
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '"' || c == '\n') {
        throw new IllegalArgumentException("invalid syntax");
      }
      if (c != '\\') {
        sb.append(c);
        i++;
        continue;
      }
      int[] r = unquoteChar(body.substring(i), '"');
      if (r[2] >= 0) {
        sb.append((char) r[2]); // a single byte escape \x or octal: Latin-1 approximation of the byte
      } else {
        sb.appendCodePoint(r[0]);
      }
      i += r[1];
    }
    return sb.toString();
  }

  /**
   * {@code strconv.UnquoteChar}: the rune at the start of {@code s} (an escape or a character),
   * as {rune, chars consumed, byte value or -1}.
   */
  static int[] unquoteChar(String s, char quote) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("invalid syntax");
    }
    char c = s.charAt(0);
    if (c == quote && (quote == '\'' || quote == '"')) {
      throw new IllegalArgumentException("invalid syntax");
    }
    if (c != '\\') {
      int cp = s.codePointAt(0);
      return new int[] {cp, Character.charCount(cp), -1};
    }
    if (s.length() < 2) {
      throw new IllegalArgumentException("invalid syntax");
    }
    char e = s.charAt(1);
    switch (e) {
      case 'a':
        return new int[] {7, 2, -1};
      case 'b':
        return new int[] {8, 2, -1};
      case 'f':
        return new int[] {12, 2, -1};
      case 'n':
        return new int[] {10, 2, -1};
      case 'r':
        return new int[] {13, 2, -1};
      case 't':
        return new int[] {9, 2, -1};
      case 'v':
        return new int[] {11, 2, -1};
      case '\\':
        return new int[] {'\\', 2, -1};
      case '\'':
      case '"':
        if (e != quote) {
          throw new IllegalArgumentException("invalid syntax");
        }
        return new int[] {e, 2, -1};
      case 'x':
      case 'u':
      case 'U': {
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (s.length() < 2 + n) {
          throw new IllegalArgumentException("invalid syntax");
        }
        int v;
        try {
          v = (int) Long.parseLong(s.substring(2, 2 + n), 16);
        } catch (NumberFormatException ex) {
          throw new IllegalArgumentException("invalid syntax");
        }
        if (s.substring(2, 2 + n).startsWith("+") || s.substring(2, 2 + n).startsWith("-")) {
          throw new IllegalArgumentException("invalid syntax");
        }
        if (e == 'x') {
          return new int[] {v, 4, v};
        }
        if (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) {
          throw new IllegalArgumentException("invalid syntax");
        }
        return new int[] {v, 2 + n, -1};
      }
      default:
        if (e >= '0' && e <= '7') {
          if (s.length() < 4) {
            throw new IllegalArgumentException("invalid syntax");
          }
          int v = 0;
          for (int j = 1; j < 4; j++) {
            char d = s.charAt(j);
            if (d < '0' || d > '7') {
              throw new IllegalArgumentException("invalid syntax");
            }
            v = v * 8 + (d - '0');
          }
          if (v > 255) {
            throw new IllegalArgumentException("invalid syntax");
          }
          return new int[] {v, 4, v};
        }
        throw new IllegalArgumentException("invalid syntax");
    }
  }

  // ---- Sprint / Sprintln ----

  /** {@code fmt.Sprint}: spaces between operands when neither side is a string. */
  static String sprint(List<Object> args) {
    StringBuilder sb = new StringBuilder();
    boolean prevString = false;
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      boolean isString = a instanceof String;
      if (i > 0 && !isString && !prevString) {
        sb.append(' ');
      }
      new Printer(sb).printArg(a, 'v');
      prevString = isString;
    }
    return sb.toString();
  }

  /** {@code fmt.Sprintln}: spaces between all operands, a newline at the end. */
  static String sprintln(List<Object> args) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      new Printer(sb).printArg(args.get(i), 'v');
    }
    return sb.append('\n').toString();
  }

  /** {@code fmt.Sprint} of one value ({@code %v}). */
  static String v(Object value) {
    StringBuilder sb = new StringBuilder();
    new Printer(sb).printArg(value, 'v');
    return sb.toString();
  }

  /** {@code fmt.Sprintf}. */
  static String sprintf(String format, List<Object> args) {
    StringBuilder sb = new StringBuilder();
    Printer p = new Printer(sb);
    int[] st = {0, 0}; // argNum, i
    boolean reordered = false;
    int end = format.length();
    while (st[1] < end) {
      boolean goodArgNum = true;
      int lasti = st[1];
      while (st[1] < end && format.charAt(st[1]) != '%') {
        st[1]++;
      }
      if (st[1] > lasti) {
        sb.append(format, lasti, st[1]);
      }
      if (st[1] >= end) {
        break;
      }
      st[1]++;
      p.clearFlags();
      flags:
      for (; st[1] < end; st[1]++) {
        switch (format.charAt(st[1])) {
          case '#' -> p.sharp = true;
          case '0' -> p.zero = !p.minus;
          case '+' -> p.plus = true;
          case '-' -> {
            p.minus = true;
            p.zero = false;
          }
          case ' ' -> p.space = true;
          default -> {
            break flags;
          }
        }
      }
      int found = argNumber(st, format, args.size());
      boolean afterIndex = found != 0;
      reordered |= found != 0;
      goodArgNum &= found != -1;
      // width
      if (st[1] < end && format.charAt(st[1]) == '*') {
        st[1]++;
        Long w = st[0] < args.size() ? integer(args.get(st[0])) : null;
        if (w != null && !tooLarge(w)) {
          p.wid = (int) (long) w;
          p.widPresent = true;
          if (p.wid < 0) {
            p.wid = -p.wid;
            p.minus = true;
            p.zero = false;
          }
        } else {
          sb.append("%!(BADWIDTH)");
        }
        st[0]++;
        afterIndex = false;
      } else {
        int[] num = parsenum(format, st);
        if (num[1] == 1) {
          p.wid = num[0];
          p.widPresent = true;
          if (afterIndex) {
            goodArgNum = false;
          }
        }
      }
      // precision
      if (st[1] + 1 < end && format.charAt(st[1]) == '.') {
        st[1]++;
        if (afterIndex) {
          goodArgNum = false;
        }
        found = argNumber(st, format, args.size());
        afterIndex = found != 0;
        reordered |= found != 0;
        goodArgNum &= found != -1;
        if (st[1] < end && format.charAt(st[1]) == '*') {
          st[1]++;
          Long pr = st[0] < args.size() ? integer(args.get(st[0])) : null;
          if (pr != null && !tooLarge(pr)) {
            p.prec = (int) (long) pr;
            p.precPresent = true;
            if (p.prec < 0) {
              p.prec = 0;
              p.precPresent = false;
            }
          } else {
            p.precPresent = false;
          }
          if (!p.precPresent) {
            sb.append("%!(BADPREC)");
          }
          st[0]++;
          afterIndex = false;
        } else {
          int[] num = parsenum(format, st);
          p.prec = num[1] == 1 ? num[0] : 0;
          p.precPresent = true;
        }
      }
      if (!afterIndex) {
        found = argNumber(st, format, args.size());
        reordered |= found != 0;
        goodArgNum &= found != -1;
      }
      if (st[1] >= end) {
        sb.append("%!(NOVERB)");
        break;
      }
      int verb = format.codePointAt(st[1]);
      st[1] += Character.charCount(verb);
      if (verb == '%') {
        sb.append('%');
      } else if (!goodArgNum) {
        sb.append("%!").appendCodePoint(verb).append("(BADINDEX)");
      } else if (st[0] >= args.size()) {
        sb.append("%!").appendCodePoint(verb).append("(MISSING)");
      } else {
        if (verb == 'v') {
          p.sharpV = p.sharp;
          p.sharp = false;
          p.plus = false;
        }
        p.printArg(args.get(st[0]), verb);
        st[0]++;
      }
    }
    if (!reordered && st[0] < args.size()) {
      p.clearFlags();
      sb.append("%!(EXTRA ");
      for (int k = st[0]; k < args.size(); k++) {
        if (k > st[0]) {
          sb.append(", ");
        }
        Object a = args.get(k);
        if (a == null) {
          sb.append("<nil>");
        } else {
          sb.append(typeName(a)).append('=');
          p.printArg(a, 'v');
        }
      }
      sb.append(')');
    }
    return sb.toString();
  }

  private static boolean tooLarge(long x) {
    return x > 1_000_000 || x < -1_000_000;
  }

  /** fmt's {@code parsenum} at {@code st[1]}: {number, 1} or {0, 0}; a number too large ends the format. */
  private static int[] parsenum(String format, int[] st) {
    int num = 0;
    boolean isnum = false;
    while (st[1] < format.length() && format.charAt(st[1]) >= '0' && format.charAt(st[1]) <= '9') {
      if (tooLarge(num)) {
        st[1] = format.length();
        return new int[] {0, 0};
      }
      num = num * 10 + (format.charAt(st[1]) - '0');
      isnum = true;
      st[1]++;
    }
    return new int[] {num, isnum ? 1 : 0};
  }

  /**
   * fmt's {@code [n]} argument index at {@code st[1]}: 0 when there is none, 1 when it names an
   * argument (st[0] becomes it), -1 when it is bad; st[1] moves past it.
   */
  private static int argNumber(int[] st, String format, int numArgs) {
    int i = st[1];
    if (i >= format.length() || format.charAt(i) != '[') {
      return 0;
    }
    String rest = format.substring(i);
    if (rest.length() < 3) {
      st[1] = i + 1;
      return -1;
    }
    for (int k = 1; k < rest.length(); k++) {
      if (rest.charAt(k) == ']') {
        String digits = rest.substring(1, k);
        st[1] = i + k + 1;
        if (!digits.matches("[0-9]{1,6}")) {
          return -1;
        }
        int index = Integer.parseInt(digits) - 1;
        if (index >= 0 && index < numArgs) {
          st[0] = index;
          return 1;
        }
        return -1;
      }
    }
    st[1] = i + 1;
    return -1;
  }

  /** One formatting state of {@code fmt}'s printer. */
  private static final class Printer {
    private final StringBuilder buf;
    boolean plus;
    boolean minus;
    boolean sharp;
    boolean space;
    boolean zero;
    boolean sharpV;
    boolean widPresent;
    boolean precPresent;
    int wid;
    int prec;

    Printer(StringBuilder buf) {
      this.buf = buf;
    }

    void clearFlags() {
      plus = false;
      minus = false;
      sharp = false;
      space = false;
      zero = false;
      sharpV = false;
      widPresent = false;
      precPresent = false;
      wid = 0;
      prec = 0;
    }

    /** Writes s padded to the width. */
    private void pad(String s) {
      if (!widPresent || wid == 0) {
        buf.append(s);
        return;
      }
      int width = wid - s.codePointCount(0, s.length());
      if (width <= 0) {
        buf.append(s);
      } else if (minus) {
        buf.append(s).append(" ".repeat(width));
      } else {
        buf.append(String.valueOf(zero ? '0' : ' ').repeat(width)).append(s);
      }
    }

    void printArg(Object arg, int verb) {
      if (arg == null) {
        if (verb == 'T' || verb == 'v') {
          pad("<nil>");
        } else {
          badVerb(verb, null, true);
        }
        return;
      }
      if (verb == 'T') {
        pad(typeName(arg));
        return;
      }
      printValue(arg, verb, 0);
    }

    private void printValue(Object arg, int verb, int depth) {
      if (arg == null) {
        // a nil interface inside a map or slice
        if (sharpV) {
          buf.append("interface {}(nil)");
        } else {
          pad("<nil>");
        }
      } else if (arg instanceof Boolean b) {
        if (verb == 't' || verb == 'v') {
          pad(b.toString());
        } else {
          badVerb(verb, arg, false);
        }
      } else if (arg instanceof Double d) {
        fmtFloat(d, verb);
      } else if (GoFmt.integer(arg) != null) {
        fmtInteger(GoFmt.integer(arg), arg, verb);
      } else if (arg instanceof String s) {
        fmtString(s, verb);
      } else if (arg instanceof Map<?, ?> m) {
        if (sharpV) {
          buf.append("map[string]interface {}{");
        } else {
          buf.append("map[");
        }
        boolean first = true;
        for (Map.Entry<?, ?> e : sorted(m).entrySet()) {
          if (!first) {
            buf.append(sharpV ? ", " : " ");
          }
          first = false;
          printValue(e.getKey(), verb, depth + 1);
          buf.append(':');
          printValue(e.getValue(), verb, depth + 1);
        }
        buf.append(sharpV ? '}' : ']');
      } else if (arg instanceof List<?> list) {
        if (sharpV) {
          buf.append("[]interface {}{");
        } else {
          buf.append('[');
        }
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            buf.append(sharpV ? ", " : " ");
          }
          printValue(list.get(i), verb, depth + 1);
        }
        buf.append(sharpV ? '}' : ']');
      } else {
        pad(String.valueOf(arg));
      }
    }

    private void badVerb(int verb, Object arg, boolean nil) {
      buf.append("%!").appendCodePoint(verb).append('(');
      if (nil) {
        buf.append("<nil>");
      } else {
        buf.append(typeName(arg)).append('=');
        printValue(arg, 'v', 0);
      }
      buf.append(')');
    }

    private void fmtString(String s, int verb) {
      switch (verb) {
        case 'v' -> pad(sharpV ? quote(s) : truncate(s));
        case 's' -> pad(truncate(s));
        case 'q' -> pad(sharp && s.indexOf('`') < 0 && GoFormat.quote(s).equals("\"" + s + "\"") ? "`" + s + "`"
            : quote(truncate(s)));
        case 'x', 'X' -> pad(hexBytes(truncate(s).getBytes(StandardCharsets.UTF_8), verb == 'X'));
        default -> badVerb(verb, s, false);
      }
    }

    private String truncate(String s) {
      if (precPresent && s.codePointCount(0, s.length()) > prec) {
        return s.substring(0, s.offsetByCodePoints(0, prec));
      }
      return s;
    }

    private String hexBytes(byte[] bytes, boolean upper) {
      String digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < bytes.length; i++) {
        if (space && i > 0) {
          sb.append(' ');
        }
        if (sharp && (space || i == 0)) {
          sb.append(upper ? "0X" : "0x");
        }
        sb.append(digits.charAt((bytes[i] >> 4) & 0xf)).append(digits.charAt(bytes[i] & 0xf));
      }
      return sb.toString();
    }

    private void fmtInteger(long v, Object arg, int verb) {
      switch (verb) {
        case 'v', 'd' -> integer(v, 10, verb, "");
        case 'b' -> integer(v, 2, verb, sharp ? "0b" : "");
        case 'o' -> integer(v, 8, verb, sharp ? "0" : "");
        case 'O' -> integer(v, 8, verb, "0o");
        case 'x' -> integer(v, 16, verb, sharp ? "0x" : "");
        case 'X' -> integer(v, 16, verb, sharp ? "0X" : "");
        case 'c' -> pad(new String(Character.toChars(validRune(v))));
        case 'q' -> pad(quoteRune(validRune(v)));
        case 'U' -> {
          String hex = Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
          StringBuilder sb = new StringBuilder("U+").append("0".repeat(Math.max(0, 4 - hex.length()))).append(hex);
          if (sharp && v >= 0 && v <= 0x10FFFF && isPrint((int) v)) {
            sb.append(" '").appendCodePoint((int) v).append('\'');
          }
          pad(sb.toString());
        }
        default -> badVerb(verb, arg, false);
      }
    }

    private int validRune(long v) {
      if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) {
        return 0xFFFD;
      }
      return (int) v;
    }

    private String quoteRune(int r) {
      if (r == '\'') {
        return "'\\''";
      }
      if (r == '"') {
        return "'\"'";
      }
      String q = GoFormat.quote(new String(Character.toChars(r)));
      return "'" + q.substring(1, q.length() - 1) + "'";
    }

    private void integer(long v, int base, int verb, String prefix) {
      boolean negative = v < 0;
      String digits = v == Long.MIN_VALUE ? Long.toString(v, base).substring(1) : Long.toString(Math.abs(v), base);
      if (verb == 'X') {
        digits = digits.toUpperCase(java.util.Locale.ROOT);
      }
      int minDigits = 0;
      if (precPresent) {
        minDigits = prec;
        if (prec == 0 && v == 0) {
          boolean savedZero = zero;
          zero = false;
          pad("");
          zero = savedZero;
          return;
        }
      } else if (zero && !minus && widPresent) {
        minDigits = wid;
        if (negative || plus || space) {
          minDigits--;
        }
      }
      if (digits.length() < minDigits) {
        digits = "0".repeat(minDigits - digits.length()) + digits;
      }
      String sign = negative ? "-" : plus ? "+" : space ? " " : "";
      boolean savedZero = zero;
      zero = false;
      pad(sign + prefix + digits);
      zero = savedZero;
    }

    private void fmtFloat(double v, int verb) {
      switch (verb) {
        case 'v' -> floatText(v, 'g', precPresent ? prec : -1);
        case 'g', 'G', 'e', 'E', 'f', 'F' -> {
          int p = precPresent ? prec : (verb == 'g' || verb == 'G') ? -1 : 6;
          floatText(v, verb == 'F' ? 'f' : verb, p);
        }
        default -> badVerb(verb, v, false);
      }
    }

    private void floatText(double v, int verb, int precision) {
      String num;
      if (Double.isNaN(v)) {
        num = "NaN";
      } else if (Double.isInfinite(v)) {
        num = v > 0 ? "+Inf" : "-Inf";
      } else {
        num = formatFloat(v, verb, precision);
      }
      boolean hasSign = num.startsWith("-") || num.startsWith("+");
      String unsigned = hasSign ? num.substring(1) : num;
      char sign = hasSign ? num.charAt(0) : '+';
      if (space && sign == '+' && !plus) {
        sign = ' ';
      }
      if (unsigned.equals("Inf") || unsigned.equals("NaN")) {
        boolean savedZero = zero;
        zero = false;
        pad(unsigned.equals("NaN") && !space && !plus ? "NaN" : sign + unsigned);
        zero = savedZero;
        return;
      }
      if (plus || sign != '+') {
        if (zero && !minus && widPresent && wid > unsigned.length() + 1) {
          buf.append(sign).append("0".repeat(wid - unsigned.length() - 1)).append(unsigned);
          return;
        }
        pad(sign + unsigned);
        return;
      }
      pad(unsigned);
    }
  }

  private static Map<?, ?> sorted(Map<?, ?> m) {
    return m instanceof TreeMap ? m : new TreeMap<>(m);
  }

  // ---- strconv.FormatFloat ----

  /** Decimal digits (no leading or trailing zeros) and the decimal point position: value = 0.digits x 10^dp. */
  private record Decimal(String digits, int dp) {}

  private static Decimal shortest(double abs) {
    if (abs == 0) {
      return new Decimal("", 0);
    }
    BigDecimal exact = new BigDecimal(abs);
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == abs) {
        return decimal(r);
      }
    }
    return decimal(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
  }

  private static Decimal decimal(BigDecimal r) {
    if (r.signum() == 0) {
      return new Decimal("", 0);
    }
    BigDecimal s = r.stripTrailingZeros();
    String digits = s.unscaledValue().abs().toString();
    return new Decimal(digits, digits.length() - s.scale());
  }

  /** {@code strconv.FormatFloat(v, verb, prec, 64)} for the verbs e, E, f, g, G. */
  static String formatFloat(double v, int verb, int prec) {
    boolean negative = v < 0 || (v == 0 && 1 / v < 0);
    double abs = Math.abs(v);
    StringBuilder sb = new StringBuilder();
    if (negative) {
      sb.append('-');
    }
    boolean shortest = prec < 0;
    Decimal d;
    if (shortest) {
      d = shortest(abs);
    } else if (verb == 'e' || verb == 'E') {
      d = abs == 0 ? new Decimal("", 0) : decimal(new BigDecimal(abs).round(new MathContext(prec + 1, RoundingMode.HALF_EVEN)));
    } else if (verb == 'f') {
      d = decimal(new BigDecimal(abs).setScale(prec, RoundingMode.HALF_EVEN));
    } else {
      int p = prec == 0 ? 1 : prec;
      d = abs == 0 ? new Decimal("", 0) : decimal(new BigDecimal(abs).round(new MathContext(p, RoundingMode.HALF_EVEN)));
    }
    switch (verb) {
      case 'e', 'E' -> fmtE(sb, d, shortest ? Math.max(d.digits.length() - 1, 0) : prec, verb);
      case 'f' -> fmtF(sb, d, shortest ? Math.max(d.digits.length() - d.dp, 0) : prec);
      default -> {
        int eprec = shortest ? 6 : (prec == 0 ? 1 : prec);
        int digitsPrec = shortest ? d.digits.length() : (prec == 0 ? 1 : prec);
        if (!shortest && eprec > d.digits.length() && d.digits.length() >= d.dp) {
          eprec = d.digits.length();
        }
        int exp = d.dp - 1;
        if (d.digits.isEmpty()) {
          exp = -1; // zero: as strconv, dp 0
        }
        if (exp < -4 || exp >= eprec) {
          int p = digitsPrec > d.digits.length() ? d.digits.length() : digitsPrec;
          fmtE(sb, d, Math.max(p - 1, 0), verb == 'G' ? 'E' : 'e');
        } else {
          int p = digitsPrec > d.dp ? d.digits.length() : digitsPrec;
          fmtF(sb, d, Math.max(p - d.dp, 0));
        }
      }
    }
    return sb.toString();
  }

  private static void fmtE(StringBuilder sb, Decimal d, int prec, int verb) {
    sb.append(d.digits.isEmpty() ? '0' : d.digits.charAt(0));
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        sb.append(i < d.digits.length() ? d.digits.charAt(i) : '0');
      }
    }
    sb.append(verb == 'E' ? 'E' : 'e');
    int exp = d.digits.isEmpty() ? 0 : d.dp - 1;
    sb.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      sb.append('0');
    }
    sb.append(exp);
  }

  private static void fmtF(StringBuilder sb, Decimal d, int prec) {
    if (d.dp > 0) {
      int m = Math.min(d.digits.length(), d.dp);
      sb.append(d.digits, 0, m);
      for (int i = m; i < d.dp; i++) {
        sb.append('0');
      }
    } else {
      sb.append('0');
    }
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        int j = d.dp + i - 1;
        sb.append(j >= 0 && j < d.digits.length() ? d.digits.charAt(j) : '0');
      }
    }
  }
}
