package dev.kubesim.impl.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.Kinds;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.LabelSelectorRequirement;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.impl.codec.KindCatalog;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The schemas of the served OpenAPI v3 documents ({@code components.schemas}), built from what kubesim
 * accepts: the model records' fields for the modelled kinds, {@code apiVersion}, {@code kind} and
 * {@code metadata} (plus the few fields {@code schema-descriptions.yaml} types) for the kinds kept as
 * generic objects, and a custom resource definition's own {@code openAPIV3Schema} for its kinds.
 * Descriptions come from {@code schema-descriptions.yaml}. The served documents and kubectl's
 * {@code explain} read the same schemas, so the real kubectl and kubesim's own print the same.
 *
 * <p>Schema names are Kubernetes' ({@code io.k8s.api.core.v1.PodSpec}); a field that holds another
 * schema refers to it as the real server does ({@code allOf} of one {@code $ref}, next to the field's
 * description). Properties are listed by name, so the same cluster state gives the same bytes.
 */
public final class OpenApiSchemas {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String REF_PREFIX = "#/components/schemas/";
  private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
  private static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
  /** Model records named otherwise upstream. */
  private static final Map<String, String> UPSTREAM_NAMES =
      Map.of("EndpointSliceEndpoint", "Endpoint", "EndpointSlicePort", "EndpointPort");
  /** The schema name of each model record, by the group of the first kind that reaches it. */
  private static final Map<Class<?>, String> NAMES = names();

  private OpenApiSchemas() {}

  /**
   * The schemas of one group version's document: each kind it serves, and every schema they refer
   * to, sorted by name.
   *
   * @param kinds the cluster's kinds (built-in and custom)
   * @param groupVersion {@code v1} or {@code GROUP/VERSION}
   * @return the {@code components.schemas} object
   */
  public static ObjectNode schemas(KindCatalog kinds, String groupVersion) {
    Map<String, ObjectNode> out = new TreeMap<>();
    for (KindInfo k : kinds.served()) {
      if (k.apiVersion().equals(groupVersion)) {
        kindSchema(kinds, k, out);
      }
    }
    ObjectNode schemas = JSON.objectNode();
    out.forEach(schemas::set);
    return schemas;
  }

  /**
   * The name of a kind's schema in its group version's document ({@code io.k8s.api.apps.v1.Deployment},
   * {@code com.example.stable.v1.CronTab} for a custom kind).
   *
   * @param kinds the cluster's kinds
   * @param k a served kind and version
   * @return the schema's name
   */
  public static String schemaName(KindCatalog kinds, KindInfo k) {
    if (kinds.custom(k).isPresent()) {
      List<String> labels = new ArrayList<>(List.of(k.group().split("\\.")));
      Collections.reverse(labels);
      return String.join(".", labels) + "." + k.version() + "." + k.kind();
    }
    if (k.kind().equals("CustomResourceDefinition")) {
      return "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions." + k.version() + "." + k.kind();
    }
    return "io.k8s.api." + groupPackage(k.group()) + "." + k.version() + "." + k.kind();
  }

  private static String groupPackage(String group) {
    if (group.isEmpty()) {
      return "core";
    }
    return group.endsWith(".k8s.io") ? group.substring(0, group.indexOf('.')) : group;
  }

  private static void kindSchema(KindCatalog kinds, KindInfo k, Map<String, ObjectNode> out) {
    String name = schemaName(kinds, k);
    ObjectNode schema;
    Optional<KindCatalog.CustomKind> custom = kinds.custom(k);
    if (custom.isPresent()) {
      schema = customSchema(name, custom.get());
    } else if (k.type() == GenericObject.class) {
      schema = genericSchema(name);
    } else {
      schema = recordSchema(k.type(), name, out);
    }
    ArrayNode gvks = schema.putArray("x-kubernetes-group-version-kind");
    ObjectNode gvk = gvks.addObject();
    gvk.put("group", k.group());
    gvk.put("kind", k.kind());
    gvk.put("version", k.version());
    out.put(name, schema);
    ensure(ObjectMeta.class, out);
  }

  /** A custom kind's schema: its definition's, with apiVersion, kind and metadata as the API server adds them. */
  private static ObjectNode customSchema(String name, KindCatalog.CustomKind custom) {
    ObjectNode schema = custom.schema() instanceof ObjectNode o ? o.deepCopy() : JSON.objectNode().put("type", "object");
    ObjectNode properties =
        schema.get("properties") instanceof ObjectNode own ? own : schema.putObject("properties");
    Map<String, JsonNode> sorted = new TreeMap<>();
    properties.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
    sorted.put("apiVersion", field(name, "apiVersion", JSON.objectNode().put("type", "string"), true));
    sorted.put("kind", field(name, "kind", JSON.objectNode().put("type", "string"), true));
    sorted.put("metadata", field(name, "metadata", reference(META + "ObjectMeta"), true));
    properties.removeAll();
    sorted.forEach(properties::set);
    return schema;
  }

  /** A generic kind's schema: apiVersion, kind, metadata, and the fields the descriptions type. */
  private static ObjectNode genericSchema(String name) {
    ObjectNode schema = JSON.objectNode();
    Optional<Descriptions.Entry> entry = Descriptions.entry(name);
    entry.flatMap(Descriptions.Entry::description).ifPresent(d -> schema.put("description", d));
    Map<String, JsonNode> properties = new TreeMap<>();
    properties.put("apiVersion", field(name, "apiVersion", JSON.objectNode().put("type", "string"), true));
    properties.put("kind", field(name, "kind", JSON.objectNode().put("type", "string"), true));
    properties.put("metadata", field(name, "metadata", reference(META + "ObjectMeta"), true));
    if (entry.isPresent()) {
      entry.get().types().forEach((f, type) -> properties.put(f, field(name, f, typed(type), true)));
    }
    ObjectNode props = schema.putObject("properties");
    properties.forEach(props::set);
    schema.put("type", "object");
    entry.ifPresent(e -> required(schema, e));
    return schema;
  }

  /** {@code string}, {@code integer}, {@code boolean}, {@code object}, {@code []T}, {@code map[string]T}. */
  private static ObjectNode typed(String type) {
    if (type.startsWith("[]")) {
      ObjectNode array = JSON.objectNode();
      array.set("items", typed(type.substring(2)));
      array.put("type", "array");
      return array;
    }
    if (type.startsWith("map[string]")) {
      ObjectNode map = JSON.objectNode();
      map.set("additionalProperties", typed(type.substring("map[string]".length())));
      map.put("type", "object");
      return map;
    }
    ObjectNode scalar = JSON.objectNode();
    if (type.equals("byte")) {
      scalar.put("format", "byte").put("type", "string");
    } else {
      scalar.put("type", type);
    }
    return scalar;
  }

  private static ObjectNode recordSchema(Class<?> type, String name, Map<String, ObjectNode> out) {
    ObjectNode schema = JSON.objectNode();
    Optional<Descriptions.Entry> entry = Descriptions.entry(name);
    entry.flatMap(Descriptions.Entry::description).ifPresent(d -> schema.put("description", d));
    boolean kindLevel = KubeObject.class.isAssignableFrom(type);
    Map<String, JsonNode> properties = new TreeMap<>();
    for (RecordComponent c : type.getRecordComponents()) {
      properties.put(c.getName(), field(name, c.getName(), typeOf(c.getGenericType(), out), kindLevel));
    }
    ObjectNode props = schema.putObject("properties");
    properties.forEach(props::set);
    entry.ifPresent(e -> required(schema, e));
    schema.put("type", "object");
    return schema;
  }

  private static void required(ObjectNode schema, Descriptions.Entry entry) {
    if (!entry.required().isEmpty()) {
      ArrayNode required = schema.putArray("required");
      entry.required().forEach(required::add);
    }
  }

  /**
   * A field's schema with its description and enum values, a reference wrapped in allOf as the real
   * server does; a kind's apiVersion, kind and metadata take the common descriptions unless their own.
   */
  private static ObjectNode field(String schemaName, String field, ObjectNode type, boolean kindLevel) {
    Optional<Descriptions.Field> described = Descriptions.field(schemaName, field);
    Optional<String> description = described.flatMap(Descriptions.Field::description);
    if (description.isEmpty() && kindLevel) {
      description = Descriptions.common(field);
    }
    ObjectNode schema = type;
    if (type.has("$ref") && description.isPresent()) {
      schema = JSON.objectNode();
      schema.putArray("allOf").add(type);
    }
    if (description.isPresent()) {
      describe(schema, description.get());
    }
    if (described.isPresent() && !described.get().enumValues().isEmpty()) {
      ArrayNode values = schema.putArray("enum");
      described.get().enumValues().forEach(values::add);
    }
    return sortedCopy(schema);
  }

  private static void describe(ObjectNode schema, String description) {
    schema.put("description", description);
  }

  private static ObjectNode sortedCopy(ObjectNode schema) {
    Map<String, JsonNode> sorted = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = schema.fields();
    it.forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
    ObjectNode copy = JSON.objectNode();
    sorted.forEach(copy::set);
    return copy;
  }

  /** The schema of a record component's Java type; records become references, registered in {@code out}. */
  private static ObjectNode typeOf(Type type, Map<String, ObjectNode> out) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) {
        return typeOf(args[0], out);
      }
      if (List.class.isAssignableFrom(raw)) {
        ObjectNode array = JSON.objectNode();
        array.set("items", typeOf(args[0], out));
        array.put("type", "array");
        return array;
      }
      if (Map.class.isAssignableFrom(raw)) {
        if (args[1] == Object.class) {
          return JSON.objectNode().put("type", "object"); // a structure kubesim keeps whole, unmodelled
        }
        ObjectNode map = JSON.objectNode();
        map.set("additionalProperties", typeOf(args[1], out));
        map.put("type", "object");
        return map;
      }
      return JSON.objectNode().put("type", "object");
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return JSON.objectNode().put("type", "string");
    }
    if (c == Integer.class || c == int.class) {
      return JSON.objectNode().put("format", "int32").put("type", "integer");
    }
    if (c == Long.class || c == long.class) {
      return JSON.objectNode().put("format", "int64").put("type", "integer");
    }
    if (c == Double.class || c == double.class || c == Float.class) {
      return JSON.objectNode().put("format", "double").put("type", "number");
    }
    if (c == Boolean.class || c == boolean.class) {
      return JSON.objectNode().put("type", "boolean");
    }
    if (c == IntOrString.class) {
      ensure(IntOrString.class, out);
      return reference(INT_OR_STRING);
    }
    if (c.isRecord() && NAMES.containsKey(c)) {
      ensure(c, out);
      return reference(NAMES.get(c));
    }
    return JSON.objectNode().put("type", "object");
  }

  private static void ensure(Class<?> c, Map<String, ObjectNode> out) {
    if (c == IntOrString.class) {
      if (!out.containsKey(INT_OR_STRING)) {
        ObjectNode schema = JSON.objectNode();
        Descriptions.entry(INT_OR_STRING).flatMap(Descriptions.Entry::description).ifPresent(d -> schema.put("description", d));
        schema.put("format", "int-or-string");
        schema.put("x-kubernetes-int-or-string", true);
        out.put(INT_OR_STRING, schema);
      }
      return;
    }
    String name = NAMES.get(c);
    if (!out.containsKey(name)) {
      out.put(name, JSON.objectNode()); // placed first so that a cycle ends here
      out.put(name, recordSchema(c, name, out));
    }
  }

  private static ObjectNode reference(String name) {
    return JSON.objectNode().put("$ref", REF_PREFIX + name);
  }

  /** Every record the typed kinds reach, named after the group of the first kind that reaches it. */
  private static Map<Class<?>, String> names() {
    Map<Class<?>, String> names = new LinkedHashMap<>();
    for (Class<?> meta : List.of(ObjectMeta.class, LabelSelector.class, LabelSelectorRequirement.class, OwnerReference.class)) {
      names.put(meta, META + meta.getSimpleName());
    }
    for (KindInfo k : Kinds.all()) {
      String prefix = "io.k8s.api." + groupPackage(k.group()) + "." + k.version() + ".";
      Deque<Class<?>> todo = new ArrayDeque<>();
      todo.add(k.type());
      while (!todo.isEmpty()) {
        Class<?> c = todo.poll();
        if (names.containsKey(c)) {
          continue;
        }
        names.put(c, prefix + UPSTREAM_NAMES.getOrDefault(c.getSimpleName(), c.getSimpleName()));
        for (RecordComponent rc : c.getRecordComponents()) {
          records(rc.getGenericType(), todo);
        }
      }
    }
    return names;
  }

  private static void records(Type type, Deque<Class<?>> todo) {
    if (type instanceof ParameterizedType p) {
      for (Type arg : p.getActualTypeArguments()) {
        records(arg, todo);
      }
    } else if (type instanceof Class<?> c && c.isRecord() && !KubeObject.class.equals(c)) {
      todo.add(c);
    }
  }
}
