package dev.kubesim.impl.kubectl.output;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which strings go-yaml v2 must quote because, written plain, they would read back as something
 * else ({@code resolve}): booleans and nulls of YAML 1.1 ({@code yes}, {@code on}, {@code ~}),
 * integers in any base, floats, base-60 numbers and timestamps.
 */
final class YamlScalars {
  private static final Set<String> SPECIAL =
      Set.of(
          "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE",
          "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE",
          "~", "null", "Null", "NULL",
          ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF");
  private static final Pattern YAML_FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
  private static final Pattern BASE60_FLOAT = Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
              + "(([Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2}))"
              + "|( [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?))?$");
  private static final Pattern GO_FLOAT_WORDS = Pattern.compile("(?i)^[+-]?(inf|infinity|nan)$");

  private YamlScalars() {}

  /** Whether a plain scalar with this text would resolve to a non-string (or is a base-60 float). */
  static boolean needsQuotes(String s) {
    if (s.isEmpty()) {
      return true; // the empty plain scalar is null
    }
    if (BASE60_FLOAT.matcher(s).matches()) {
      return true;
    }
    char c = s.charAt(0);
    boolean hinted = "+-0123456789yYnNtTfFoO~.".indexOf(c) >= 0;
    if (!hinted) {
      return false;
    }
    if (SPECIAL.contains(s)) {
      return true;
    }
    if (c == '.') {
      return isGoFloat(s);
    }
    if ("+-0123456789".indexOf(c) < 0) {
      return false; // letters were only looked up in the map
    }
    if (TIMESTAMP.matcher(s).matches()) {
      return true;
    }
    String plain = s.replace("_", "");
    if (isGoInt(plain)) {
      return true;
    }
    if (YAML_FLOAT.matcher(plain).matches()) {
      return true;
    }
    return plain.matches("-?0b[01]+");
  }

  /** Go's {@code strconv.ParseInt(s, 0, 64)} or {@code ParseUint} accepting the text. */
  private static boolean isGoInt(String s) {
    String body = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    if (body.isEmpty()) {
      return false;
    }
    String lower = body.toLowerCase();
    if (lower.startsWith("0x")) {
      return body.length() > 2 && body.substring(2).matches("[0-9a-fA-F]+") && body.length() <= 18;
    }
    if (lower.startsWith("0o")) {
      return body.length() > 2 && body.substring(2).matches("[0-7]+") && body.length() <= 23;
    }
    if (lower.startsWith("0b")) {
      return body.length() > 2 && body.substring(2).matches("[01]+") && body.length() <= 66;
    }
    if (body.startsWith("0") && body.length() > 1) {
      return body.matches("[0-7]+") && body.length() <= 22;
    }
    return body.matches("[0-9]+") && body.length() <= 19;
  }

  /** Go's {@code strconv.ParseFloat} for a text starting with a dot. */
  private static boolean isGoFloat(String s) {
    return YAML_FLOAT.matcher(s).matches() || GO_FLOAT_WORDS.matcher(s).matches();
  }
}
