package dev.kubesim.impl.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.ObjectMeta;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads objects of kinds kubesim does not model, keeping their top-level fields in the order the
 * manifest wrote them (Jackson's any-setter on records would not) and decoding {@code metadata}
 * strictly, with its real field paths.
 */
final class GenericObjectDeserializer extends StdDeserializer<GenericObject> {
  private static final long serialVersionUID = 1L;

  GenericObjectDeserializer() {
    super(GenericObject.class);
  }

  @Override
  public GenericObject deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!p.isExpectedStartObjectToken()) {
      return (GenericObject) ctxt.handleUnexpectedToken(GenericObject.class, p);
    }
    String apiVersion = null;
    String kind = null;
    ObjectMeta metadata = null;
    Map<String, Object> content = new LinkedHashMap<>();
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      JsonToken token = p.nextToken();
      switch (name) {
        case "apiVersion" -> apiVersion = ctxt.readValue(p, String.class);
        case "kind" -> kind = ctxt.readValue(p, String.class);
        case "metadata" -> metadata = ctxt.readValue(p, ObjectMeta.class);
        default -> {
          Object value = token == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Object.class);
          if (value != null) {
            content.put(name, value);
          }
        }
      }
    }
    return new GenericObject(apiVersion, kind, metadata, content);
  }
}
