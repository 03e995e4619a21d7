package dev.kubesim.impl.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.BadRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The patch types the API server applies ({@code apimachinery/pkg/util/strategicpatch}, {@code
 * evanphx/json-patch}): JSON merge patch (RFC 7386, {@code kubectl label}, {@code scale}), strategic
 * merge patch ({@code kubectl apply}'s three-way patch, with its {@code $patch}, {@code
 * $retainKeys}, {@code $setElementOrder/} and {@code $deleteFromPrimitiveList/} directives) and
 * JSON patch (RFC 6902, {@code kubectl patch --type=json}).
 *
 * <p>A strategic merge patch merges lists of objects item by item on the field's patch merge key,
 * as the Go types' {@code patchMergeKey} tags declare it; the keys of the modelled kinds are listed
 * in {@link #MERGE_KEYS}. Other lists are replaced whole, as for a kind without a schema. The
 * served API and {@code kubectl patch} apply them alike.
 */
public final class Patches {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The content types of the patches, as clients send them. */
  public static final String MERGE = "application/merge-patch+json";
  public static final String STRATEGIC = "application/strategic-merge-patch+json";
  public static final String JSON_PATCH = "application/json-patch+json";
  public static final String APPLY = "application/apply-patch+yaml";

  /**
   * Patch merge keys by field path, lists' indexes left out and pod templates read as pods: {@code
   * spec.containers} stands for {@code spec.template.spec.containers} too. A key of {@code ""}
   * marks a list of scalars merged as a set ({@code patchStrategy:"merge"} on {@code []string}).
   */
  public static final Map<String, String> MERGE_KEYS = Map.ofEntries(
      Map.entry("metadata.finalizers", ""),
      Map.entry("metadata.ownerReferences", "uid"),
      Map.entry("spec.containers", "name"),
      Map.entry("spec.initContainers", "name"),
      Map.entry("spec.ephemeralContainers", "name"),
      Map.entry("spec.containers.ports", "containerPort"),
      Map.entry("spec.initContainers.ports", "containerPort"),
      Map.entry("spec.containers.env", "name"),
      Map.entry("spec.initContainers.env", "name"),
      Map.entry("spec.containers.volumeMounts", "mountPath"),
      Map.entry("spec.initContainers.volumeMounts", "mountPath"),
      Map.entry("spec.containers.volumeDevices", "devicePath"),
      Map.entry("spec.initContainers.volumeDevices", "devicePath"),
      Map.entry("spec.volumes", "name"),
      Map.entry("spec.imagePullSecrets", "name"),
      Map.entry("spec.hostAliases", "ip"),
      Map.entry("spec.topologySpreadConstraints", "topologyKey"),
      Map.entry("spec.resourceClaims", "name"),
      Map.entry("spec.schedulingGates", "name"),
      Map.entry("status.conditions", "type"),
      Map.entry("status.podIPs", "ip"),
      Map.entry("status.hostIPs", "ip"));

  /** Merge keys that only one kind has. */
  private static final Map<String, Map<String, String>> KIND_MERGE_KEYS = Map.of(
      "Service", Map.of("spec.ports", "port"),
      "Node", Map.of("status.addresses", "type", "status.conditions", "type"));

  private static final Set<String> POD_TEMPLATE_KINDS =
      Set.of("Pod", "ReplicationController", "ReplicaSet", "Deployment", "DaemonSet", "StatefulSet", "Job", "PodTemplate");

  private Patches() {}

  /** RFC 7386: objects merge, {@code null} removes, anything else replaces. */
  public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode out = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JSON.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) {
        out.remove(e.getKey());
      } else {
        out.set(e.getKey(), mergePatch(out.get(e.getKey()), e.getValue()));
      }
    }
    return out;
  }

  /** A strategic merge patch applied to an object of this kind. */
  public static JsonNode strategicMergePatch(String kind, JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      throw new BadRequestException("unable to find api field in struct for the patch: a patch must be a JSON object");
    }
    return mergeObject(kind, target != null && target.isObject() ? (ObjectNode) target : JSON.objectNode(),
        (ObjectNode) patch, "");
  }

  private static JsonNode mergeObject(String kind, ObjectNode target, ObjectNode patch, String path) {
    JsonNode directive = patch.get("$patch");
    if (directive != null) {
      switch (directive.asText()) {
        case "replace" -> {
          ObjectNode replaced = patch.deepCopy();
          replaced.remove("$patch");
          return stripDirectives(replaced);
        }
        case "delete" -> {
          return null;
        }
        case "merge" -> { }
        default -> throw new BadRequestException("Unknown patch type: " + directive.asText());
      }
    }
    ObjectNode out = target.deepCopy();
    List<String> retainKeys = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = e.getKey();
      JsonNode value = e.getValue();
      if (field.equals("$patch")) {
        continue;
      }
      if (field.equals("$retainKeys")) {
        retainKeys = new ArrayList<>();
        for (JsonNode k : value) {
          retainKeys.add(k.asText());
        }
        continue;
      }
      if (field.startsWith("$setElementOrder/") || field.startsWith("$deleteFromPrimitiveList/")) {
        continue; // applied with their lists below
      }
      String childPath = path.isEmpty() ? field : path + "." + field;
      if (value.isNull()) {
        out.remove(field);
      } else if (value.isObject()) {
        JsonNode current = out.get(field);
        JsonNode merged = mergeObject(kind, current != null && current.isObject() ? (ObjectNode) current : JSON.objectNode(),
            (ObjectNode) value, childPath);
        if (merged == null) {
          out.remove(field);
        } else {
          out.set(field, merged);
        }
      } else if (value.isArray()) {
        JsonNode current = out.get(field);
        out.set(field, mergeList(kind, current != null && current.isArray() ? (ArrayNode) current : JSON.arrayNode(),
            (ArrayNode) value, childPath));
      } else {
        out.set(field, value.deepCopy());
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("$deleteFromPrimitiveList/")) {
        String field = e.getKey().substring("$deleteFromPrimitiveList/".length());
        JsonNode list = out.get(field);
        if (list != null && list.isArray()) {
          ArrayNode kept = JSON.arrayNode();
          for (JsonNode item : list) {
            if (!contains(e.getValue(), item)) {
              kept.add(item);
            }
          }
          out.set(field, kept);
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("$setElementOrder/")) {
        String field = e.getKey().substring("$setElementOrder/".length());
        String childPath = path.isEmpty() ? field : path + "." + field;
        JsonNode list = out.get(field);
        if (list != null && list.isArray()) {
          out.set(field, order((ArrayNode) list, (ArrayNode) e.getValue(), mergeKey(kind, childPath)));
        }
      }
    }
    if (retainKeys != null) {
      List<String> names = new ArrayList<>();
      out.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (!retainKeys.contains(name)) {
          out.remove(name);
        }
      }
    }
    return out;
  }

  private static ArrayNode mergeList(String kind, ArrayNode target, ArrayNode patch, String path) {
    String key = mergeKey(kind, path);
    for (JsonNode item : patch) {
      if (item.isObject() && "replace".equals(item.path("$patch").asText())) {
        ArrayNode replaced = JSON.arrayNode();
        for (JsonNode i : patch) {
          if (!(i.isObject() && i.has("$patch"))) {
            replaced.add(stripDirectives(i.deepCopy()));
          }
        }
        return replaced;
      }
    }
    if (key == null) {
      ArrayNode replaced = JSON.arrayNode();
      patch.forEach(i -> replaced.add(stripDirectives(i.deepCopy())));
      return replaced;
    }
    if (key.isEmpty()) { // a set of scalars
      ArrayNode out = target.deepCopy();
      for (JsonNode item : patch) {
        if (!contains(out, item)) {
          out.add(item.deepCopy());
        }
      }
      return out;
    }
    ArrayNode out = target.deepCopy();
    for (JsonNode item : patch) {
      if (!item.isObject()) {
        throw new BadRequestException("unable to find api field in struct for the patch: list " + path
            + " takes objects with the merge key \"" + key + "\"");
      }
      JsonNode keyValue = item.get(key);
      if (keyValue == null) {
        throw new BadRequestException("map: " + item + " does not contain declared merge key: " + key);
      }
      int at = indexOf(out, key, keyValue);
      boolean delete = "delete".equals(item.path("$patch").asText());
      if (delete) {
        if (at >= 0) {
          out.remove(at);
        }
      } else if (at >= 0) {
        out.set(at, mergeObject(kind, (ObjectNode) out.get(at), (ObjectNode) item, path));
      } else {
        out.add(mergeObject(kind, JSON.objectNode(), (ObjectNode) item, path));
      }
    }
    return out;
  }

  /** The list in the order {@code $setElementOrder} gives; items it does not name keep their place after. */
  private static ArrayNode order(ArrayNode list, ArrayNode order, String key) {
    ArrayNode out = JSON.arrayNode();
    List<JsonNode> rest = new ArrayList<>();
    list.forEach(rest::add);
    for (JsonNode o : order) {
      for (int i = 0; i < rest.size(); i++) {
        JsonNode item = rest.get(i);
        boolean same = key == null || key.isEmpty() ? item.equals(o) : item.path(key).equals(o.path(key));
        if (same) {
          out.add(item);
          rest.remove(i);
          break;
        }
      }
    }
    rest.forEach(out::add);
    return out;
  }

  private static String mergeKey(String kind, String path) {
    Map<String, String> own = KIND_MERGE_KEYS.getOrDefault(kind, Map.of());
    if (own.containsKey(path)) {
      return own.get(path);
    }
    String p = path;
    if (POD_TEMPLATE_KINDS.contains(kind) || kind.equals("CronJob")) {
      p = p.replace("spec.jobTemplate.spec.template.", "").replace("spec.template.", "");
      if (path.startsWith("metadata.") || path.startsWith("status.")) {
        p = path;
      }
    } else if (p.startsWith("spec.") && !p.equals("metadata.finalizers") && !p.startsWith("status.")) {
      return null;
    }
    return MERGE_KEYS.get(p);
  }

  private static int indexOf(ArrayNode list, String key, JsonNode value) {
    for (int i = 0; i < list.size(); i++) {
      if (value.equals(list.get(i).get(key))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean contains(JsonNode list, JsonNode value) {
    for (JsonNode item : list) {
      if (item.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode stripDirectives(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (name.startsWith("$")) {
          o.remove(name);
        } else {
          stripDirectives(o.get(name));
        }
      }
    } else if (node.isArray()) {
      node.forEach(Patches::stripDirectives);
    }
    return node;
  }

  /** RFC 6902: add, remove, replace, move, copy and test, in order; a failed step fails the patch. */
  public static JsonNode jsonPatch(JsonNode target, JsonNode patch) {
    if (!patch.isArray()) {
      throw new BadRequestException("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
    }
    JsonNode doc = target.deepCopy();
    for (JsonNode op : patch) {
      String name = op.path("op").asText();
      String path = op.path("path").asText();
      switch (name) {
        case "add" -> doc = put(doc, path, value(op), true);
        case "replace" -> {
          get(doc, path);
          doc = put(doc, path, value(op), false);
        }
        case "remove" -> doc = remove(doc, path);
        case "move" -> {
          JsonNode v = get(doc, op.path("from").asText());
          doc = remove(doc, op.path("from").asText());
          doc = put(doc, path, v, true);
        }
        case "copy" -> doc = put(doc, path, get(doc, op.path("from").asText()).deepCopy(), true);
        case "test" -> {
          if (!get(doc, path).equals(value(op))) {
            throw new BadRequestException("the server rejected our request due to an error in our request");
          }
        }
        default -> throw new BadRequestException("Unexpected kind: " + name);
      }
    }
    return doc;
  }

  private static JsonNode value(JsonNode op) {
    if (!op.has("value")) {
      throw new BadRequestException("the server rejected our request due to an error in our request");
    }
    return op.get("value").deepCopy();
  }

  private static List<String> pointer(String path) {
    if (path.isEmpty()) {
      return List.of();
    }
    if (!path.startsWith("/")) {
      throw new BadRequestException("the server rejected our request due to an error in our request");
    }
    List<String> parts = new ArrayList<>();
    for (String p : path.substring(1).split("/", -1)) {
      parts.add(p.replace("~1", "/").replace("~0", "~"));
    }
    return parts;
  }

  private static JsonNode get(JsonNode doc, String path) {
    JsonNode at = doc;
    for (String p : pointer(path)) {
      at = at.isArray() ? (isIndex(p) ? at.get(Integer.parseInt(p)) : null) : at.get(p);
      if (at == null) {
        throw missing(path);
      }
    }
    return at;
  }

  private static JsonNode put(JsonNode doc, String path, JsonNode value, boolean insert) {
    List<String> parts = pointer(path);
    if (parts.isEmpty()) {
      return value;
    }
    JsonNode parent = get(doc, toPointer(parts.subList(0, parts.size() - 1)));
    String last = parts.get(parts.size() - 1);
    if (parent.isObject()) {
      ((ObjectNode) parent).set(last, value);
    } else if (parent.isArray()) {
      ArrayNode list = (ArrayNode) parent;
      if (last.equals("-") && insert) {
        list.add(value);
      } else if (isIndex(last) && Integer.parseInt(last) <= list.size() - (insert ? 0 : 1)) {
        if (insert) {
          list.insert(Integer.parseInt(last), value);
        } else {
          list.set(Integer.parseInt(last), value);
        }
      } else {
        throw missing(path);
      }
    } else {
      throw missing(path);
    }
    return doc;
  }

  private static JsonNode remove(JsonNode doc, String path) {
    List<String> parts = pointer(path);
    get(doc, path);
    JsonNode parent = get(doc, toPointer(parts.subList(0, parts.size() - 1)));
    String last = parts.get(parts.size() - 1);
    if (parent.isObject()) {
      ((ObjectNode) parent).remove(last);
    } else {
      ((ArrayNode) parent).remove(Integer.parseInt(last));
    }
    return doc;
  }

  private static String toPointer(List<String> parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      sb.append('/').append(p.replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  private static boolean isIndex(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 9;
  }

  private static BadRequestException missing(String path) {
    return new BadRequestException("the server rejected our request due to an error in our request: doc is missing path: \""
        + path + "\": missing value");
  }
}
