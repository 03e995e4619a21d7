package dev.kubesim.impl.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.codec.ObjectCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code scale} subresource's {@code autoscaling/v1} Scale of a ReplicationController,
 * ReplicaSet, Deployment or StatefulSet: the object's identity, {@code spec.replicas}, and {@code
 * status.replicas} with the selector as text ({@code app=kubia}).
 */
final class Scales {
  private Scales() {}

  static ObjectNode of(KubeObject object) {
    ObjectNode tree = ObjectCodec.encode(object);
    ObjectNode scale = JsonNodeFactory.instance.objectNode();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode meta = scale.putObject("metadata");
    JsonNode m = tree.path("metadata");
    for (String field : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      if (m.has(field)) {
        meta.set(field, m.get(field));
      }
    }
    JsonNode spec = tree.path("spec");
    scale.putObject("spec").put("replicas", spec.path("replicas").asInt(1));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", tree.path("status").path("replicas").asInt(0));
    String selector = selector(spec.path("selector"));
    if (!selector.isEmpty()) {
      status.put("selector", selector);
    }
    return scale;
  }

  /** A selector as {@code labels.Selector.String()} writes it: requirements sorted by key. */
  private static String selector(JsonNode selector) {
    if (!selector.isObject()) {
      return "";
    }
    Map<String, String> parts = new TreeMap<>();
    boolean labelSelector = selector.has("matchLabels") || selector.has("matchExpressions");
    if (!labelSelector) { // a ReplicationController's map
      selector.fields().forEachRemaining(e -> parts.put(e.getKey(), e.getKey() + "=" + e.getValue().asText()));
      return String.join(",", parts.values());
    }
    selector.path("matchLabels").fields().forEachRemaining(e -> parts.put(e.getKey(), e.getKey() + "=" + e.getValue().asText()));
    List<String> out = new ArrayList<>(parts.values());
    for (JsonNode e : selector.path("matchExpressions")) {
      String key = e.path("key").asText();
      List<String> values = new ArrayList<>();
      e.path("values").forEach(v -> values.add(v.asText()));
      values.sort(null);
      out.add(switch (e.path("operator").asText()) {
        case "In" -> key + " in (" + String.join(",", values) + ")";
        case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
        case "Exists" -> key;
        default -> "!" + key;
      });
    }
    out.sort(null);
    return String.join(",", out);
  }
}
