package dev.kubesim.impl.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * A JSON tree as compact text, character for character what {@code JsonNode.toString()} writes,
 * with Jackson's streaming generator alone: {@code toString()} builds a whole data-binding mapper
 * the first time a JVM calls it.
 */
public final class CompactJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private CompactJson() {}

  /** The tree as one line of JSON, fields in the tree's order. */
  public static String text(JsonNode tree) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(tree, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /** The tree as one line of JSON in UTF-8, as {@code ObjectMapper.writeValueAsBytes} writes it. */
  public static byte[] bytes(JsonNode tree) {
    return text(tree).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void write(JsonNode node, JsonGenerator g) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          g.writeFieldName(e.getKey());
          write(e.getValue(), g);
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode element : node) {
          write(element, g);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(node.textValue());
      case BOOLEAN -> g.writeBoolean(node.booleanValue());
      case NULL, MISSING -> g.writeNull();
      case NUMBER -> writeNumber(node, g);
      default -> g.writeString(node.asText()); // binary and POJO nodes do not occur in API trees
    }
  }

  private static void writeNumber(JsonNode node, JsonGenerator g) throws IOException {
    if (node.isInt() || node.isShort()) {
      g.writeNumber(node.intValue());
    } else if (node.isLong()) {
      g.writeNumber(node.longValue());
    } else if (node.isBigInteger()) {
      g.writeNumber(node.bigIntegerValue());
    } else if (node.isBigDecimal()) {
      g.writeNumber(node.decimalValue());
    } else if (node.isFloat()) {
      g.writeNumber(node.floatValue());
    } else {
      g.writeNumber(node.doubleValue());
    }
  }
}
