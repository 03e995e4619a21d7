package dev.kubesim.impl.kubectl.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kubesim.impl.codec.Document;
import dev.kubesim.impl.codec.ManifestReader;
import java.util.ArrayList;
import java.util.List;

/**
 * kustomize's {@code replacements}: a value read from one resource's field ({@code source}, by
 * default {@code metadata.name}; or a literal {@code sourceValue}) written into the fields of the
 * resources each target selects, with {@code delimiter}/{@code index} and {@code create} options.
 * Field paths are dotted, with {@code [key=value]} to pick a list element, {@code *} for all of
 * them and numbers for an index. Entries may be inline or {@code path:} files of replacements.
 * (Values inside structured strings, kustomize's JSON-in-a-field paths, are not reached.)
 */
final class Replacements {
  private Replacements() {}

  static void run(Loader ldr, List<Res> ra, List<JsonNode> entries) {
    for (JsonNode entry : entries) {
      String path = Res.text(entry.get("path"));
      if (!path.isEmpty()) {
        for (Document d : ManifestReader.read(ldr.join(path), ldr.load(path))) {
          List<JsonNode> list = new ArrayList<>();
          if (d.tree().isArray()) {
            d.tree().forEach(list::add);
          } else {
            list.add(d.tree());
          }
          list.forEach(r -> replace(ra, r));
        }
      } else {
        replace(ra, entry);
      }
    }
  }

  private static void replace(List<Res> ra, JsonNode r) {
    JsonNode source = r.get("source");
    JsonNode sourceValue = r.get("sourceValue");
    JsonNode targets = r.get("targets");
    if ((source == null && sourceValue == null) || targets == null || !targets.isArray() || targets.isEmpty()) {
      throw new KustomizeException("replacements must specify a source and at least one target");
    }
    if (source != null && sourceValue != null) {
      throw new KustomizeException("value and resource selectors are mutually exclusive");
    }
    JsonNode value;
    if (sourceValue != null) {
      value = TextNode.valueOf(sourceValue.asText());
    } else {
      Res from = null;
      for (Res x : ra) {
        if (exact(source, x)) {
          if (from != null) {
            throw new KustomizeException("multiple matches for selector " + describe(source));
          }
          from = x;
        }
      }
      if (from == null) {
        throw new KustomizeException("nothing selected by " + describe(source));
      }
      String fieldPath = Res.text(source.get("fieldPath"));
      if (fieldPath.isEmpty()) {
        fieldPath = "metadata.name";
      }
      List<JsonNode> found = new ArrayList<>();
      find(from.tree, split(fieldPath), 0, false, null, found);
      if (found.isEmpty() || found.get(0).isNull()) {
        throw new KustomizeException("fieldPath `" + fieldPath + "` is missing for replacement source " + from.id());
      }
      value = found.get(0);
      JsonNode options = source.get("options");
      String delimiter = options == null ? "" : Res.text(options.get("delimiter"));
      if (!delimiter.isEmpty()) {
        if (value.isContainerNode()) {
          throw new KustomizeException("delimiter option can only be used with scalar nodes");
        }
        String[] parts = value.asText().split(java.util.regex.Pattern.quote(delimiter), -1);
        int index = options.path("index").asInt(0);
        if (index < 0 || index >= parts.length) {
          throw new KustomizeException("options.index " + index + " is out of bounds for value " + value.asText());
        }
        value = TextNode.valueOf(parts[index]);
      }
    }
    for (JsonNode target : targets) {
      JsonNode select = target.get("select");
      if (select == null || select.isNull()) {
        throw new KustomizeException("target must specify resources to select");
      }
      List<String> paths = new ArrayList<>();
      target.path("fieldPaths").forEach(p -> paths.add(p.asText()));
      if (paths.isEmpty()) {
        paths.add("metadata.name");
      }
      JsonNode options = target.get("options");
      boolean create = options != null && options.path("create").asBoolean(false);
      String delimiter = options == null ? "" : Res.text(options.get("delimiter"));
      int index = options == null ? 0 : options.path("index").asInt(0);
      List<Res> selected = Patching.select(ra, select);
      for (JsonNode reject : target.path("reject")) {
        selected.removeAll(Patching.select(ra, reject));
      }
      for (Res res : selected) {
        for (String fp : paths) {
          List<JsonNode> holders = new ArrayList<>();
          find(res.tree, split(fp), 0, create, delimiter.isEmpty() ? value : new Delimited(value, delimiter, index),
              holders);
          if (holders.isEmpty()) {
            throw new KustomizeException((create ? "unable to find or create field \"" : "unable to find field \"")
                + fp + "\" in replacement target");
          }
        }
      }
    }
  }

  /** A source selector's fields, as exact matches of the resource's kind, group, version, name and namespace. */
  private static boolean exact(JsonNode s, Res r) {
    return is(s, "kind", List.of(r.kind())) && is(s, "group", List.of(r.group())) && is(s, "version", List.of(r.version()))
        && is(s, "name", r.names) && is(s, "namespace", r.namespaces);
  }

  private static boolean is(JsonNode s, String field, List<String> values) {
    String want = Res.text(s.get(field));
    return want.isEmpty() || values.contains(want);
  }

  private static String describe(JsonNode s) {
    String kind = Res.text(s.get("kind"));
    String version = Res.text(s.get("version"));
    String group = Res.text(s.get("group"));
    String name = Res.text(s.get("name"));
    String ns = Res.text(s.get("namespace"));
    return (kind.isEmpty() ? "[noKind]" : kind) + "." + (version.isEmpty() ? "[noVer]" : version) + "."
        + (group.isEmpty() ? "[noGrp]" : group) + "/" + (name.isEmpty() ? "[noName]" : name) + "."
        + (ns.isEmpty() ? "[noNs]" : ns);
  }

  /** A dotted path cut at the dots outside brackets. */
  static List<String> split(String path) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    for (char c : path.toCharArray()) {
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      }
      if (c == '.' && depth == 0) {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    return parts;
  }

  /**
   * Walks a path: with {@code value} null, collects what is found; otherwise writes the value at
   * every match (creating missing fields when asked) and collects the written places.
   */
  private static void find(JsonNode node, List<String> parts, int i, boolean create, JsonNode value,
      List<JsonNode> out) {
    String part = parts.get(i);
    boolean last = i == parts.size() - 1;
    if (node instanceof ArrayNode a) {
      List<Integer> picks = new ArrayList<>();
      if (part.equals("*")) {
        for (int k = 0; k < a.size(); k++) {
          picks.add(k);
        }
      } else if (part.startsWith("[") && part.endsWith("]") && part.contains("=")) {
        String key = part.substring(1, part.indexOf('='));
        String want = part.substring(part.indexOf('=') + 1, part.length() - 1);
        for (int k = 0; k < a.size(); k++) {
          JsonNode e = a.get(k);
          JsonNode v = key.isEmpty() ? e : e.get(key);
          if (v != null && !v.isContainerNode() && v.asText().equals(want)) {
            picks.add(k);
          }
        }
        if (picks.isEmpty() && create && value != null && !key.isEmpty()) {
          ObjectNode e = a.addObject();
          e.put(key, want);
          picks.add(a.size() - 1);
        }
      } else if (part.matches("[0-9]+")) {
        int k = Integer.parseInt(part);
        if (k < a.size()) {
          picks.add(k);
        }
      }
      for (int k : picks) {
        if (last) {
          if (value != null) {
            a.set(k, converted(a.get(k), value));
          }
          out.add(a.get(k));
        } else {
          find(a.get(k), parts, i + 1, create, value, out);
        }
      }
      return;
    }
    if (!(node instanceof ObjectNode o)) {
      return;
    }
    JsonNode child = o.get(part);
    if (last) {
      if (value != null && (child != null || create)) {
        o.set(part, converted(child, value));
        out.add(o.get(part));
      } else if (value == null && child != null) {
        out.add(child);
      }
      return;
    }
    if (child == null || child.isNull()) {
      if (!create || value == null) {
        return;
      }
      String next = parts.get(i + 1);
      child = next.startsWith("[") || next.equals("*") || next.matches("[0-9]+") ? o.putArray(part) : o.putObject(part);
    }
    find(child, parts, i + 1, create, value, out);
  }

  /** A value that replaces one part of the target's delimited text (before it when negative, after it past the end). */
  private static final class Delimited extends TextNode {
    private static final long serialVersionUID = 1L;
    final String delimiter;
    final int index;

    Delimited(JsonNode value, String delimiter, int index) {
      super(value.asText());
      this.delimiter = delimiter;
      this.index = index;
    }

    JsonNode into(JsonNode old) {
      if (old == null || old.isContainerNode()) {
        throw new KustomizeException("delimiter option can only be used with scalar nodes");
      }
      List<String> parts = new ArrayList<>(List.of(old.asText().split(java.util.regex.Pattern.quote(delimiter), -1)));
      if (index < 0) {
        parts.add(0, asText());
      } else if (index >= parts.size()) {
        parts.add(asText());
      } else {
        parts.set(index, asText());
      }
      return TextNode.valueOf(String.join(delimiter, parts));
    }
  }

  /** The value as it lands in a field: a scalar keeps the field's own type, as kustomize keeps the node's tag. */
  private static JsonNode converted(JsonNode old, JsonNode value) {
    if (value instanceof Delimited d) {
      return converted(old, d.into(old));
    }
    if (old == null || old.isNull() || old.isContainerNode() || value.isContainerNode()) {
      return value.deepCopy();
    }
    String text = value.asText();
    if (old.isNumber()) {
      try {
        if (old.isIntegralNumber()) {
          long l = Long.parseLong(text);
          return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? IntNode.valueOf((int) l) : LongNode.valueOf(l);
        }
        return DoubleNode.valueOf(Double.parseDouble(text));
      } catch (NumberFormatException e) {
        return TextNode.valueOf(text);
      }
    }
    if (old.isBoolean() && (text.equals("true") || text.equals("false"))) {
      return BooleanNode.valueOf(text.equals("true"));
    }
    return TextNode.valueOf(text);
  }
}
