package dev.kubesim.impl.kubectl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A decoded JSON value as Go's {@code fmt.Sprintf("%v", v)} prints it, which is how kubectl's
 * custom columns print what their paths find: {@code [map[ip:10.244.1.3]]} for a list of objects,
 * map keys in sorted order, {@code <nil>} for null, integers as integers.
 */
public final class GoValues {
  private GoValues() {}

  /** {@code %v} of the value decoded into Go's {@code interface{}} (integers as {@code int64}). */
  public static String format(JsonNode v) {
    StringBuilder b = new StringBuilder();
    append(b, v, 0);
    return b.toString();
  }

  private static void append(StringBuilder b, JsonNode v, int depth) {
    if (depth > 200) {
      b.append("...");
      return;
    }
    if (v == null || v.isNull() || v.isMissingNode()) {
      b.append("<nil>");
    } else if (v.isTextual()) {
      b.append(v.asText());
    } else if (v.isArray()) {
      b.append('[');
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) {
          b.append(' ');
        }
        append(b, v.get(i), depth + 1);
      }
      b.append(']');
    } else if (v.isObject()) {
      List<String> keys = new ArrayList<>();
      for (Iterator<String> it = v.fieldNames(); it.hasNext();) {
        keys.add(it.next());
      }
      keys.sort(null);
      b.append("map[");
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          b.append(' ');
        }
        b.append(keys.get(i)).append(':');
        append(b, v.get(keys.get(i)), depth + 1);
      }
      b.append(']');
    } else {
      b.append(v.asText()); // numbers and booleans
    }
  }
}
