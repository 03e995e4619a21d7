package dev.kubesim.impl.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.IntOrString;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the API's records as JSON trees directly, the tree Jackson's binding makes of them with
 * the codec's inclusion rules: components in declaration order, absent values left out, empty
 * lists and maps left out, {@code @JsonInclude(ALWAYS)} components written as {@code null}; a
 * {@link GenericObject}'s content at the top level after its metadata. It spares the first encode
 * of a JVM the introspection Jackson does for each class.
 *
 * <p>A value it does not know throws {@link RecordDecoder.Unsupported}, and the caller encodes
 * with Jackson.
 */
final class RecordEncoder {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RecordEncoder() {}

  /**
   * The record as a JSON object.
   *
   * @throws RecordDecoder.Unsupported when a value is of a type only Jackson knows how to write
   */
  static ObjectNode encode(Record record) {
    return object(record);
  }

  private static ObjectNode object(Record record) {
    if (record instanceof GenericObject generic) {
      return genericObject(generic);
    }
    RecordShape shape = RecordShape.of(record.getClass());
    if (!shape.plain()) {
      throw RecordDecoder.Unsupported.INSTANCE;
    }
    ObjectNode out = NODES.objectNode();
    for (int i = 0; i < shape.names.length; i++) {
      Object value;
      try {
        value = shape.accessors[i].invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw RecordDecoder.Unsupported.INSTANCE;
      }
      if (value instanceof Optional<?> optional) {
        value = optional.orElse(null);
      } else if (value instanceof Collection<?> c && c.isEmpty() && Collection.class.isAssignableFrom(shape.rawTypes[i])
          || value instanceof Map<?, ?> m && m.isEmpty() && Map.class.isAssignableFrom(shape.rawTypes[i])) {
        continue; // empty lists and maps are left out, as Go's omitempty does
      }
      if (value == null) {
        if (shape.alwaysWritten[i]) {
          out.putNull(shape.names[i]);
        }
        continue;
      }
      out.set(shape.names[i], node(value));
    }
    return out;
  }

  private static ObjectNode genericObject(GenericObject o) {
    ObjectNode out = NODES.objectNode();
    if (o.apiVersion() != null) {
      out.put("apiVersion", o.apiVersion());
    }
    if (o.kind() != null) {
      out.put("kind", o.kind());
    }
    out.set("metadata", object(o.metadata()));
    for (Map.Entry<String, Object> e : o.content().entrySet()) {
      out.set(e.getKey(), node(e.getValue()));
    }
    return out;
  }

  private static JsonNode node(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Float f) {
      return NODES.numberNode(f);
    }
    if (value instanceof BigInteger b) {
      return NODES.numberNode(b);
    }
    if (value instanceof BigDecimal b) {
      return NODES.numberNode(b);
    }
    if (value instanceof IntOrString v) {
      return v.isInt() ? NODES.numberNode(v.intValue().getAsInt()) : NODES.textNode(v.stringValue());
    }
    if (value instanceof Record r) {
      return object(r);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode out = NODES.objectNode();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw RecordDecoder.Unsupported.INSTANCE;
        }
        out.set(key, node(e.getValue()));
      }
      return out;
    }
    if (value instanceof List<?> list) {
      ArrayNode out = NODES.arrayNode(list.size());
      for (Object element : list) {
        out.add(node(element));
      }
      return out;
    }
    if (value instanceof JsonNode tree) {
      return tree.deepCopy();
    }
    throw RecordDecoder.Unsupported.INSTANCE;
  }
}
