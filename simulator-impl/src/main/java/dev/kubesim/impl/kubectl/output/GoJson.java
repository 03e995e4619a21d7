package dev.kubesim.impl.kubectl.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.impl.apiserver.validation.GoFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * JSON text as Go's {@code encoding/json} writes it for kubectl: object keys sorted (objects are
 * decoded into maps), {@code MarshalIndent} layout ({@code "key": value}, empty {@code []} and
 * {@code {}}), and Go's escaping, which also escapes {@code <}, {@code >}, {@code &}, U+2028 and
 * U+2029.
 */
public final class GoJson {
  private GoJson() {}

  /** {@code json.MarshalIndent(v, "", indent)} followed by a newline, as {@code -o json} prints. */
  public static String indented(JsonNode node, String indent) {
    StringBuilder sb = new StringBuilder();
    write(node, sb, indent, 0);
    return sb.append('\n').toString();
  }

  /** {@code json.Marshal(v)}: compact. */
  public static String compact(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    write(node, sb, null, 0);
    return sb.toString();
  }

  private static void write(JsonNode node, StringBuilder sb, String indent, int depth) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      sb.append("null");
    } else if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        keys.add(it.next());
      }
      keys.sort(null); // Go sorts map keys byte-wise; keys here are ASCII
      if (keys.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append('{');
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        newline(sb, indent, depth + 1);
        string(keys.get(i), sb);
        sb.append(indent == null ? ":" : ": ");
        write(node.get(keys.get(i)), sb, indent, depth + 1);
      }
      newline(sb, indent, depth);
      sb.append('}');
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        newline(sb, indent, depth + 1);
        write(node.get(i), sb, indent, depth + 1);
      }
      newline(sb, indent, depth);
      sb.append(']');
    } else if (node.isTextual()) {
      string(node.asText(), sb);
    } else {
      sb.append(node.toString());
    }
  }

  private static void newline(StringBuilder sb, String indent, int depth) {
    if (indent != null) {
      sb.append('\n').append(indent.repeat(depth));
    }
  }

  /** A Go-escaped JSON string literal, as {@code encoding/json} writes it. */
  static void string(String s, StringBuilder sb) {
    GoFormat.appendJsonString(sb, s);
  }
}
