package dev.kubesim.impl.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Kinds.KindInfo;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns manifest trees into typed API objects and back. Decoding is strict, as {@code kubectl
 * apply} with server-side field validation is: every field the kind does not have is reported
 * ({@code strict decoding error: unknown field "spec.foo"}), and a value of the wrong JSON type is
 * refused rather than coerced, with the API server's wording.
 */
public final class ObjectCodec {
  /** The API server's limit on a request body ({@code MaxRequestBodyBytes}, 3 MiB). */
  public static final long MAX_REQUEST_BYTES = 3L * 1024 * 1024;
  /** etcd's limit on one request ({@code --max-request-bytes}, 1.5 MiB): an object larger is refused. */
  public static final long MAX_STORED_BYTES = 3L * 512 * 1024;

  private static final ObjectMapper MAPPER = newMapper();

  private ObjectCodec() {}

  /** The mapper used for API objects: absent values and empty collections are omitted. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper newMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new SimpleModule("kubesim").addDeserializer(GenericObject.class, new GenericObjectDeserializer()))
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // Helper methods such as ServiceSpec.isHeadless() are not fields of the API.
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.ALWAYS))
            .build();
    mapper.configOverride(List.class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS));
    mapper.configOverride(Map.class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS));
    // Go's encoding/json leaves a null list element or map value at its zero value: "", 0, an empty struct.
    mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.AS_EMPTY));
    mapper.registerModule(new SimpleModule("kubesim-zero-values").setDeserializerModifier(new ZeroValues()));
    // Kubernetes' JSON decoding never turns a number into a string or a string into a number.
    for (LogicalType type : new LogicalType[] {LogicalType.Textual}) {
      mapper.coercionConfigFor(type)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
    for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      mapper.coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    // json: cannot unmarshal number 3.5 into Go struct field ... of type int32
    mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    return mapper;
  }

  /**
   * Decodes one document into its typed object (or a generic one for kinds kubesim does not
   * model).
   *
   * @throws BadRequestException with kubectl's and the API server's wording for an unserved kind,
   *     unknown fields, or values of the wrong type; it names the source
   */
  public static KubeObject decode(Document doc) {
    return decode(doc, BUILT_IN);
  }

  /** A catalogue of the built-in kinds alone, for decoding where no cluster's custom kinds apply. */
  private static final KindCatalog BUILT_IN = new KindCatalog();

  /**
   * Decodes one document into its typed object, or a generic one for kinds kubesim does not model
   * and for the custom kinds of the cluster whose catalogue this is.
   *
   * @param kinds the cluster's kinds: the built-in ones and its established custom kinds
   * @throws BadRequestException as {@link #decode(Document)}
   */
  public static KubeObject decode(Document doc, KindCatalog kinds) {
    if (doc.requestBytes() > MAX_REQUEST_BYTES) {
      // the API server reads at most MaxRequestBodyBytes of a body (limitedReadBody)
      throw new KubeSimException("RequestEntityTooLarge", 413, "error when creating " + doc.describe()
          + ": Request entity too large: limit is " + MAX_REQUEST_BYTES);
    }
    if (doc.requestBytes() > MAX_STORED_BYTES) {
      // etcd refuses it; the API server passes etcd's error on
      throw new KubeSimException("", 500, "error when creating " + doc.describe() + ": etcdserver: request is too large");
    }
    JsonNode tree = doc.tree();
    JsonNode apiVersionNode = tree.get("apiVersion");
    JsonNode kindNode = tree.get("kind");
    List<String> missing = new ArrayList<>();
    if (apiVersionNode == null || !apiVersionNode.isTextual() || apiVersionNode.asText().isEmpty()) {
      missing.add("apiVersion not set");
    }
    if (kindNode == null || !kindNode.isTextual() || kindNode.asText().isEmpty()) {
      missing.add("kind not set");
    }
    if (!missing.isEmpty()) {
      throw new BadRequestException(
          "error validating " + doc.describe() + ": error validating data: " + String.join(", ", missing)
              + "; if you choose to ignore these errors, turn validation off with --validate=false");
    }
    String apiVersion = apiVersionNode.asText();
    String kind = kindNode.asText();
    KindInfo info =
        kinds.lookup(apiVersion, kind)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "resource mapping not found for name: \"" + doc.name() + "\" namespace: \""
                            + doc.namespace() + "\" from " + doc.describe() + ": no matches for kind \""
                            + kind + "\" in version \"" + apiVersion + "\"\nensure CRDs are installed first"));
    Optional<KindCatalog.CustomKind> custom = kinds.custom(info);
    if (custom.isPresent() && custom.get().schema() != null && doc.tree() instanceof ObjectNode object) {
      // strict field validation: what structural pruning would drop is an unknown field
      List<String> unknown = SchemaPruning.prune(object.deepCopy(), custom.get().schema());
      if (!unknown.isEmpty()) {
        List<String> parts = new ArrayList<>();
        for (String f : unknown) {
          parts.add("unknown field \"" + f + "\"");
        }
        throw cannotHandle(doc, info, "strict decoding error: " + String.join(", ", parts));
      }
    }
    if (Conversions.converts(info)) {
      // stored in another version: decoded as the API server stores it
      return decode(new Document(doc.source(), doc.index(), Conversions.toStorage(tree), doc.requestBytes()), info);
    }
    return decode(doc, info);
  }

  private static KubeObject decode(Document doc, KindInfo info) {
    UnknownFieldCollector unknown = new UnknownFieldCollector();
    KubeObject object;
    try {
      object = MAPPER.readerFor(info.type()).withHandler(unknown).readValue(doc.tree());
    } catch (MismatchedInputException e) {
      throw cannotHandle(doc, info, typeMismatch(e, doc.tree()));
    } catch (JsonMappingException e) {
      throw cannotHandle(doc, info, e.getCause() instanceof InputCoercionException || isNumberAt(doc.tree(), e)
          ? typeMismatch(e, doc.tree()) : goMessage(e));
    } catch (IOException e) {
      throw cannotHandle(doc, info, e instanceof InputCoercionException ? "json: cannot unmarshal number" : e.getMessage());
    }
    if (!unknown.fields.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (String f : inDocumentOrder(doc.tree(), unknown.fields)) {
        parts.add("unknown field \"" + f + "\"");
      }
      throw cannotHandle(doc, info, "strict decoding error: " + String.join(", ", parts));
    }
    return object;
  }

  /** The API server lists unknown fields as it meets them: in document order. */
  private static List<String> inDocumentOrder(JsonNode tree, List<String> fields) {
    List<String> order = new ArrayList<>();
    collectPaths(tree, "", order);
    List<String> sorted = new ArrayList<>(fields);
    sorted.sort(java.util.Comparator.comparingInt(f -> {
      int i = order.indexOf(f);
      return i < 0 ? Integer.MAX_VALUE : i;
    }));
    return sorted;
  }

  private static void collectPaths(JsonNode node, String prefix, List<String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
        out.add(path);
        collectPaths(e.getValue(), path, out);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectPaths(node.get(i), prefix + "[" + i + "]", out);
      }
    }
  }

  private static BadRequestException cannotHandle(Document doc, KindInfo info, String detail) {
    return new BadRequestException(
        "error when creating " + doc.describe() + ": " + info.kind() + " in version \"" + info.version()
            + "\" cannot be handled as a " + info.kind() + ": " + detail);
  }

  /** Whether the value a mapping error is about is a JSON number (out of range, or not an integer). */
  private static boolean isNumberAt(JsonNode tree, JsonMappingException e) {
    return valueAt(tree, e).filter(JsonNode::isNumber).isPresent();
  }

  /** The value of the tree at the path of a mapping error, following field names and indexes. */
  private static Optional<JsonNode> valueAt(JsonNode tree, JsonMappingException e) {
    JsonNode node = tree;
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (node == null) {
        return Optional.empty();
      }
      node = ref.getFieldName() != null ? node.get(ref.getFieldName()) : node.get(ref.getIndex());
    }
    return Optional.ofNullable(node);
  }

  /**
   * A mapping failure that is not about a value's type (a record that refuses its arguments),
   * without Java's class names: Go's decoder has no such failure, so the value stands as written.
   */
  private static String goMessage(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() > 0 ? "." : "").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return "json: cannot unmarshal value into Go value at " + (path.length() == 0 ? "the top level" : path);
  }

  /** Go's wording for a JSON value of the wrong type: {@code json: cannot unmarshal string into Go struct field ...}. */
  private static String typeMismatch(JsonMappingException e, JsonNode tree) {
    StringBuilder path = new StringBuilder();
    String struct = "";
    Class<?> owner = null;
    String field = null;
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
        Object from = ref.getFrom();
        if (from instanceof Class<?> c) {
          struct = c.getSimpleName();
          owner = c;
        } else if (from != null) {
          struct = from.getClass().getSimpleName();
          owner = from.getClass();
        }
        field = ref.getFieldName();
      }
    }
    Class<?> targetType = e instanceof MismatchedInputException m && m.getTargetType() != null
        ? m.getTargetType() : fieldType(owner, field);
    String target = fieldGoType(owner, field).orElseGet(() -> goType(targetType));
    Optional<JsonNode> value = valueAt(tree, e);
    if (value.isPresent() && value.get().isNumber() && isInteger(targetType)) {
      // Go names the number it could not fit: "number 3.5", "number 99999999999"
      return "json: cannot unmarshal number " + goNumber(value.get()) + " into Go struct field " + struct + "." + path
          + " of type " + target;
    }
    String got = "value";
    String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (msg.contains("String value") || msg.contains("from String")) {
      got = "string";
    } else if (msg.contains("Integer value") || msg.contains("from Integer") || msg.contains("Number")) {
      got = "number";
    } else if (msg.contains("Boolean value") || msg.contains("from Boolean")) {
      got = "bool";
    } else if (msg.contains("START_ARRAY") || msg.contains("Array value")) {
      got = "array";
    } else if (msg.contains("START_OBJECT") || msg.contains("Object value")) {
      got = "object";
    }
    return "json: cannot unmarshal " + got + " into Go struct field " + struct + "." + path + " of type " + target;
  }

  private static boolean isInteger(Class<?> type) {
    return type == Integer.class || type == int.class || type == Long.class || type == long.class;
  }

  /** A number as Go's JSON encoding wrote it: integers as they are, floats in strconv's shortest form. */
  private static String goNumber(JsonNode n) {
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue().toString();
    }
    double d = n.doubleValue();
    double abs = Math.abs(d);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      // Go: 'e' format, exponent without leading zeros ("1e-07" becomes "1e-7")
      String s = new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toString().replace("E", "e");
      return s.replace("e+0", "e+").replace("e-0", "e-");
    }
    return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }

  /** Go's name of a record component's type: {@code []v1.Container}, {@code map[string]string}, {@code int32}. */
  private static Optional<String> fieldGoType(Class<?> owner, String field) {
    if (owner == null || field == null || !owner.isRecord()) {
      return Optional.empty();
    }
    for (java.lang.reflect.RecordComponent c : owner.getRecordComponents()) {
      if (c.getName().equals(field)) {
        return Optional.ofNullable(goType(c.getGenericType()));
      }
    }
    return Optional.empty();
  }

  private static String goType(java.lang.reflect.Type type) {
    if (type instanceof Class<?> c) {
      return goType(c);
    }
    if (type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      java.lang.reflect.Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) {
        return goType(args[0]);
      }
      if (List.class.isAssignableFrom(raw)) {
        String element = goType(args[0]);
        return element == null ? null : "[]" + element;
      }
      if (Map.class.isAssignableFrom(raw)) {
        String value = goType(args[1]);
        return value == null ? null : "map[string]" + value;
      }
    }
    return null;
  }

  /** The type a record's component holds ({@code Optional<Integer>} holds an Integer), or null. */
  private static Class<?> fieldType(Class<?> owner, String field) {
    if (owner == null || field == null || !owner.isRecord()) {
      return null;
    }
    for (java.lang.reflect.RecordComponent c : owner.getRecordComponents()) {
      if (c.getName().equals(field)) {
        java.lang.reflect.Type t = c.getGenericType();
        if (t instanceof java.lang.reflect.ParameterizedType p && p.getRawType() == Optional.class
            && p.getActualTypeArguments()[0] instanceof Class<?> inner) {
          return inner;
        }
        return c.getType();
      }
    }
    return null;
  }

  private static String goType(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type == Integer.class || type == int.class) {
      return "int32";
    }
    if (type == Long.class || type == long.class) {
      return "int64";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "bool";
    }
    if (type == String.class) {
      return "string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "[]interface {}";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "map[string]string";
    }
    if (type == Object.class) {
      return "interface {}";
    }
    if (type.getSimpleName().equals("IntOrString")) {
      return "intstr.IntOrString";
    }
    return "v1." + type.getSimpleName();
  }

  /** The object as a JSON tree, fields in the API's order, absent and empty values omitted. */
  public static ObjectNode encode(KubeObject object) {
    return MAPPER.valueToTree(object);
  }

  /** Converts a tree back into a typed object of the given kind (used for stored copies). */
  public static <T extends KubeObject> T convert(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot convert stored object: " + e.getOriginalMessage(), e);
    }
  }

  /** Collects every unknown field with its full path instead of failing on the first. */
  private static final class UnknownFieldCollector extends DeserializationProblemHandler {
    final List<String> fields = new ArrayList<>();

    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt,
        JsonParser p,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      JsonStreamContext context = p.getParsingContext();
      if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
        // The parser already entered the unknown field's value; its parent holds the field.
        context = context.getParent();
      }
      fields.add(path(context, propertyName));
      p.skipChildren();
      return true;
    }

    /** The dotted path of the property being read: each context's place in its parent, then the leaf. */
    private static String path(JsonStreamContext context, String leaf) {
      Deque<String> parts = new ArrayDeque<>();
      for (JsonStreamContext c = context; c != null && c.getParent() != null && !c.getParent().inRoot(); c = c.getParent()) {
        JsonStreamContext parent = c.getParent();
        if (parent.inArray()) {
          parts.push("[" + Math.max(0, parent.getCurrentIndex()) + "]");
        } else if (parent.getCurrentName() != null) {
          parts.push(parent.getCurrentName());
        }
      }
      StringBuilder sb = new StringBuilder();
      for (String part : parts) {
        if (!part.startsWith("[") && sb.length() > 0) {
          sb.append('.');
        }
        sb.append(part);
      }
      if (sb.length() > 0) {
        sb.append('.');
      }
      return sb.append(leaf).toString();
    }
  }

  /** The value at a Kubernetes field path ({@code spec.ports[0].port}, {@code metadata.labels[a/b]}). */
  public static Optional<JsonNode> at(JsonNode root, String path) {
    return dev.kubesim.api.FieldPaths.resolve(root, path);
  }
}
