package dev.kubesim.impl.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * kubectl v1.32's {@code plaintext} explain template, walked over an OpenAPI v3 document as kubectl
 * walks the server's: the schema whose {@code x-kubernetes-group-version-kind} names the kind, the
 * field path followed through properties, {@code $ref}s, {@code allOf}, array items and map values,
 * then the description (wrapped at 76 columns, indented 4) and the fields, sorted by name as Go
 * ranges over a map (with their descriptions wrapped at 78 less their indent, or one line each,
 * nested two spaces a level, with {@code --recursive}). Truth follows Go templates: an empty string,
 * list or map counts as absent.
 */
final class ExplainTemplate {
  /** What the template wrote before it stopped, and the error it stopped with, if any. */
  record Result(String stdout, Optional<String> error) {}

  private final JsonNode document;
  private final boolean recursive;

  private ExplainTemplate(JsonNode document, boolean recursive) {
    this.document = document;
    this.recursive = recursive;
  }

  /**
   * Renders the explanation of a kind, or of a field of it.
   *
   * @param document the group version's OpenAPI v3 document
   * @param group the kind's group ({@code ""} for the core group)
   * @param version the kind's version
   * @param kind the kind
   * @param fieldPath the fields after the resource ({@code spec}, {@code containers}), possibly none
   * @param recursive whether fields are listed whole, one line each
   * @return the text, and the error kubectl prints after it when the schema or a field is missing
   */
  static Result render(JsonNode document, String group, String version, String kind, List<String> fieldPath,
      boolean recursive) {
    StringBuilder out = new StringBuilder();
    if (!group.isEmpty()) {
      out.append("GROUP:      ").append(group).append('\n');
    }
    out.append("KIND:       ").append(kind).append('\n');
    out.append("VERSION:    ").append(version).append('\n');
    out.append('\n');
    ExplainTemplate t = new ExplainTemplate(document, recursive);
    for (String name : sortedKeys(document.path("components").path("schemas"))) {
      JsonNode schema = document.path("components").path("schemas").get(name);
      if (!containsGvk(schema.get("x-kubernetes-group-version-kind"), group, version, kind)) {
        continue;
      }
      String text = t.output(schema, Set.of(), fieldPath);
      if (text.isEmpty()) {
        return new Result(out.toString(),
            Optional.of("error: field \"" + fieldPath.get(fieldPath.size() - 1) + "\" does not exist"));
      }
      return new Result(out.append(text).append('\n').toString(), Optional.empty());
    }
    return new Result(out.toString(), Optional.of("error: GVK map[group:" + group + " kind:" + kind + " version:" + version
        + "] not found in OpenAPI schema"));
  }

  private static boolean containsGvk(JsonNode list, String group, String version, String kind) {
    if (list == null || !list.isArray()) {
      return false;
    }
    for (JsonNode gvk : list) {
      if (gvk.size() == 3 && gvk.path("group").asText("").equals(group) && gvk.path("version").asText("").equals(version)
          && gvk.path("kind").asText("").equals(kind) && gvk.path("group").isTextual()) {
        return true;
      }
    }
    return false;
  }

  /** The template's {@code output}: follows the field path, then prints DESCRIPTION and FIELDS. */
  private String output(JsonNode schema, Set<String> history, List<String> path) {
    String ref = text(schema.get("$ref"));
    Set<String> next = with(history, ref);
    JsonNode resolved = resolvedOr(ref, schema);
    StringBuilder out = new StringBuilder();
    if (path.isEmpty()) {
      String description = description(resolved);
      out.append("DESCRIPTION:\n");
      out.append(indent(wrap(description.isEmpty() ? "<empty>" : description, 76), 4)).append('\n');
      String fields = fieldList(resolved, 1, Set.of());
      if (!fields.isEmpty()) {
        out.append("FIELDS:\n").append(fields);
      }
      return out.toString();
    }
    if (!ref.isEmpty() && history.contains(ref)) {
      return ""; // a cycle
    }
    JsonNode properties = resolved.get("properties");
    if (truthy(properties) && truthy(properties.get(path.get(0)))) {
      JsonNode sub = properties.get(path.get(0));
      if (path.size() == 1) {
        out.append("FIELD: ").append(path.get(0)).append(" <").append(typeGuess(sub)).append(">\n");
        out.append(extractEnum(sub, true, -1, 0)).append('\n');
        out.append('\n');
      }
      return out.append(output(sub, Set.of(), path.subList(1, path.size()))).toString();
    }
    if (truthy(resolved.get("items"))) {
      return output(resolved.get("items"), next, path);
    }
    if (isMap(resolved.get("additionalProperties"))) {
      return output(resolved.get("additionalProperties"), next, path);
    }
    JsonNode allOf = resolved.get("allOf");
    if (allOf != null && allOf.isArray()) {
      for (JsonNode alternative : allOf) {
        String text = output(alternative, next, path);
        if (!text.isEmpty()) {
          return text;
        }
      }
    }
    return "";
  }

  /** The template's {@code fieldList}: each property, and those of allOf, items and map values. */
  private String fieldList(JsonNode schema, int level, Set<String> history) {
    String ref = text(schema.get("$ref"));
    if (!ref.isEmpty() && history.contains(ref)) {
      return "";
    }
    Set<String> next = with(history, ref);
    JsonNode resolved = resolvedOr(ref, schema);
    StringBuilder out = new StringBuilder();
    JsonNode properties = resolved.get("properties");
    if (properties != null && properties.isObject()) {
      for (String name : sortedKeys(properties)) {
        out.append(fieldDetail(name, resolved, level));
        if (recursive) {
          out.append(fieldList(properties.get(name), level + 1, next));
        }
      }
    }
    JsonNode allOf = resolved.get("allOf");
    if (allOf != null && allOf.isArray()) {
      for (JsonNode alternative : allOf) {
        out.append(fieldList(alternative, level, next));
      }
    }
    if (truthy(resolved.get("items"))) {
      out.append(fieldList(resolved.get("items"), level, next));
    }
    if (isMap(resolved.get("additionalProperties"))) {
      out.append(fieldList(resolved.get("additionalProperties"), level, next));
    }
    return out.toString();
  }

  /** The template's {@code fieldDetail}: {@code name<TAB><type> -required-}, enum values, description. */
  private String fieldDetail(String name, JsonNode parent, int level) {
    int indent = level * 2;
    JsonNode field = parent.get("properties").get(name);
    StringBuilder out = new StringBuilder();
    out.append(" ".repeat(indent)).append(name).append("\t<").append(typeGuess(field)).append('>');
    JsonNode required = parent.get("required");
    if (required != null && required.isArray()) {
      for (JsonNode r : required) {
        if (r.isTextual() && r.asText().equals(name)) {
          out.append(" -required-");
          break;
        }
      }
    }
    out.append(extractEnum(field, false, 4, indent));
    out.append('\n');
    if (!recursive) {
      String description = text(field.get("description"));
      out.append(indent(wrap(description.isEmpty() ? "<no description>" : description, 78 - indent), indent + 2));
      out.append("\n\n");
    }
    return out.toString();
  }

  /** The template's {@code description}: the schema's own and those of its allOf, items and map values. */
  private String description(JsonNode schema) {
    JsonNode s = resolvedOr(text(schema.get("$ref")), schema);
    StringBuilder out = new StringBuilder();
    String own = text(s.get("description"));
    if (!own.isEmpty()) {
      out.append(own).append('\n');
    }
    JsonNode allOf = s.get("allOf");
    if (allOf != null && allOf.isArray()) {
      for (JsonNode alternative : allOf) {
        out.append(description(alternative));
      }
    }
    if (truthy(s.get("items"))) {
      out.append(description(s.get("items")));
    }
    if (isMap(s.get("additionalProperties"))) {
      out.append(description(s.get("additionalProperties")));
    }
    return out.toString();
  }

  /** The template's {@code typeGuess}: {@code string}, {@code Object}, {@code []Container}, {@code map[string]string}. */
  private String typeGuess(JsonNode schema) {
    if (truthy(schema.get("items"))) {
      return "[]" + typeGuess(schema.get("items"));
    }
    if (isMap(schema.get("additionalProperties"))) {
      return "map[string]" + typeGuess(schema.get("additionalProperties"));
    }
    JsonNode allOf = schema.get("allOf");
    if (truthy(allOf) && !truthy(schema.get("properties")) && allOf.size() == 1) {
      return typeGuess(allOf.get(0));
    }
    String ref = text(schema.get("$ref"));
    if (!ref.isEmpty()) {
      JsonNode target = resolve(ref);
      String type = target == null ? "" : text(target.get("type"));
      if (target == null || !truthy(target) || type.isEmpty() || type.equals("object")) {
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.isEmpty() ? "Object" : last;
      }
      return type;
    }
    String type = text(schema.get("type"));
    return type.isEmpty() || type.equals("object") ? "Object" : type;
  }

  /** The template's {@code extractEnum}: {@code ENUM:} one value a line, or {@code enum: a, b, c, d, ....}. */
  private static String extractEnum(JsonNode schema, boolean longView, int limit, int indent) {
    JsonNode values = schema.get("enum");
    if (!truthy(values)) {
      return "";
    }
    StringBuilder out = new StringBuilder(longView ? "ENUM:" : "\n" + " ".repeat(indent) + "enum: ");
    for (int i = 0; i < values.size(); i++) {
      if (limit > -1 && i >= limit) {
        out.append(", ....");
        break;
      }
      if (i > 0 && !longView) {
        out.append(", ");
      } else if (longView) {
        out.append("\n    ");
      }
      JsonNode v = values.get(i);
      out.append(v.isTextual() && v.asText().isEmpty() ? "\"\"" : goText(v));
    }
    return out.toString();
  }

  /** A JSON value as Go's template prints what encoding/json decoded. */
  private static String goText(JsonNode v) {
    if (v.isNumber()) {
      double d = v.asDouble();
      return d == Math.rint(d) && Math.abs(d) < 1e21 ? Long.toString((long) d) : Double.toString(d);
    }
    if (v.isNull()) {
      return "<nil>";
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private JsonNode resolvedOr(String ref, JsonNode schema) {
    JsonNode target = resolve(ref);
    return truthy(target) ? target : schema;
  }

  /** kubectl's {@code resolveRef}: a fragment-only reference into the document, or null. */
  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#")) {
      return null;
    }
    JsonNode cur = document;
    for (String part : ref.substring(1).split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      JsonNode next = cur.get(part);
      if (next == null || !next.isObject()) {
        return null;
      }
      cur = next;
    }
    return cur;
  }

  private static Set<String> with(Set<String> history, String ref) {
    Set<String> next = new HashSet<>(history);
    next.add(ref);
    return next;
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : "";
  }

  /** Go template truth: false for a missing value, false, 0, and an empty string, list or map. */
  private static boolean truthy(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return false;
    }
    if (node.isContainerNode()) {
      return node.size() > 0;
    }
    if (node.isTextual()) {
      return !node.asText().isEmpty();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asDouble() != 0;
  }

  /** A map's value schema: additionalProperties that is a non-empty schema, not a boolean. */
  private static boolean isMap(JsonNode node) {
    return node != null && node.isObject() && node.size() > 0;
  }

  /** A JSON object's keys in Go's map order (sorted by bytes). */
  private static List<String> sortedKeys(JsonNode object) {
    TreeMap<String, Boolean> keys = new TreeMap<>();
    object.fieldNames().forEachRemaining(k -> keys.put(k, true));
    return new ArrayList<>(keys.keySet());
  }

  /** Sprig-like {@code indent}: the pad before the text and after each newline. */
  static String indent(String text, int amount) {
    String pad = " ".repeat(amount);
    return pad + text.replace("\n", "\n" + pad);
  }

  /** github.com/mitchellh/go-wordwrap v1.0.1's {@code WrapString}, as kubectl's wrap calls it. */
  static String wrap(String s, int limit) {
    StringBuilder buf = new StringBuilder();
    StringBuilder word = new StringBuilder();
    StringBuilder space = new StringBuilder();
    int current = 0;
    int wordLen = 0;
    int spaceLen = 0;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n') {
        if (word.length() == 0) {
          if (current + spaceLen > limit) {
            current = 0;
          } else {
            current += spaceLen;
            buf.append(space);
          }
          space.setLength(0);
          spaceLen = 0;
        } else {
          current += spaceLen + wordLen;
          buf.append(space).append(word);
          space.setLength(0);
          spaceLen = 0;
          word.setLength(0);
          wordLen = 0;
        }
        buf.append('\n');
        current = 0;
      } else if (isGoSpace(c) && c != 0xA0) {
        if (space.length() == 0 || word.length() > 0) {
          current += spaceLen + wordLen;
          buf.append(space).append(word);
          space.setLength(0);
          spaceLen = 0;
          word.setLength(0);
          wordLen = 0;
        }
        space.appendCodePoint(c);
        spaceLen++;
      } else {
        word.appendCodePoint(c);
        wordLen++;
        if (current + spaceLen + wordLen > limit && wordLen < limit) {
          buf.append('\n');
          current = 0;
          space.setLength(0);
          spaceLen = 0;
        }
      }
    }
    if (word.length() == 0) {
      if (current + spaceLen <= limit) {
        buf.append(space);
      }
    } else {
      buf.append(space).append(word);
    }
    return buf.toString();
  }

  /** Go's {@code unicode.IsSpace}. */
  private static boolean isGoSpace(int c) {
    if (c <= 0xFF) {
      return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
    }
    int type = Character.getType(c);
    return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
  }
}
