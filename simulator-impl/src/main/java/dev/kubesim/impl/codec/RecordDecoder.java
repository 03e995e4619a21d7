package dev.kubesim.impl.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.ObjectMeta;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes a well-formed manifest tree straight into the API's records, the codec's common case,
 * without Jackson's data binding: binding builds a deserializer per class by introspection, which
 * makes the first decode of a JVM cost a few hundred milliseconds. The result is the object
 * Jackson's binding makes of the same tree.
 *
 * <p>It reads only what is plainly valid: every field known, every value of its field's JSON type,
 * no {@code null} but a field's own, no Jackson annotation to honour, no record refusing its values. Anything else
 * throws {@link Unsupported}, and the caller decodes with Jackson, whose errors carry the API
 * server's wording.
 */
final class RecordDecoder {
  private RecordDecoder() {}

  /** The tree is not plainly valid for the type; Jackson's binding decides what it is. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Unsupported INSTANCE = new Unsupported();

    private Unsupported() {
      super("not decoded directly", null, false, false);
    }
  }

  /**
   * The object of {@code type} the tree describes.
   *
   * @throws Unsupported when the tree is anything but plainly valid for the type
   */
  static <T> T decode(JsonNode tree, Class<T> type) {
    return type.cast(value(tree, type));
  }

  private static Object value(JsonNode node, Type type) {
    if (node.isNull() || node.isMissingNode()) {
      throw Unsupported.INSTANCE; // Go's zero values and Jackson's null rules apply
    }
    if (type instanceof Class<?> c) {
      return classValue(node, c);
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) {
        return Optional.of(value(node, args[0]));
      }
      if (raw == List.class && node.isArray()) {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode element : node) {
          list.add(value(element, args[0]));
        }
        return list;
      }
      if (raw == Map.class && args[0] == String.class && node.isObject()) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          map.put(e.getKey(), value(e.getValue(), args[1]));
        }
        return map;
      }
    }
    throw Unsupported.INSTANCE;
  }

  private static Object classValue(JsonNode node, Class<?> type) {
    if (type == String.class) {
      if (node.isTextual()) {
        return node.textValue();
      }
    } else if (type == Integer.class || type == int.class) {
      if (node.isInt()) {
        return node.intValue();
      }
    } else if (type == Long.class || type == long.class) {
      if (node.isInt() || node.isLong()) {
        return node.longValue();
      }
    } else if (type == Boolean.class || type == boolean.class) {
      if (node.isBoolean()) {
        return node.booleanValue();
      }
    } else if (type == Object.class) {
      return untyped(node);
    } else if (type == IntOrString.class) {
      if (node.isInt()) {
        return IntOrString.of(node.intValue());
      }
      if (node.isTextual()) {
        return IntOrString.of(node.textValue());
      }
    } else if (type == GenericObject.class) {
      return genericObject(node);
    } else if (type.isRecord() && node.isObject()) {
      return record(node, type);
    }
    throw Unsupported.INSTANCE;
  }

  private static Object record(JsonNode node, Class<?> type) {
    RecordShape shape = RecordShape.of(type);
    if (!shape.plain()) {
      throw Unsupported.INSTANCE;
    }
    Object[] args = new Object[shape.names.length];
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      int i = shape.indexOf(e.getKey());
      if (i < 0) {
        throw Unsupported.INSTANCE; // an unknown field: reported with every other one by Jackson's path
      }
      if (e.getValue().isNull() && !shape.rawTypes[i].isPrimitive()) {
        continue; // an explicit null is an absent field: the record makes it empty, as Jackson's null value does
      }
      args[i] = value(e.getValue(), shape.types[i]);
    }
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null && shape.rawTypes[i].isPrimitive()) {
        args[i] = shape.rawTypes[i] == boolean.class ? Boolean.FALSE : zeroNumber(shape.rawTypes[i]);
      }
    }
    try {
      return shape.constructor.newInstance(args);
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw Unsupported.INSTANCE; // the record refuses the values: Jackson reports where
    }
  }

  private static Object zeroNumber(Class<?> primitive) {
    if (primitive == int.class) {
      return 0;
    }
    if (primitive == long.class) {
      return 0L;
    }
    throw Unsupported.INSTANCE;
  }

  /** An object of a kind kubesim does not model: the three typed fields, the rest kept untyped in order. */
  private static GenericObject genericObject(JsonNode node) {
    if (!node.isObject()) {
      throw Unsupported.INSTANCE;
    }
    String apiVersion = null;
    String kind = null;
    ObjectMeta metadata = null;
    Map<String, Object> content = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "apiVersion" -> apiVersion = (String) classValue(v, String.class);
        case "kind" -> kind = (String) classValue(v, String.class);
        case "metadata" -> metadata = (ObjectMeta) value(v, ObjectMeta.class);
        default -> content.put(e.getKey(), untyped(v));
      }
    }
    return new GenericObject(apiVersion, kind, metadata, content);
  }

  /** A value of no declared type, as Jackson binds it: maps, lists, strings, numbers and booleans. */
  private static Object untyped(JsonNode node) {
    switch (node.getNodeType()) {
      case STRING:
        return node.textValue();
      case BOOLEAN:
        return node.booleanValue();
      case NUMBER:
        if (node.isInt() || node.isLong() || node.isBigInteger() || node.isDouble() || node.isFloat()
            || node.isBigDecimal()) {
          return node.numberValue();
        }
        break;
      case ARRAY: {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode element : node) {
          list.add(untyped(element));
        }
        return list;
      }
      case OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          map.put(e.getKey(), untyped(e.getValue()));
        }
        return map;
      }
      default:
        break;
    }
    throw Unsupported.INSTANCE; // null, binary and embedded values follow Jackson's own rules
  }
}
