package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape a YAML value must have in a scenario file. Checking a value adds one problem per
 * difference, each naming the key path; a mapping accepts only the keys the format defines, which
 * is what makes the format strict.
 */
abstract class Shape {
  /** Adds a problem for each way {@code node} differs from this shape; {@code path} names it. */
  abstract void check(JsonNode node, String path, List<String> problems);

  /** A string. */
  static Shape text() {
    return leaf("a string", JsonNode::isTextual);
  }

  /** A whole number. */
  static Shape integer() {
    return leaf("an integer", JsonNode::isIntegralNumber);
  }

  /** A positive whole number. */
  static Shape positive() {
    return leaf("a positive integer", n -> n.isIntegralNumber() && n.asLong() > 0);
  }

  /** A port number, 1 to 65535. */
  static Shape portNumber() {
    return leaf("a port number (1-65535)", n -> n.isIntegralNumber() && n.asLong() >= 1 && n.asLong() <= 65535);
  }

  /** {@code true} or {@code false}. */
  static Shape bool() {
    return leaf("true or false", JsonNode::isBoolean);
  }

  /** A string, number or boolean (compared as its text). */
  static Shape scalar() {
    return leaf("a string, number or boolean", JsonNode::isValueNode);
  }

  /** Any YAML value, including null, mappings and lists. */
  static Shape any() {
    return leaf("anything", n -> true);
  }

  /** One of a fixed set of strings. */
  static Shape oneOf(String... values) {
    Set<String> allowed = Set.of(values);
    return leaf("one of " + String.join(", ", values), n -> n.isTextual() && allowed.contains(n.asText()));
  }

  /** A string matching a regular expression (whole match). */
  static Shape matching(String regex, String description) {
    Pattern pattern = Pattern.compile(regex);
    return leaf(description, n -> n.isTextual() && pattern.matcher(n.asText()).matches());
  }

  /** A list whose every item has the shape {@code item}. */
  static Shape listOf(Shape item) {
    return new Shape() {
      @Override
      void check(JsonNode node, String path, List<String> problems) {
        if (!node.isArray()) {
          problems.add(path + ": expected a list, got " + Texts.brief(node));
          return;
        }
        for (int i = 0; i < node.size(); i++) {
          item.check(node.get(i), path + "[" + i + "]", problems);
        }
      }
    };
  }

  /** A mapping with keys of the scenario's own choosing (field paths, names), values of {@code value}'s shape. */
  static Shape mapOf(Shape value) {
    return new Shape() {
      @Override
      void check(JsonNode node, String path, List<String> problems) {
        if (!node.isObject()) {
          problems.add(path + ": expected a mapping, got " + Texts.brief(node));
          return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          value.check(e.getValue(), path + "[" + e.getKey() + "]", problems);
        }
      }
    };
  }

  /** A string checked by {@code text}, or a mapping checked by {@code mapping}. */
  static Shape textOr(Shape text, Fields mapping) {
    return new Shape() {
      @Override
      void check(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
          mapping.check(node, path, problems);
        } else if (node.isTextual()) {
          text.check(node, path, problems);
        } else {
          problems.add(path + ": expected a string or a mapping, got " + Texts.brief(node));
        }
      }
    };
  }

  /** A mapping with a fixed set of keys; build it with {@link Fields#required} and {@link Fields#optional}. */
  /**
   * The shape, and not empty: an empty mapping or list in an expectation would check nothing and
   * pass whatever the simulator does.
   */
  static Shape nonEmpty(Shape shape) {
    return new Shape() {
      @Override
      void check(JsonNode node, String path, List<String> problems) {
        shape.check(node, path, problems);
        if ((node.isObject() || node.isArray()) && node.isEmpty()) {
          problems.add(path + ": empty, so it would check nothing");
        }
      }
    };
  }

  static Fields fields() {
    return new Fields();
  }

  private static Shape leaf(String description, java.util.function.Predicate<JsonNode> test) {
    return new Shape() {
      @Override
      void check(JsonNode node, String path, List<String> problems) {
        if (!test.test(node)) {
          problems.add(path + ": expected " + description + ", got " + Texts.brief(node));
        }
      }
    };
  }

  /** A mapping whose keys are all known: each required or optional, each with its own shape. */
  static final class Fields extends Shape {
    private final Map<String, Shape> shapes = new LinkedHashMap<>();
    private final Set<String> required = new java.util.LinkedHashSet<>();
    /** Keys of which at least one must be given: those that check something. */
    private final Set<String> checking = new java.util.LinkedHashSet<>();

    Fields required(String key, Shape shape) {
      shapes.put(key, shape);
      required.add(key);
      return this;
    }

    Fields optional(String key, Shape shape) {
      shapes.put(key, shape);
      return this;
    }

    /**
     * At least one of these keys must be given: a mapping without any of them checks nothing (the
     * others only qualify the check, as {@code ordered} does {@code answers}).
     */
    Fields checking(String... keys) {
      checking.addAll(List.of(keys));
      return this;
    }

    /** The keys this mapping defines, in declaration order. */
    Set<String> keys() {
      return shapes.keySet();
    }

    @Override
    void check(JsonNode node, String path, List<String> problems) {
      if (!node.isObject()) {
        problems.add((path.isEmpty() ? "the document" : path) + ": expected a mapping, got " + Texts.brief(node));
        return;
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        Shape shape = shapes.get(e.getKey());
        String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        if (shape == null) {
          problems.add("unknown key \"" + e.getKey() + "\"" + (path.isEmpty() ? "" : " in " + path));
        } else {
          shape.check(e.getValue(), child, problems);
        }
      }
      for (String key : required) {
        if (!node.has(key)) {
          problems.add((path.isEmpty() ? "" : path + ": ") + "missing key \"" + key + "\"");
        }
      }
      if (!checking.isEmpty() && checking.stream().noneMatch(node::has)) {
        problems.add((path.isEmpty() ? "the mapping" : path) + " checks nothing: give one of "
            + String.join(", ", checking));
      }
    }
  }
}
