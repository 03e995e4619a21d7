package dev.kubesim.impl.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The three-way merge of client-side {@code kubectl apply}: the new configuration is laid over
 * the live object, and fields that the last applied configuration had but the new one no longer
 * has are removed. Lists of objects merge item by item on their strategic merge key ({@code name},
 * {@code containerPort}, {@code port}, {@code mountPath}) so that values the API server filled in
 * (defaults, allocated nodePorts) survive; other lists are replaced.
 */
final class ApplyMerge {
  private static final List<String> MERGE_KEYS = List.of("containerPort", "port", "mountPath", "name");

  private ApplyMerge() {}

  /** The object to store, given the live object, the last applied and the new configuration. */
  static JsonNode merge(JsonNode live, JsonNode lastApplied, JsonNode config) {
    return mergeValue(live, lastApplied, config);
  }

  private static JsonNode mergeValue(JsonNode live, JsonNode last, JsonNode config) {
    if (config.isObject() && live != null && live.isObject()) {
      return mergeObject((ObjectNode) live, last != null && last.isObject() ? last : null, (ObjectNode) config);
    }
    if (config.isArray() && live != null && live.isArray()) {
      String key = mergeKey((ArrayNode) config);
      if (key != null) {
        return mergeList((ArrayNode) live, last != null && last.isArray() ? (ArrayNode) last : null, (ArrayNode) config, key);
      }
    }
    return config.deepCopy();
  }

  private static ObjectNode mergeObject(ObjectNode live, JsonNode last, ObjectNode config) {
    ObjectNode out = live.deepCopy();
    if (last != null) {
      for (Iterator<String> it = last.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!config.has(field)) {
          out.remove(field);
        }
      }
    }
    for (Iterator<String> it = config.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      JsonNode c = config.get(field);
      if (c.isNull()) {
        out.remove(field); // null in a configuration deletes the field
        continue;
      }
      out.set(field, mergeValue(live.get(field), last == null ? null : last.get(field), c));
    }
    return out;
  }

  private static ArrayNode mergeList(ArrayNode live, ArrayNode last, ArrayNode config, String key) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    List<JsonNode> used = new ArrayList<>();
    for (JsonNode c : config) {
      JsonNode l = find(live, key, c.get(key));
      if (l != null) {
        used.add(l);
      }
      out.add(l == null ? c.deepCopy() : mergeValue(l, last == null ? null : find(last, key, c.get(key)), c));
    }
    for (JsonNode l : live) {
      boolean inConfig = used.contains(l);
      boolean wasApplied = last != null && find(last, key, l.get(key)) != null;
      if (!inConfig && !wasApplied) {
        out.add(l.deepCopy()); // added by someone else: kept, as a strategic merge keeps it
      }
    }
    return out;
  }

  private static JsonNode find(ArrayNode list, String key, JsonNode value) {
    if (value == null) {
      return null;
    }
    for (JsonNode item : list) {
      if (value.equals(item.get(key))) {
        return item;
      }
    }
    return null;
  }

  /** The key every item of the list carries, or null when the list is replaced as a whole. */
  private static String mergeKey(ArrayNode config) {
    if (config.isEmpty()) {
      return null;
    }
    for (String key : MERGE_KEYS) {
      boolean all = true;
      for (JsonNode item : config) {
        if (!item.isObject() || !item.has(key)) {
          all = false;
          break;
        }
      }
      if (all) {
        return key;
      }
    }
    return null;
  }
}
