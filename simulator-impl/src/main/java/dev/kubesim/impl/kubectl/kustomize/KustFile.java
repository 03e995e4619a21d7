package dev.kubesim.impl.kubectl.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.impl.codec.Document;
import dev.kubesim.impl.codec.ManifestReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kustomization file as kustomize's {@code Kustomization} type reads it: strictly (an unknown
 * field fails), the deprecated fields warned about and folded into their successors ({@code bases}
 * into {@code resources}, {@code imageTags} into {@code images}, {@code env} into {@code envs}).
 */
final class KustFile {
  static final List<String> NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private static final Map<String, String> FIELDS = new LinkedHashMap<>();

  static {
    String[][] f = {
      {"apiVersion", "string"}, {"kind", "string"}, {"metadata", "object"}, {"openapi", "object"},
      {"namePrefix", "string"}, {"nameSuffix", "string"}, {"namespace", "string"},
      {"commonLabels", "map"}, {"labels", "list"}, {"commonAnnotations", "map"},
      {"patchesStrategicMerge", "list"}, {"patchesJson6902", "list"}, {"patches", "list"},
      {"images", "list"}, {"imageTags", "list"}, {"replacements", "list"}, {"replicas", "list"},
      {"vars", "list"}, {"sortOptions", "object"}, {"resources", "strings"}, {"components", "strings"},
      {"crds", "strings"}, {"bases", "strings"}, {"configMapGenerator", "list"}, {"secretGenerator", "list"},
      {"helmGlobals", "object"}, {"helmCharts", "list"}, {"helmChartInflationGenerator", "list"},
      {"generatorOptions", "object"}, {"configurations", "strings"}, {"generators", "strings"},
      {"transformers", "strings"}, {"validators", "strings"}, {"buildMetadata", "strings"},
    };
    for (String[] e : f) {
      FIELDS.put(e[0], e[1]);
    }
  }

  /** Fields kustomize has that kubesim does not build; a kustomization using one fails plainly. */
  private static final Set<String> UNSUPPORTED = Set.of("openapi", "vars", "crds",
      "helmGlobals", "helmCharts", "helmChartInflationGenerator", "configurations", "generators", "validators");

  private static final String EDIT_FIX = " Run 'kustomize edit fix' to update your Kustomization automatically.";

  final ObjectNode tree;
  final String fileName;

  private KustFile(ObjectNode tree, String fileName) {
    this.tree = tree;
    this.fileName = fileName;
  }

  /** Reads and checks the kustomization of a directory; deprecation warnings go to {@code warnings}. */
  static KustFile load(Loader ldr, List<String> warnings) {
    String content = null;
    String fileName = null;
    int found = 0;
    for (String n : NAMES) {
      var c = ldr.read(n);
      if (c.isPresent()) {
        found++;
        content = c.get();
        fileName = n;
      }
    }
    if (found == 0) {
      throw new KustomizeException("unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization'"
          + " in directory '" + ldr.root() + "'");
    }
    if (found > 1) {
      throw new KustomizeException("Found multiple kustomization files under: " + ldr.root() + "\n");
    }
    ObjectNode tree;
    try {
      List<Document> docs = ManifestReader.read(ldr.join(fileName), content);
      tree = docs.isEmpty() ? JsonNodeFactory.instance.objectNode() : (ObjectNode) docs.get(0).tree();
    } catch (BadRequestException e) {
      throw new KustomizeException("invalid Kustomization: " + Loader.yamlProblem(e.getMessage()));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String type = FIELDS.get(e.getKey());
      if (type == null) {
        throw new KustomizeException("invalid Kustomization: json: unknown field \"" + e.getKey() + "\"");
      }
      checkType(e.getKey(), type, e.getValue());
    }
    for (String f : FIELDS.keySet()) {
      if (UNSUPPORTED.contains(f) && tree.has(f) && !tree.get(f).isNull()) {
        throw new KustomizeException("the kustomization field '" + f + "' in " + ldr.join(fileName)
            + " is not supported by this simulator");
      }
    }
    if (has(tree, "bases")) {
      warnings.add("# Warning: 'bases' is deprecated. Please use 'resources' instead." + EDIT_FIX);
    }
    if (has(tree, "commonLabels")) {
      warnings.add("# Warning: 'commonLabels' is deprecated. Please use 'labels' instead." + EDIT_FIX);
    }
    if (has(tree, "imageTags")) {
      warnings.add("# Warning: 'imageTags' is deprecated. Please use 'images' instead." + EDIT_FIX);
    }
    if (has(tree, "patchesJson6902")) {
      warnings.add("# Warning: 'patchesJson6902' is deprecated. Please use 'patches' instead." + EDIT_FIX);
    }
    if (has(tree, "patchesStrategicMerge")) {
      warnings.add("# Warning: 'patchesStrategicMerge' is deprecated. Please use 'patches' instead." + EDIT_FIX);
    }
    KustFile k = new KustFile(tree, fileName);
    boolean empty = true;
    for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (!n.equals("apiVersion") && !n.equals("kind") && !tree.get(n).isNull()) {
        empty = false;
      }
    }
    if (empty) {
      throw new KustomizeException("kustomization.yaml is empty");
    }
    return k;
  }

  private static boolean has(ObjectNode tree, String field) {
    return tree.has(field) && !tree.get(field).isNull();
  }

  private static void checkType(String field, String type, JsonNode v) {
    if (v.isNull()) {
      return;
    }
    String want;
    boolean ok;
    switch (type) {
      case "string" -> {
        ok = v.isTextual();
        want = "string";
      }
      case "map" -> {
        ok = v.isObject();
        want = "map[string]string";
        if (ok) {
          for (JsonNode x : v) {
            if (x.isContainerNode()) {
              ok = false;
            }
          }
        }
      }
      case "strings" -> {
        ok = v.isArray();
        want = "[]string";
        if (ok) {
          for (JsonNode x : v) {
            ok &= x.isTextual();
          }
        }
      }
      case "list" -> {
        ok = v.isArray();
        want = "[]" + field;
      }
      default -> {
        ok = v.isObject();
        want = "struct";
      }
    }
    if (!ok) {
      throw new KustomizeException("invalid Kustomization: json: cannot unmarshal " + jsonType(v)
          + " into Go struct field Kustomization." + field + " of type " + want);
    }
  }

  static String jsonType(JsonNode v) {
    if (v.isTextual()) {
      return "string";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isBoolean()) {
      return "bool";
    }
    if (v.isArray()) {
      return "array";
    }
    return "object";
  }

  String kind() {
    return Res.text(tree.get("kind"));
  }

  String string(String field) {
    return Res.text(tree.get(field));
  }

  /** A list of strings; {@code resources} also takes the deprecated {@code bases}. */
  List<String> strings(String field) {
    List<String> out = new ArrayList<>();
    tree.path(field).forEach(n -> out.add(n.asText()));
    if (field.equals("resources")) {
      tree.path("bases").forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  List<JsonNode> list(String field) {
    List<JsonNode> out = new ArrayList<>();
    tree.path(field).forEach(out::add);
    if (field.equals("images")) {
      tree.path("imageTags").forEach(out::add);
    }
    return out;
  }

  /** A string map in key order as written. */
  Map<String, String> map(String field) {
    return stringMap(tree.get(field));
  }

  static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
    }
    return out;
  }
}
