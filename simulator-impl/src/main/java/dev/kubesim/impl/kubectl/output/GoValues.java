package dev.kubesim.impl.kubectl.output;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A decoded JSON value as Go's {@code fmt.Sprintf("%v", v)} prints it, which is how kubectl's
 * custom columns print what their paths find: {@code [map[ip:10.244.1.3]]} for a list of objects,
 * map keys in sorted order, {@code <nil>} for null, integers as integers.
 */
public final class GoValues {
  private GoValues() {}

  /** {@code %v} of the value as kubectl decodes it ({@link GoTemplate#data}). */
  public static String format(JsonNode v) {
    return GoFmt.v(GoTemplate.data(v));
  }
}
