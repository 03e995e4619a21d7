package dev.kubesim.impl.apiserver.apiextensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.codec.SchemaPruning;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A custom resource's {@code openAPIV3Schema} at work, as apiextensions-apiserver uses it: pruning of
 * the fields the schema does not specify (structural pruning, kept where {@code
 * x-kubernetes-preserve-unknown-fields} is true), and validation of the common keywords — {@code
 * type}, {@code properties}, {@code required}, {@code enum}, {@code minimum}/{@code maximum} (and
 * their exclusive forms), {@code pattern}, {@code items}, {@code additionalProperties} — with
 * kube-openapi's messages as the API server wraps them in field errors ({@code spec.replicas:
 * Invalid value: "string": spec.replicas in body must be of type integer: "string"}).
 */
public final class StructuralSchema {
  private StructuralSchema() {}

  /** The top-level fields every object keeps, whatever the schema says. */
  private static final List<String> ROOT_FIELDS = List.of("apiVersion", "kind", "metadata");

  /**
   * Removes, in place, the fields the schema does not specify (see {@link SchemaPruning#prune}).
   *
   * @param object the whole object (apiVersion, kind and metadata are kept)
   * @param schema the version's {@code openAPIV3Schema}
   * @return the paths of the pruned fields
   */
  public static List<String> prune(ObjectNode object, JsonNode schema) {
    return SchemaPruning.prune(object, schema);
  }

  /**
   * Validates an object against the schema.
   *
   * @param object the whole object
   * @param schema the version's {@code openAPIV3Schema}
   * @return the field errors, in the order the validator meets them
   */
  public static List<FieldError> validate(JsonNode object, JsonNode schema) {
    List<FieldError> errors = new ArrayList<>();
    if (schema == null || schema.isMissingNode() || schema.isNull()) {
      return errors;
    }
    validateObjectFields(object, schema, null, true, errors);
    return errors;
  }

  private static void validate(JsonNode value, JsonNode schema, FieldPath path, List<FieldError> errors) {
    String type = schema.path("type").asText("");
    String actual = typeOf(value);
    boolean intOrString = schema.path("x-kubernetes-int-or-string").asBoolean(false);
    if (value.isNull() && schema.path("nullable").asBoolean(false)) {
      return;
    }
    if (intOrString) {
      if (!actual.equals("integer") && !actual.equals("string")) {
        errors.add(FieldError.invalid(path, actual, path + " in body must be of type integer,string: " + quote(actual)));
        return;
      }
    } else if (!type.isEmpty() && !matchesType(type, actual)) {
      errors.add(FieldError.invalid(path, actual, path + " in body must be of type " + type + ": " + quote(actual)));
      return;
    }
    JsonNode enumValues = schema.get("enum");
    if (enumValues != null && enumValues.isArray() && enumValues.size() > 0) {
      boolean found = false;
      List<String> allowed = new ArrayList<>();
      for (JsonNode e : enumValues) {
        allowed.add(e.isTextual() ? e.asText() : e.toString());
        if (e.equals(value) || (e.isNumber() && value.isNumber() && e.decimalValue().compareTo(value.decimalValue()) == 0)) {
          found = true;
        }
      }
      if (!found) {
        errors.add(FieldError.notSupported(path, javaValue(value), allowed));
      }
    }
    if (value.isNumber()) {
      BigDecimal n = value.decimalValue();
      JsonNode max = schema.get("maximum");
      if (max != null && max.isNumber()) {
        boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
        int c = n.compareTo(max.decimalValue());
        if (exclusive ? c >= 0 : c > 0) {
          errors.add(FieldError.invalid(path, javaValue(value), path + " in body should be less than "
              + (exclusive ? "" : "or equal to ") + number(max)));
        }
      }
      JsonNode min = schema.get("minimum");
      if (min != null && min.isNumber()) {
        boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
        int c = n.compareTo(min.decimalValue());
        if (exclusive ? c <= 0 : c < 0) {
          errors.add(FieldError.invalid(path, javaValue(value), path + " in body should be greater than "
              + (exclusive ? "" : "or equal to ") + number(min)));
        }
      }
    }
    if (value.isTextual() && schema.has("pattern")) {
      String pattern = schema.get("pattern").asText();
      try {
        if (!Pattern.compile(pattern).matcher(value.asText()).find()) {
          errors.add(FieldError.invalid(path, value.asText(), path + " in body should match '" + pattern + "'"));
        }
      } catch (PatternSyntaxException e) {
        // the definition's validation refuses such patterns; nothing to check against
      }
    }
    if (value.isObject()) {
      validateObjectFields(value, schema, path, false, errors);
    } else if (value.isArray() && schema.has("items") && schema.get("items").isObject()) {
      for (int i = 0; i < value.size(); i++) {
        validate(value.get(i), schema.get("items"), path.index(i), errors);
      }
    }
  }

  private static void validateObjectFields(JsonNode value, JsonNode schema, FieldPath path, boolean root,
      List<FieldError> errors) {
    JsonNode required = schema.get("required");
    if (required != null && required.isArray()) {
      for (JsonNode r : required) {
        String name = r.asText();
        if (!value.has(name)) {
          errors.add(FieldError.required(child(path, name), ""));
        }
      }
    }
    JsonNode properties = schema.get("properties");
    JsonNode additional = schema.get("additionalProperties");
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (root && ROOT_FIELDS.contains(f.getKey())) {
        continue;
      }
      JsonNode propSchema = properties != null ? properties.get(f.getKey()) : null;
      if (propSchema != null) {
        validate(f.getValue(), propSchema, child(path, f.getKey()), errors);
      } else if (additional != null && additional.isObject()) {
        validate(f.getValue(), additional, path == null ? FieldPath.root(f.getKey()) : path.key(f.getKey()), errors);
      }
    }
  }

  private static FieldPath child(FieldPath path, String name) {
    return path == null ? FieldPath.root(name) : path.child(name);
  }

  private static boolean matchesType(String type, String actual) {
    return type.equals(actual) || (type.equals("number") && actual.equals("integer"));
  }

  /** The JSON type of a value as kube-openapi names it. */
  static String typeOf(JsonNode value) {
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isIntegralNumber() || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0)) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isObject()) {
      return "object";
    }
    if (value.isArray()) {
      return "array";
    }
    return "null";
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  private static String number(JsonNode n) {
    if (n.isIntegralNumber()) {
      return n.asText();
    }
    BigDecimal d = n.decimalValue().stripTrailingZeros();
    return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
  }

  private static Object javaValue(JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isIntegralNumber()) {
      return value.asLong();
    }
    if (value.isNumber()) {
      return value.asDouble();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return value.toString();
  }
}
