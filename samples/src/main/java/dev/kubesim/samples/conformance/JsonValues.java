package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** Compares YAML data from a scenario with the JSON of a stored object. */
final class JsonValues {
  private JsonValues() {}

  /**
   * Whether two values are the same data: numbers by value (YAML's {@code 80} equals a stored
   * {@code 80} whatever Java type holds it), strings, booleans and null exactly, lists in order,
   * mappings key by key. A number never equals a string: {@code "80"} is not {@code 80}.
   */
  static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        if (other == null || !equal(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** A field's value for a message: compact JSON, or {@code absent}. */
  static String show(Optional<JsonNode> value) {
    return value.map(Texts::brief).orElse("absent");
  }
}
