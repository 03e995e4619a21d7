package dev.kubesim.impl.apiserver.apiextensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.codec.SchemaPruning;
import java.util.ArrayList;
import java.util.List;

/**
 * A custom resource's {@code openAPIV3Schema} at work, as apiextensions-apiserver uses it: pruning of
 * the fields the schema does not specify (structural pruning, kept where {@code
 * x-kubernetes-preserve-unknown-fields} is true), structural defaulting ({@link SchemaDefaults}),
 * and validation: every keyword kube-openapi checks ({@link OpenApiValidator}), with its messages
 * as the API server wraps them in field errors ({@code spec.replicas: Invalid value: "string":
 * spec.replicas in body must be of type integer: "string"}), then the uniqueness of {@code
 * x-kubernetes-list-type: set} items and {@code map} keys ({@code Duplicate value: ...}).
 * CEL rules ({@code x-kubernetes-validations}) are not evaluated.
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
   * The decoding steps after pruning, as apiextensions-apiserver's codec takes them: non-nullable
   * {@code null}s without a default are dropped, then the schema's defaults are applied (see
   * {@link SchemaDefaults}).
   *
   * @param object the whole object, pruned
   * @param schema the version's {@code openAPIV3Schema}
   */
  public static void applyDefaults(ObjectNode object, JsonNode schema) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    SchemaDefaults.pruneNonNullableNulls(object, schema);
    SchemaDefaults.apply(object, schema);
  }

  /**
   * Validates an object against the schema: kube-openapi's validator (see {@link
   * OpenApiValidator}), then the uniqueness of {@code x-kubernetes-list-type} {@code set} and
   * {@code map} lists, in the custom resource strategy's order.
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
    errors.addAll(OpenApiValidator.validate(object, schema, null, true));
    if (object.isObject()) {
      listSetsAndMaps(null, schema, object, true, errors);
    }
    return errors;
  }

  // x-kubernetes-list-type: set and map (structurallisttype.ValidateListSetsAndMaps)

  private static void listSetsAndMaps(FieldPath path, JsonNode schema, JsonNode object, boolean root,
      List<FieldError> errors) {
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      object.fields().forEachRemaining(f -> {
        if (!(root && ROOT_FIELDS.contains(f.getKey()))) {
          listSetsAndMapsValue(path == null ? FieldPath.root(f.getKey()) : path.key(f.getKey()), additional, f.getValue(), errors);
        }
      });
    }
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      object.fields().forEachRemaining(f -> {
        JsonNode sub = properties.get(f.getKey());
        if (sub != null && sub.isObject() && !(root && ROOT_FIELDS.contains(f.getKey()))) {
          listSetsAndMapsValue(child(path, f.getKey()), sub, f.getValue(), errors);
        }
      });
    }
  }

  private static void listSetsAndMapsValue(FieldPath path, JsonNode schema, JsonNode value, List<FieldError> errors) {
    if (value.isArray()) {
      listSetsAndMapsArray(path, schema, value, errors);
    } else if (value.isObject()) {
      listSetsAndMaps(path, schema, value, false, errors);
    }
  }

  private static void listSetsAndMapsArray(FieldPath path, JsonNode schema, JsonNode list, List<FieldError> errors) {
    String listType = schema.path("x-kubernetes-list-type").asText("");
    if (listType.equals("set")) {
      List<JsonNode> items = new ArrayList<>();
      list.forEach(items::add);
      for (int i : nonUnique(items)) {
        errors.add(FieldError.duplicate(path.index(i), OpenApiValidator.javaValue(list.get(i))));
      }
    } else if (listType.equals("map")) {
      listMap(path, schema, list, errors);
    }
    JsonNode items = schema.get("items");
    if (items != null && items.isObject()) {
      for (int i = 0; i < list.size(); i++) {
        listSetsAndMapsValue(path.index(i), items, list.get(i), errors);
      }
    }
  }

  private static void listMap(FieldPath path, JsonNode schema, JsonNode list, List<FieldError> errors) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode x = list.get(i);
      if (!x.isNull() && !x.isObject()) {
        errors.add(FieldError.invalid(path.index(i), OpenApiValidator.javaValue(x), "must be an object for an array of list-type map"));
        return;
      }
    }
    if (list.size() <= 1) {
      return;
    }
    List<String> keyFields = new ArrayList<>();
    schema.path("x-kubernetes-list-map-keys").forEach(k -> keyFields.add(k.asText()));
    List<JsonNode> keys = new ArrayList<>();
    for (JsonNode x : list) {
      ObjectNode key = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      for (String k : keyFields) {
        if (x.isObject() && x.has(k)) {
          key.set(k, x.get(k));
        }
      }
      keys.add(key);
    }
    for (int i : nonUnique(keys)) {
      errors.add(FieldError.duplicate(path.index(i), keys.get(i)));
    }
  }

  /** The index of the second occurrence of every repeated item ({@code validateListSet}). */
  private static List<Integer> nonUnique(List<JsonNode> items) {
    List<Integer> out = new ArrayList<>();
    List<JsonNode> seen = new ArrayList<>();
    List<Integer> times = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode x = items.get(i);
      int at = -1;
      for (int j = 0; j < seen.size(); j++) {
        if (OpenApiValidator.deepEqual(seen.get(j), x)) {
          at = j;
          break;
        }
      }
      if (at < 0) {
        seen.add(x);
        times.add(1);
      } else {
        if (times.get(at) == 1) {
          out.add(i);
        }
        times.set(at, times.get(at) + 1);
      }
    }
    return out;
  }

  private static FieldPath child(FieldPath path, String name) {
    return path == null ? FieldPath.root(name) : path.child(name);
  }
}
