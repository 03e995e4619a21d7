package dev.kubesim.impl.apiserver.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Go's printing rules, as far as Kubernetes' field errors need them: {@code strconv.Quote} ({@code
 * %q}), {@code %v} for numbers and booleans, and {@code encoding/json}'s compact output for
 * everything else (map keys sorted, {@code <>&} escaped). Used to render a {@link FieldError}'s bad
 * value exactly as {@code (*field.Error).ErrorBody()} does.
 */
public final class GoFormat {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  // Records and POJOs go through Jackson (honouring @JsonValue etc.); empty Optionals are left out,
  // approximating the omitempty tags on Kubernetes' Go types. Map keys are sorted like Go's.
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private GoFormat() {}

  /**
   * Go's {@code strconv.Quote} (the {@code %q} verb): double quotes, backslash escapes for {@code "}
   * and {@code \}, {@code \a \b \f \n \r \t \v}, {@code \xNN} for other control bytes, {@code
   * \\uNNNN}/{@code \UNNNNNNNN} for other non-printable runes; printable Unicode is kept as is.
   */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int width = Character.charCount(cp);
      if (Character.isSurrogate(s.charAt(i)) && width == 1) {
        // A lone surrogate is invalid UTF-8 to Go; Quote shows each of its (WTF-8) bytes as \xNN.
        appendHexByte(sb, 0xe0 | (cp >> 12));
        appendHexByte(sb, 0x80 | ((cp >> 6) & 0x3f));
        appendHexByte(sb, 0x80 | (cp & 0x3f));
        i += width;
        continue;
      }
      appendQuotedRune(sb, cp);
      i += width;
    }
    return sb.append('"').toString();
  }

  private static void appendQuotedRune(StringBuilder sb, int r) {
    if (r == '"' || r == '\\') {
      sb.append('\\').append((char) r);
      return;
    }
    if (isGoPrint(r)) {
      sb.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 0x07 -> sb.append("\\a");
      case '\b' -> sb.append("\\b");
      case '\f' -> sb.append("\\f");
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      case 0x0b -> sb.append("\\v");
      default -> {
        if (r < ' ' || r == 0x7f) {
          appendHexByte(sb, r);
        } else if (r < 0x10000) {
          sb.append("\\u");
          appendHex(sb, r, 4);
        } else {
          sb.append("\\U");
          appendHex(sb, r, 8);
        }
      }
    }
  }

  private static void appendHexByte(StringBuilder sb, int b) {
    sb.append("\\x").append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
  }

  private static void appendHex(StringBuilder sb, int value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX[(value >> shift) & 0xf]);
    }
  }

  /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
  private static boolean isGoPrint(int r) {
    if (r == ' ') {
      return true;
    }
    return switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  /**
   * A bad value as {@code ErrorBody()} prints it: integers, floats and booleans bare ({@code %v}),
   * strings with {@link #quote}, {@code null} as {@code null}, and anything else as compact JSON.
   * An {@link Optional} prints as its content (like a Go pointer), or {@code null} when empty.
   */
  public static String formatValue(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof Character c) {
      return quote(c.toString());
    }
    if (value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof Double d) {
      return formatFloatV(d, false);
    }
    if (value instanceof Float f) {
      return formatFloatV(f, true);
    }
    if (value instanceof Optional<?> o) {
      return o.isPresent() ? formatValue(o.get()) : "null";
    }
    if (value instanceof OptionalInt o) {
      return o.isPresent() ? Integer.toString(o.getAsInt()) : "null";
    }
    if (value instanceof OptionalLong o) {
      return o.isPresent() ? Long.toString(o.getAsLong()) : "null";
    }
    if (value instanceof OptionalDouble o) {
      return o.isPresent() ? formatFloatV(o.getAsDouble(), false) : "null";
    }
    return toJson(value);
  }

  /**
   * A bad value of a Go named string type ({@code type Protocol string}, {@code type PolicyType
   * string}): {@code ErrorBody()} prints it with {@code json.Marshal} rather than {@code %q}, since
   * only a plain {@code string} takes the {@code %q} branch; so {@code <}, {@code >} and {@code &}
   * come out as JSON's Unicode escapes.
   */
  public static Object namedString(String value) {
    return TextNode.valueOf(value);
  }

  /**
   * Compact JSON as Go's {@code json.Marshal} writes it: no spaces, map keys sorted, {@code <},
   * {@code >}, {@code &}, U+2028 and U+2029 escaped, floats in Go's shortest form. Falls back to
   * {@code String.valueOf} for values Jackson cannot serialise, as Go falls back to {@code
   * String()}.
   */
  public static String toJson(Object value) {
    JsonNode node;
    try {
      node = MAPPER.valueToTree(value);
    } catch (IllegalArgumentException e) {
      return String.valueOf(value);
    }
    StringBuilder sb = new StringBuilder();
    writeJson(sb, node);
    return sb.toString();
  }

  private static void writeJson(StringBuilder sb, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      sb.append("null");
    } else if (node.isObject()) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        appendJsonString(sb, e.getKey());
        sb.append(':');
        writeJson(sb, e.getValue());
      }
      sb.append('}');
    } else if (node.isArray()) {
      sb.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        writeJson(sb, node.get(i));
      }
      sb.append(']');
    } else if (node.isTextual()) {
      appendJsonString(sb, node.textValue());
    } else if (node.isBoolean()) {
      sb.append(node.booleanValue());
    } else if (node.isFloat()) {
      sb.append(formatFloatJson(node.floatValue(), true));
    } else if (node.isDouble()) {
      sb.append(formatFloatJson(node.doubleValue(), false));
    } else if (node.isBigDecimal()) {
      BigDecimal d = node.decimalValue();
      sb.append(d.toString());
    } else if (node.isNumber()) {
      sb.append(node.bigIntegerValue());
    } else if (node.isBinary()) {
      try {
        appendJsonString(sb, Base64.getEncoder().encodeToString(node.binaryValue()));
      } catch (java.io.IOException e) {
        sb.append("null");
      }
    } else {
      appendJsonString(sb, node.asText());
    }
  }

  /** Go's {@code encoding/json} string escaping (with its default HTML-safe escaping). */
  public static void appendJsonString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> {
          sb.append("\\u");
          appendHex(sb, c, 4);
        }
        default -> {
          if (c < 0x20) {
            sb.append("\\u");
            appendHex(sb, c, 4);
          } else if (Character.isSurrogate(c)
              && !(Character.isHighSurrogate(c)
                  && i + 1 < s.length()
                  && Character.isLowSurrogate(s.charAt(i + 1)))
              && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
            // Invalid UTF-8 becomes U+FFFD in Go's encoder.
            sb.append("\\ufffd");
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Go's {@code %v} for a float: {@code %g} with the shortest digits ({@code 1e+06}, {@code 1.5}). */
  static String formatFloatV(double v, boolean is32) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    Digits d = Digits.of(v, is32);
    int exp = d.decimalPoint - 1;
    // strconv: with shortest precision, %g switches to %e when exp < -4 || exp >= 6.
    if (d.isZero() || (exp >= -4 && exp < 6)) {
      return d.sign() + d.fixed();
    }
    return d.sign() + d.exponential();
  }

  /** Go's {@code encoding/json} float: plain unless |v| < 1e-6 or >= 1e21, {@code e-7} not 07. */
  static String formatFloatJson(double v, boolean is32) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "null"; // Go refuses these; null keeps the output well-formed
    }
    Digits d = Digits.of(v, is32);
    double abs = Math.abs(v);
    boolean exponential = abs != 0 && (abs < 1e-6 || abs >= 1e21);
    if (!exponential) {
      return d.sign() + d.fixed();
    }
    String e = d.exponential();
    // Go trims a leading zero from a negative two-digit exponent: 1e-07 becomes 1e-7.
    int n = e.length();
    if (n >= 4 && e.charAt(n - 4) == 'e' && e.charAt(n - 3) == '-' && e.charAt(n - 2) == '0') {
      e = e.substring(0, n - 2) + e.charAt(n - 1);
    }
    return d.sign() + e;
  }

  /** The shortest decimal digits of a float and where the decimal point falls among them. */
  private record Digits(boolean negative, String digits, int decimalPoint) {
    static Digits of(double v, boolean is32) {
      boolean negative = v < 0 || (v == 0 && 1 / v < 0);
      double abs = Math.abs(v);
      if (abs == 0) {
        return new Digits(negative, "0", 1);
      }
      // Java's toString gives a (near-)shortest round-tripping representation, like strconv's -1.
      String repr = is32 ? Float.toString((float) abs) : Double.toString(abs);
      BigDecimal bd = new BigDecimal(repr).stripTrailingZeros();
      String digits = bd.unscaledValue().toString();
      return new Digits(negative, digits, digits.length() - bd.scale());
    }

    boolean isZero() {
      return digits.equals("0");
    }

    String sign() {
      return negative ? "-" : "";
    }

    String fixed() {
      if (decimalPoint <= 0) {
        return "0." + "0".repeat(-decimalPoint) + digits;
      }
      if (decimalPoint >= digits.length()) {
        return digits + "0".repeat(decimalPoint - digits.length());
      }
      return digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
    }

    String exponential() {
      StringBuilder sb = new StringBuilder().append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      int exp = decimalPoint - 1;
      sb.append('e').append(exp < 0 ? '-' : '+');
      int absExp = Math.abs(exp);
      if (absExp < 10) {
        sb.append('0');
      }
      return sb.append(absExp).toString();
    }
  }
}
