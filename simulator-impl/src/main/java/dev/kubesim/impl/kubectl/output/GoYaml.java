package dev.kubesim.impl.kubectl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * YAML text as kubectl's {@code -o yaml} prints it (sigs.k8s.io/yaml over go-yaml v2): keys in
 * go-yaml's order at every level, two-space indentation, sequences written at the indentation of
 * their parent key ({@code - name: x}), strings quoted only where a plain scalar would be misread,
 * multi-line strings as literal blocks, and long lines folded at spaces past column 80 as go-yaml's
 * emitter does.
 */
public final class GoYaml {
  /** go-yaml's {@code best_width}: a plain or quoted line is folded at the next space after it. */
  private static final int BEST_WIDTH = 80;

  private final StringBuilder sb = new StringBuilder();
  private int column;

  private GoYaml() {}

  /** The document for one JSON tree (an object, as API objects are). */
  public static String write(JsonNode root) {
    GoYaml y = new GoYaml();
    if (root.isObject() && !root.isEmpty()) {
      y.mapping(root, 0, false);
    } else if (root.isArray() && !root.isEmpty()) {
      y.sequence(root, 0, false);
    } else {
      y.value(root, 0, false);
      y.endLine();
    }
    return y.sb.toString();
  }

  private void mapping(JsonNode node, int indent, boolean inline) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    keys.sort(YamlKeyOrder.INSTANCE);
    boolean first = true;
    for (String key : keys) {
      if (!(first && inline)) {
        spaces(indent);
      }
      first = false;
      string(key, indent + 2, false);
      put(":");
      JsonNode v = node.get(key);
      if (v.isObject() && !v.isEmpty()) {
        endLine();
        mapping(v, indent + 2, false);
      } else if (v.isArray() && !v.isEmpty()) {
        endLine();
        sequence(v, indent, false);
      } else {
        put(" ");
        value(v, indent + 2, true);
        endLine();
      }
    }
  }

  private void sequence(JsonNode node, int indent, boolean inline) {
    boolean first = true;
    for (JsonNode item : node) {
      if (!(first && inline)) {
        spaces(indent);
      }
      first = false;
      put("- ");
      if (item.isObject() && !item.isEmpty()) {
        mapping(item, indent + 2, true);
      } else if (item.isArray() && !item.isEmpty()) {
        sequence(item, indent + 2, true);
      } else {
        value(item, indent + 2, true);
        endLine();
      }
    }
  }

  private void value(JsonNode v, int indent, boolean allowBreaks) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      put("null");
    } else if (v.isObject()) {
      put("{}");
    } else if (v.isArray()) {
      put("[]");
    } else if (v.isTextual()) {
      string(v.asText(), indent, allowBreaks);
    } else {
      put(v.toString());
    }
  }

  /** Chooses the style go-yaml's encoder and emitter choose, then writes the scalar. */
  private void string(String s, int indent, boolean allowBreaks) {
    Analysis a = Analysis.of(s);
    if (s.indexOf('\n') >= 0) {
      if (a.blockAllowed && allowBreaks) {
        literal(s, indent);
      } else {
        doubleQuoted(s, indent, allowBreaks);
      }
    } else if (YamlScalars.needsQuotes(s)) {
      doubleQuoted(s, indent, allowBreaks);
    } else if (a.blockPlainAllowed) {
      plain(s, indent, allowBreaks);
    } else if (a.singleQuotedAllowed) {
      singleQuoted(s, indent, allowBreaks);
    } else {
      doubleQuoted(s, indent, allowBreaks);
    }
  }

  private void plain(String s, int indent, boolean allowBreaks) {
    boolean spaces = false;
    int[] cps = s.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      if (cps[i] == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && !(i + 1 < cps.length && cps[i + 1] == ' ')) {
          writeIndent(indent);
        } else {
          putCodePoint(' ');
        }
        spaces = true;
      } else {
        putCodePoint(cps[i]);
        spaces = false;
      }
    }
  }

  private void singleQuoted(String s, int indent, boolean allowBreaks) {
    put("'");
    boolean spaces = false;
    int[] cps = s.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      if (cps[i] == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i != 0 && i != cps.length - 1
            && !(i + 1 < cps.length && cps[i + 1] == ' ')) {
          writeIndent(indent);
        } else {
          putCodePoint(' ');
        }
        spaces = true;
      } else {
        if (cps[i] == '\'') {
          putCodePoint('\'');
        }
        putCodePoint(cps[i]);
        spaces = false;
      }
    }
    put("'");
  }

  private void doubleQuoted(String s, int indent, boolean allowBreaks) {
    put("\"");
    boolean spaces = false;
    int[] cps = s.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (!Analysis.printable(c) || c == 0xFEFF || c == '\n' || c == '\r' || c == 0x85 || c == 0x2028
          || c == 0x2029 || c == '"' || c == '\\') {
        put(escape(c));
        spaces = false;
      } else if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i != 0 && i != cps.length - 1) {
          writeIndent(indent);
          if (i + 1 < cps.length && cps[i + 1] == ' ') {
            put("\\");
          }
        } else {
          putCodePoint(' ');
        }
        spaces = true;
      } else {
        putCodePoint(c);
        spaces = false;
      }
    }
    put("\"");
  }

  private static String escape(int c) {
    return switch (c) {
      case 0 -> "\\0";
      case 0x07 -> "\\a";
      case 0x08 -> "\\b";
      case 0x09 -> "\\t";
      case 0x0A -> "\\n";
      case 0x0B -> "\\v";
      case 0x0C -> "\\f";
      case 0x0D -> "\\r";
      case 0x1B -> "\\e";
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case 0x85 -> "\\N";
      case 0xA0 -> "\\_";
      case 0x2028 -> "\\L";
      case 0x2029 -> "\\P";
      default -> c <= 0xFF ? String.format("\\x%02X", c) : c <= 0xFFFF ? String.format("\\u%04X", c) : String.format("\\U%08X", c);
    };
  }

  /** A literal block ({@code |}, {@code |-}, {@code |+}, with an indentation hint after a leading blank). */
  private void literal(String s, int indent) {
    put("|");
    if (s.startsWith(" ") || s.startsWith("\n")) {
      put("2");
    }
    if (!s.endsWith("\n")) {
      put("-");
    } else if (s.length() == 1 || s.charAt(s.length() - 2) == '\n') {
      put("+");
    }
    newline();
    boolean breaks = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        newline();
        breaks = true;
      } else {
        if (breaks) {
          spaces(indent);
          breaks = false;
        }
        sb.append(c);
        column++;
      }
    }
  }

  private void writeIndent(int indent) {
    newline();
    spaces(indent);
  }

  private void spaces(int n) {
    for (int i = 0; i < n; i++) {
      sb.append(' ');
    }
    column += n;
  }

  private void endLine() {
    if (column > 0) {
      newline();
    }
  }

  private void newline() {
    sb.append('\n');
    column = 0;
  }

  private void put(String s) {
    sb.append(s);
    column += s.codePointCount(0, s.length());
  }

  private void putCodePoint(int cp) {
    sb.appendCodePoint(cp);
    column++;
  }

  /** go-yaml's {@code yaml_emitter_analyze_scalar}, reduced to the block context kubectl uses. */
  private record Analysis(boolean blockPlainAllowed, boolean singleQuotedAllowed, boolean blockAllowed) {
    static Analysis of(String s) {
      if (s.isEmpty()) {
        return new Analysis(true, true, false);
      }
      boolean blockIndicators = s.startsWith("---") || s.startsWith("...");
      boolean leadingSpace = false;
      boolean leadingBreak = false;
      boolean trailingSpace = false;
      boolean trailingBreak = false;
      boolean breakSpace = false;
      boolean spaceBreak = false;
      boolean previousSpace = false;
      boolean previousBreak = false;
      boolean lineBreaks = false;
      boolean special = false;
      int[] cps = s.codePoints().toArray();
      boolean precededByWhitespace = true;
      for (int i = 0; i < cps.length; i++) {
        int c = cps[i];
        boolean followedByWhitespace = i + 1 >= cps.length || blank(cps[i + 1]);
        if (i == 0) {
          switch (c) {
            case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> blockIndicators = true;
            case '?', ':', '-' -> {
              if (followedByWhitespace) {
                blockIndicators = true;
              }
            }
            default -> {}
          }
        } else {
          if (c == ':' && followedByWhitespace) {
            blockIndicators = true;
          }
          if (c == '#' && precededByWhitespace) {
            blockIndicators = true;
          }
        }
        if (!printable(c) || c == 0xFEFF) {
          special = true;
        }
        if (c == ' ') {
          if (i == 0) {
            leadingSpace = true;
          }
          if (i == cps.length - 1) {
            trailingSpace = true;
          }
          if (previousBreak) {
            breakSpace = true;
          }
          previousSpace = true;
          previousBreak = false;
        } else if (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029) {
          lineBreaks = true;
          if (i == 0) {
            leadingBreak = true;
          }
          if (i == cps.length - 1) {
            trailingBreak = true;
          }
          if (previousSpace) {
            spaceBreak = true;
          }
          previousBreak = true;
          previousSpace = false;
        } else {
          previousSpace = false;
          previousBreak = false;
        }
        precededByWhitespace = blank(c);
      }
      boolean plain = true;
      boolean single = true;
      boolean block = true;
      if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
        plain = false;
      }
      if (trailingSpace) {
        block = false;
      }
      if (breakSpace) {
        plain = false;
        single = false;
      }
      if (spaceBreak || special) {
        plain = false;
        single = false;
        block = false;
      }
      if (lineBreaks || blockIndicators) {
        plain = false;
      }
      return new Analysis(plain, single, block);
    }

    private static boolean blank(int c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    static boolean printable(int c) {
      return c == 0x0A || (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
  }
}
