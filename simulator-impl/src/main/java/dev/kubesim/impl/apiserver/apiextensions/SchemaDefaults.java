package dev.kubesim.impl.apiserver.apiextensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.impl.apiserver.validation.ErrorType;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.codec.SchemaPruning;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Structural defaulting, as apiextensions-apiserver applies a CRD schema's {@code default}s: on
 * the request body after pruning (create, update, apply), and on objects read from storage. A
 * property's default fills it in when it is absent — or an explicit {@code null} where the
 * property is not {@code nullable} — and its parent object is present; defaults in {@code items}
 * and {@code additionalProperties} schemas replace {@code null} elements and values. The default
 * itself is pruned to its schema, and what it brings in is defaulted in turn. Non-nullable nulls
 * with no default are dropped beforehand ({@code PruneNonNullableNullsWithoutDefaults}).
 *
 * <p>At CRD time, {@link #validateDefaults} checks every default the way {@code
 * defaulting.ValidateDefaults} does: it must be pruned already ({@code must not have unknown
 * fields}) and must validate against its own schema.
 */
final class SchemaDefaults {
  private SchemaDefaults() {}

  /**
   * Drops, in place, the {@code null}s the schema does not allow and has no default for.
   *
   * @param value the value (a whole object)
   * @param schema its schema
   */
  static void pruneNonNullableNulls(JsonNode value, JsonNode schema) {
    if (value instanceof ObjectNode o) {
      Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        JsonNode fieldSchema = fieldSchema(f.getKey(), schema);
        if (f.getValue().isNull() && fieldSchema != null && !nullable(fieldSchema) && !fieldSchema.has("default")) {
          fields.remove();
        } else {
          pruneNonNullableNulls(f.getValue(), fieldSchema);
        }
      }
    } else if (value instanceof ArrayNode a) {
      JsonNode items = schema == null ? null : objectOrNull(schema.get("items"));
      for (JsonNode item : a) {
        pruneNonNullableNulls(item, items);
      }
    }
  }

  private static JsonNode fieldSchema(String name, JsonNode schema) {
    if (schema == null) {
      return null;
    }
    JsonNode prop = schema.path("properties").get(name);
    if (prop != null && prop.isObject()) {
      return prop;
    }
    return objectOrNull(schema.get("additionalProperties"));
  }

  /**
   * Applies the schema's defaults to a value, in place.
   *
   * @param value the value (a whole object)
   * @param schema its schema
   */
  static void apply(JsonNode value, JsonNode schema) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    if (value instanceof ObjectNode o) {
      JsonNode properties = schema.get("properties");
      if (properties != null && properties.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> props = properties.fields();
        while (props.hasNext()) {
          Map.Entry<String, JsonNode> p = props.next();
          JsonNode def = p.getValue().get("default");
          if (def == null) {
            continue;
          }
          JsonNode current = o.get(p.getKey());
          if (current == null || nonNullableNull(current, p.getValue())) {
            o.set(p.getKey(), prunedCopy(def, p.getValue()));
          }
        }
      }
      JsonNode additional = objectOrNull(schema.get("additionalProperties"));
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode v = o.get(name);
        JsonNode prop = properties == null ? null : properties.get(name);
        if (prop != null && prop.isObject()) {
          apply(v, prop);
        } else if (additional != null) {
          if (nonNullableNull(v, additional)) {
            o.set(name, prunedCopy(additional.get("default"), additional));
          }
          apply(v, additional);
        }
      }
    } else if (value instanceof ArrayNode a) {
      JsonNode items = objectOrNull(schema.get("items"));
      if (items == null) {
        return;
      }
      for (int i = 0; i < a.size(); i++) {
        JsonNode v = a.get(i);
        if (nonNullableNull(v, items)) {
          a.set(i, prunedCopy(items.get("default"), items));
        }
        apply(v, items);
      }
    }
  }

  private static boolean nonNullableNull(JsonNode value, JsonNode schema) {
    return value.isNull() && schema != null && !nullable(schema) && schema.has("default");
  }

  private static boolean nullable(JsonNode schema) {
    return schema.path("nullable").asBoolean(false);
  }

  private static JsonNode prunedCopy(JsonNode def, JsonNode schema) {
    JsonNode copy = def.deepCopy();
    SchemaPruning.pruneValue(copy, schema);
    return copy;
  }

  private static JsonNode objectOrNull(JsonNode node) {
    return node != null && node.isObject() ? node : null;
  }

  /**
   * The CRD-time checks of the defaults in one version's schema ({@code ValidateDefaults} with
   * pruned defaults required, as for {@code apiextensions.k8s.io/v1}): every default, found
   * through {@code properties} and {@code items} (not {@code additionalProperties}, where the
   * static checks refuse defaults inside metadata), must be pruned already and must validate
   * against its schema.
   *
   * @param path the schema's path, {@code spec.versions[i].schema.openAPIV3Schema}
   * @param schema the schema
   * @return the field errors
   */
  static List<FieldError> validateDefaults(FieldPath path, JsonNode schema) {
    List<FieldError> errors = new ArrayList<>();
    validateDefaults(path, schema, errors);
    return errors;
  }

  private static void validateDefaults(FieldPath path, JsonNode schema, List<FieldError> errors) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    JsonNode def = schema.get("default");
    if (def != null) {
      FieldPath defaultPath = path.child("default");
      JsonNode pruned = def.deepCopy();
      SchemaPruning.pruneValue(pruned, schema);
      if (!pruned.equals(def)) {
        errors.add(new FieldError(ErrorType.INVALID, defaultPath.toString(), OpenApiValidator.javaValue(def),
            "must not have unknown fields"));
      }
      errors.addAll(OpenApiValidator.validate(def, schema, defaultPath.toString(), false));
    }
    JsonNode items = schema.get("items");
    if (items != null && items.isObject()) {
      validateDefaults(path.child("items"), items, errors);
    }
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      properties.fields().forEachRemaining(p ->
          validateDefaults(path.child("properties").key(p.getKey()), p.getValue(), errors));
    }
  }

  /**
   * Defaults inside {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not}: not structural ({@code
   * default: Forbidden: must be undefined to be structural}).
   *
   * @param path the value validation's path
   * @param schema the value validation
   * @param errors where the errors go
   */
  static void inValueValidation(FieldPath path, JsonNode schema, List<FieldError> errors) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    if (schema.has("default")) {
      errors.add(FieldError.forbidden(path.child("default"), "must be undefined to be structural"));
    }
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      properties.fields().forEachRemaining(p ->
          inValueValidation(path.child("properties").key(p.getKey()), p.getValue(), errors));
    }
    JsonNode items = schema.get("items");
    if (items != null && items.isObject()) {
      inValueValidation(path.child("items"), items, errors);
    }
    for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
      JsonNode list = schema.get(keyword);
      if (list != null && list.isArray()) {
        for (int i = 0; i < list.size(); i++) {
          inValueValidation(path.child(keyword).index(i), list.get(i), errors);
        }
      }
    }
    inValueValidation(path.child("not"), schema.get("not"), errors);
  }
}
