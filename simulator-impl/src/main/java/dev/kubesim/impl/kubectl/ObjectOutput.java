package dev.kubesim.impl.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.output.GoJson;
import dev.kubesim.impl.kubectl.output.GoYaml;
import java.util.List;

/**
 * The structured outputs {@code -o yaml} and {@code -o json}: one object as itself when one was
 * named, otherwise a {@code v1 List} with the objects as items.
 */
final class ObjectOutput {
  private ObjectOutput() {}

  /** The text for {@code -o yaml} or {@code -o json}. */
  static String render(String format, List<KubeObject> objects, boolean single) {
    JsonNode tree = tree(objects, single);
    return format.equals("json") ? GoJson.indented(tree, "    ") : GoYaml.write(tree);
  }

  /** What the structured outputs and templates print from: the one object named, or a {@code List}. */
  static JsonNode tree(List<KubeObject> objects, boolean single) {
    return single && objects.size() == 1 ? ObjectCodec.encode(objects.get(0)) : list(objects);
  }

  private static ObjectNode list(List<KubeObject> objects) {
    ObjectNode list = JsonNodeFactory.instance.objectNode();
    list.put("apiVersion", "v1");
    ArrayNode items = list.putArray("items");
    for (KubeObject o : objects) {
      items.add(ObjectCodec.encode(o));
    }
    list.put("kind", "List");
    list.putObject("metadata").put("resourceVersion", "");
    return list;
  }
}
