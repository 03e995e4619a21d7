package dev.kubesim.impl.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import dev.kubesim.impl.apiserver.FieldSet.Element;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Structured-merge-diff's walks over an object's JSON, with the list and map types of {@link
 * FieldTypes}: the set of fields a configuration sets ({@code ToFieldSet}), the comparison of two
 * versions of an object ({@code Compare}: what was added, modified, removed), the merge of an
 * applied configuration into the live object ({@code Merge}), and the removal of fields ({@code
 * RemoveItems}).
 */
final class ObjectFields {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** What changed from one version of an object to the next. */
  record Comparison(FieldSet added, FieldSet modified, FieldSet removed) {
    /** The fields added or modified. */
    FieldSet changed() {
      return added.union(modified);
    }
  }

  private ObjectFields() {}

  // ---- ToFieldSet

  /** The fields the object sets: its scalars, atomic lists and maps, and keyed lists' and sets' items. */
  static FieldSet fieldSet(String kind, JsonNode object) {
    List<List<Element>> out = new ArrayList<>();
    collect(kind, object, "", new ArrayList<>(), out);
    return FieldSet.of(out);
  }

  private static void collect(String kind, JsonNode node, String names, List<Element> path, List<List<Element>> out) {
    if (node.isObject()) {
      if (!path.isEmpty() && FieldTypes.atomicMap(kind, names)) {
        out.add(List.copyOf(path));
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        List<Element> p = append(path, Element.field(e.getKey()));
        collect(kind, e.getValue(), join(names, e.getKey()), p, out);
        if (e.getValue().isObject() && e.getValue().isEmpty()) {
          // an empty map is set as such ({"emptyDir": {}})
          out.add(p);
        }
      }
    } else if (node.isArray()) {
      FieldTypes.ListType type = FieldTypes.list(kind, names);
      if (type == null) {
        out.add(List.copyOf(path));
        return;
      }
      for (JsonNode item : node) {
        List<Element> p = append(path, element(type, item));
        out.add(p);
        if (!type.set() && item.isObject()) {
          for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<Element> child = append(p, Element.field(e.getKey()));
            collect(kind, e.getValue(), join(names, e.getKey()), child, out);
            if (e.getValue().isObject() && e.getValue().isEmpty()) {
              out.add(child);
            }
          }
        }
      }
    } else {
      out.add(List.copyOf(path));
    }
  }

  /** The element that names a keyed list's or a set's item. */
  static Element element(FieldTypes.ListType type, JsonNode item) {
    if (type.set() || !item.isObject()) {
      return Element.value(item);
    }
    Map<String, JsonNode> key = new TreeMap<>();
    for (String k : type.keys()) {
      JsonNode v = item.get(k);
      if (v == null && FieldTypes.KEY_DEFAULTS.containsKey(k)) {
        v = TextNode.valueOf(FieldTypes.KEY_DEFAULTS.get(k));
      }
      if (v != null) {
        key.put(k, v);
      }
    }
    return Element.key(key);
  }

  // ---- Compare

  /** What changed from {@code before} to {@code after}; a map or list that appears or goes counts itself. */
  static Comparison compare(String kind, JsonNode before, JsonNode after) {
    Walk w = new Walk(kind);
    w.compare(before, after, "", new ArrayList<>(), false);
    return new Comparison(FieldSet.of(w.added), FieldSet.of(w.modified), FieldSet.of(w.removed));
  }

  private static final class Walk {
    final String kind;
    final List<List<Element>> added = new ArrayList<>();
    final List<List<Element>> modified = new ArrayList<>();
    final List<List<Element>> removed = new ArrayList<>();

    Walk(String kind) {
      this.kind = kind;
    }

    void compare(JsonNode l, JsonNode r, String names, List<Element> path, boolean item) {
      if (l == null && r == null) {
        return;
      }
      JsonNode any = r != null ? r : l;
      boolean granularMap = any.isObject() && (path.isEmpty() || !FieldTypes.atomicMap(kind, names))
          && (l == null || l.isObject()) && (r == null || r.isObject());
      FieldTypes.ListType type = any.isArray() ? FieldTypes.list(kind, names) : null;
      boolean granularList = type != null && (l == null || l.isArray()) && (r == null || r.isArray());
      if (!granularMap && !granularList) {
        if (l == null) {
          added.add(List.copyOf(path));
        } else if (r == null) {
          removed.add(List.copyOf(path));
        } else if (!same(l, r)) {
          modified.add(List.copyOf(path));
        }
        return;
      }
      if (!path.isEmpty() && (item || !FieldTypes.alwaysPresent(names))) {
        if (l == null) {
          added.add(List.copyOf(path));
        } else if (r == null) {
          removed.add(List.copyOf(path));
        }
      }
      if (granularMap) {
        Set<String> fields = new LinkedHashSet<>();
        if (l != null) {
          l.fieldNames().forEachRemaining(fields::add);
        }
        if (r != null) {
          r.fieldNames().forEachRemaining(fields::add);
        }
        for (String f : fields) {
          compare(l == null ? null : l.get(f), r == null ? null : r.get(f), join(names, f),
              append(path, Element.field(f)), false);
        }
        return;
      }
      Map<Element, JsonNode> li = items(type, l);
      Map<Element, JsonNode> ri = items(type, r);
      Set<Element> all = new LinkedHashSet<>(li.keySet());
      all.addAll(ri.keySet());
      for (Element e : all) {
        List<Element> p = append(path, e);
        JsonNode a = li.get(e);
        JsonNode b = ri.get(e);
        if (type.set()) {
          if (a == null) {
            added.add(p);
          } else if (b == null) {
            removed.add(p);
          }
        } else {
          compare(a, b, names, p, true);
        }
      }
    }
  }

  private static Map<Element, JsonNode> items(FieldTypes.ListType type, JsonNode list) {
    Map<Element, JsonNode> out = new LinkedHashMap<>();
    if (list != null) {
      for (JsonNode item : list) {
        out.putIfAbsent(element(type, item), item);
      }
    }
    return out;
  }

  /** JSON equality with numbers compared by value ({@code 1} and {@code 1.0} are the same). */
  static boolean same(JsonNode a, JsonNode b) {
    Comparator<JsonNode> numbers = (x, y) -> {
      if (x.equals(y)) {
        return 0;
      }
      if (x.isNumber() && y.isNumber()) {
        return x.decimalValue().compareTo(y.decimalValue());
      }
      return 1;
    };
    return a.equals(numbers, b);
  }

  // ---- Merge

  /** The applied configuration merged into the live object: maps field by field, keyed lists item by item. */
  static JsonNode merge(String kind, JsonNode live, JsonNode config) {
    return merge(kind, live, config, "", true);
  }

  private static JsonNode merge(String kind, JsonNode l, JsonNode r, String names, boolean root) {
    if (r == null) {
      return l == null ? null : l.deepCopy();
    }
    if (l == null) {
      return r.deepCopy();
    }
    if (l.isObject() && r.isObject() && (root || !FieldTypes.atomicMap(kind, names))) {
      ObjectNode out = ((ObjectNode) l).deepCopy();
      for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), merge(kind, l.get(e.getKey()), e.getValue(), join(names, e.getKey()), false));
      }
      return out;
    }
    FieldTypes.ListType type = l.isArray() && r.isArray() ? FieldTypes.list(kind, names) : null;
    if (type == null) {
      return r.deepCopy();
    }
    return mergeList(kind, type, (ArrayNode) l, (ArrayNode) r, names);
  }

  /**
   * Merges keyed lists as structured-merge-diff orders them: items both have follow the applied
   * order, items only the live list has keep their place among them, new items come where the
   * configuration puts them.
   */
  private static ArrayNode mergeList(String kind, FieldTypes.ListType type, ArrayNode l, ArrayNode r, String names) {
    List<Element> lPes = new ArrayList<>();
    l.forEach(i -> lPes.add(element(type, i)));
    List<Element> rPes = new ArrayList<>();
    r.forEach(i -> rPes.add(element(type, i)));
    Map<Element, JsonNode> lItems = items(type, l);
    Map<Element, JsonNode> rItems = items(type, r);
    Deque<Element> shared = new ArrayDeque<>();
    for (Element e : rPes) {
      if (lItems.containsKey(e)) {
        shared.add(e);
      }
    }
    Element nextShared = shared.poll();
    Set<Element> mergedRight = new HashSet<>();
    ArrayNode out = JSON.arrayNode();
    int li = 0;
    int ri = 0;
    while (li < lPes.size() || ri < rPes.size()) {
      if (li < lPes.size() && ri < rPes.size()) {
        Element pe = lPes.get(li);
        if (pe.equals(rPes.get(ri))) {
          mergedRight.add(pe);
          out.add(mergeItem(kind, type, lItems.get(pe), rItems.get(pe), names));
          li++;
          ri++;
          nextShared = shared.poll();
          continue;
        }
        if (rItems.containsKey(pe) && nextShared != null && !nextShared.equals(pe)) {
          li++;
          continue;
        }
      }
      if (li < lPes.size()) {
        Element pe = lPes.get(li);
        if (!rItems.containsKey(pe)) {
          out.add(l.get(li).deepCopy());
          li++;
          continue;
        } else if (mergedRight.contains(pe)) {
          li++;
        }
      }
      if (ri < rPes.size()) {
        Element pe = rPes.get(ri);
        mergedRight.add(pe);
        out.add(mergeItem(kind, type, lItems.get(pe), rItems.get(pe), names));
        ri++;
        if (nextShared != null && nextShared.equals(pe)) {
          nextShared = shared.poll();
        }
      }
    }
    return out;
  }

  private static JsonNode mergeItem(String kind, FieldTypes.ListType type, JsonNode l, JsonNode r, String names) {
    if (type.set() || l == null || !l.isObject() || !r.isObject()) {
      return r.deepCopy();
    }
    ObjectNode out = ((ObjectNode) l).deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.set(e.getKey(), merge(kind, l.get(e.getKey()), e.getValue(), join(names, e.getKey()), false));
    }
    return out;
  }

  // ---- RemoveItems

  /** The object without the fields and items of the set. */
  static JsonNode remove(String kind, JsonNode object, FieldSet fields) {
    JsonNode out = object.deepCopy();
    for (ImmutableList<Element> p : fields.paths()) {
      removePath(kind, out, p);
    }
    return out;
  }

  private static void removePath(String kind, JsonNode root, List<Element> path) {
    JsonNode node = root;
    String names = "";
    for (int i = 0; i < path.size(); i++) {
      Element e = path.get(i);
      boolean last = i == path.size() - 1;
      if (e.type() == 0) {
        if (!node.isObject()) {
          return;
        }
        if (last) {
          ((ObjectNode) node).remove(e.text());
          return;
        }
        node = node.get(e.text());
        names = join(names, e.text());
      } else {
        FieldTypes.ListType type = FieldTypes.list(kind, names);
        if (!node.isArray() || type == null) {
          return;
        }
        int at = -1;
        for (int j = 0; j < node.size(); j++) {
          if (element(type, node.get(j)).equals(e)) {
            at = j;
            break;
          }
        }
        if (at < 0) {
          return;
        }
        if (last) {
          ((ArrayNode) node).remove(at);
          return;
        }
        node = node.get(at);
      }
      if (node == null) {
        return;
      }
    }
  }

  private static String join(String names, String field) {
    return names.isEmpty() ? field : names + "." + field;
  }

  private static List<Element> append(List<Element> path, Element e) {
    List<Element> out = new ArrayList<>(path.size() + 1);
    out.addAll(path);
    out.add(e);
    return out;
  }
}
