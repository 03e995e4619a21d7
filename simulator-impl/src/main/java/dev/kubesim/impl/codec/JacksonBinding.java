package dev.kubesim.impl.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.JsonParser;
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
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
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
 * Jackson's data binding for the API's objects, kept apart from {@link ObjectCodec} so that a JVM
 * loads and builds it only when it is needed: for input that is not plainly valid, whose errors it
 * words as the API server's Go decoder does ({@code json: cannot unmarshal string into Go struct
 * field ...}, {@code strict decoding error: unknown field ...}), for values the direct path does not
 * know, and for callers that ask for the mapper.
 */
final class JacksonBinding {
  /** The mapper used for API objects: absent values and empty collections are omitted. */
  static final ObjectMapper MAPPER = newMapper();

  private JacksonBinding() {}

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

  /** Decodes with Jackson's binding, collecting every unknown field; errors in the API server's words. */
  static KubeObject decode(Document doc, KindInfo info) {
    UnknownFieldCollector unknown = new UnknownFieldCollector();
    KubeObject object;
    try {
      object = MAPPER.readerFor(info.type()).withHandler(unknown).readValue(doc.tree());
    } catch (MismatchedInputException e) {
      throw ObjectCodec.cannotHandle(doc, info, typeMismatch(e, doc.tree()));
    } catch (JsonMappingException e) {
      throw ObjectCodec.cannotHandle(doc, info, e.getCause() instanceof InputCoercionException || isNumberAt(doc.tree(), e)
          ? typeMismatch(e, doc.tree()) : goMessage(e));
    } catch (IOException e) {
      throw ObjectCodec.cannotHandle(doc, info, e instanceof InputCoercionException ? "json: cannot unmarshal number" : e.getMessage());
    }
    if (!unknown.fields.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (String f : inDocumentOrder(doc.tree(), unknown.fields)) {
        parts.add("unknown field \"" + f + "\"");
      }
      throw ObjectCodec.cannotHandle(doc, info, "strict decoding error: " + String.join(", ", parts));
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
}
