package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.stream.Collectors;

/** Renders values for report lines, which must stay on one line and stay short enough to read. */
final class Texts {
  private static final int BRIEF = 160;

  private Texts() {}

  /** The text in double quotes with Java escapes, so newlines and tabs show. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** A value as compact JSON (null as {@code null}), cut to a readable length. */
  static String brief(JsonNode node) {
    return cut(node == null ? "null" : node.toString());
  }

  /** The text cut to a readable length. */
  static String cut(String s) {
    return s.length() <= BRIEF ? s : s.substring(0, BRIEF) + "...";
  }

  /** The items in brackets, comma-separated. */
  static String list(Collection<?> items) {
    return items.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
  }

  /** One line: newlines of exception messages escaped. */
  static String oneLine(String s) {
    return s == null ? "" : s.replace("\r", "\\r").replace("\n", "\\n");
  }

  /** An exception as {@code SimpleName: message}, on one line. */
  static String describe(Throwable e) {
    return e.getClass().getSimpleName() + ": " + oneLine(e.getMessage());
  }
}
