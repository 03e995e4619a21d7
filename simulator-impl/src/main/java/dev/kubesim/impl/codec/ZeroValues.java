package dev.kubesim.impl.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TreeTraversingParser;
import com.fasterxml.jackson.databind.util.AccessPattern;
import java.io.IOException;

/**
 * The zero value of an API struct, for a {@code null} in a list ({@code containers: [null]}): Go's
 * decoder leaves such an element as the empty struct, which validation then reports field by field
 * ({@code spec.containers[0].name: Required value}). A record's zero value is what {@code {}}
 * decodes to.
 */
final class ZeroValues extends BeanDeserializerModifier {
  private static final long serialVersionUID = 1L;

  @Override
  public JsonDeserializer<?> modifyDeserializer(
      DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
    Class<?> type = description.getBeanClass();
    if (type.isRecord() && type.getPackageName().equals("dev.kubesim.api.model")
        && deserializer instanceof BeanDeserializerBase) {
      return new ZeroValue(deserializer);
    }
    return deserializer;
  }

  /** Delegates everything but the empty value, which it decodes from {@code {}}. */
  private static final class ZeroValue extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    ZeroValue(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new ZeroValue(delegate);
    }

    @Override
    public AccessPattern getEmptyAccessPattern() {
      return AccessPattern.DYNAMIC;
    }

    @Override
    public Object getEmptyValue(DeserializationContext ctxt) throws JsonMappingException {
      try (JsonParser p = new TreeTraversingParser(JsonNodeFactory.instance.objectNode(), null)) {
        p.nextToken();
        return _delegatee.deserialize(p, ctxt);
      } catch (JsonMappingException e) {
        throw e;
      } catch (IOException e) {
        throw JsonMappingException.from(ctxt, e.getMessage(), e);
      }
    }
  }
}
