package dev.kubesim.impl.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Structural pruning, as apiextensions-apiserver prunes a custom resource: every field its
 * version's {@code openAPIV3Schema} does not specify is dropped, except under {@code
 * x-kubernetes-preserve-unknown-fields: true} or an {@code additionalProperties} schema; {@code
 * apiVersion}, {@code kind} and {@code metadata} are always kept. Strict decoding reports the pruned
 * fields as unknown ones.
 */
public final class SchemaPruning {
  private SchemaPruning() {}

  /** The top-level fields every object keeps, whatever the schema says. */
  private static final List<String> ROOT_FIELDS = List.of("apiVersion", "kind", "metadata");

  /**
   * Removes, in place, the fields the schema does not specify; returns their paths ({@code spec.foo}),
   * in document order.
   *
   * @param object the whole object (apiVersion, kind and metadata are kept)
   * @param schema the version's {@code openAPIV3Schema}
   * @return the paths of the pruned fields
   */
  public static List<String> prune(ObjectNode object, JsonNode schema) {
    List<String> pruned = new ArrayList<>();
    if (schema == null || schema.isMissingNode() || schema.isNull()) {
      return pruned;
    }
    pruneObject(object, schema, "", true, pruned);
    return pruned;
  }

  /**
   * Removes, in place, the fields a value nested in an object does not specify by its schema (no
   * field is kept for being at the root): how a schema's {@code default} is pruned.
   *
   * @param value the value
   * @param schema the value's schema
   */
  public static void pruneValue(JsonNode value, JsonNode schema) {
    prune(value, schema, "", new ArrayList<>());
  }

  private static void prune(JsonNode value, JsonNode schema, String path, List<String> pruned) {
    if (schema == null) {
      return;
    }
    if (value instanceof ObjectNode o) {
      pruneObject(o, schema, path, false, pruned);
    } else if (value instanceof ArrayNode a && schema.has("items")) {
      for (int i = 0; i < a.size(); i++) {
        prune(a.get(i), schema.get("items"), path + "[" + i + "]", pruned);
      }
    }
  }

  private static void pruneObject(ObjectNode o, JsonNode schema, String path, boolean root, List<String> pruned) {
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    JsonNode properties = schema.get("properties");
    JsonNode additional = schema.get("additionalProperties");
    boolean additionalSchema = additional != null && additional.isObject();
    boolean additionalAllowed = additionalSchema || (additional != null && additional.asBoolean(false));
    Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String name = f.getKey();
      String childPath = path.isEmpty() ? name : path + "." + name;
      if (root && ROOT_FIELDS.contains(name)) {
        continue;
      }
      JsonNode propSchema = properties != null ? properties.get(name) : null;
      if (propSchema != null) {
        prune(f.getValue(), propSchema, childPath, pruned);
      } else if (additionalSchema) {
        prune(f.getValue(), additional, childPath, pruned);
      } else if (!preserve && !additionalAllowed) {
        pruned.add(childPath);
        fields.remove();
      }
    }
  }
}
