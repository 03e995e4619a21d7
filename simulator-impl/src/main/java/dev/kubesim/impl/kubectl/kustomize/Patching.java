package dev.kubesim.impl.kubectl.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.impl.apiserver.Patches;
import dev.kubesim.impl.codec.Document;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.labels.SelectorText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * kustomize's patches: strategic merge patches (the API server's own strategic merge, {@link
 * Patches}) and JSON 6902 patches, from files or inline, on the resources a {@code target}
 * selector picks or, without one, on the resource the patch names. {@code $patch: delete} at the
 * top of a strategic merge patch removes the resource.
 */
final class Patching {
  private Patching() {}

  /** The {@code patchesStrategicMerge} entries: each a file of the directory, or an inline patch. */
  static void strategicMerge(Loader ldr, List<Res> ra, List<String> entries) {
    for (String entry : entries) {
      boolean file = !entry.contains("\n") && (ldr.read(entry).isPresent() || !entry.contains(":"));
      String text = file ? ldr.load(entry) : entry;
      for (JsonNode patch : parse(file ? ldr.join(entry) : "inline patch", text)) {
        applyStrategic(ra, (ObjectNode) patch, null, false);
      }
    }
  }

  /** The {@code patches} entries: {@code path} or {@code patch}, and an optional {@code target}. */
  static void patches(Loader ldr, List<Res> ra, List<JsonNode> entries) {
    for (JsonNode entry : entries) {
      String path = Res.text(entry.get("path"));
      String inline = Res.text(entry.get("patch"));
      if (path.isEmpty() == inline.isEmpty()) {
        throw new KustomizeException(path.isEmpty()
            ? "must specify one of patch and path in\n" + entry
            : "patch and path can't be set at the same time\n" + entry);
      }
      String text = path.isEmpty() ? inline : ldr.load(path);
      String source = path.isEmpty() ? "inline patch" : ldr.join(path);
      JsonNode target = entry.get("target");
      JsonNode json = jsonPatch(text);
      if (json != null) {
        if (target == null || target.isNull()) {
          throw new KustomizeException("must specify a target for JSON patch " + text.strip());
        }
        for (Res r : select(ra, target)) {
          applyJson(r, json, source);
        }
        continue;
      }
      List<JsonNode> patches = parse(source, text);
      boolean targeted = target != null && !target.isNull();
      if (targeted && patches.size() > 1) {
        throw new KustomizeException("Multiple Strategic-Merge Patches in one `patches` entry is not allowed to set"
            + " `patches.target` field: " + source);
      }
      for (JsonNode patch : patches) {
        applyStrategic(ra, (ObjectNode) patch, targeted ? target : null, true);
      }
    }
  }

  /** The {@code patchesJson6902} entries: a required {@code target} and {@code path} or {@code patch}. */
  static void json6902(Loader ldr, List<Res> ra, List<JsonNode> entries) {
    for (JsonNode entry : entries) {
      JsonNode target = entry.get("target");
      if (target == null || target.isNull()) {
        throw new KustomizeException("must specify the target field in patchesJson6902");
      }
      String path = Res.text(entry.get("path"));
      String inline = Res.text(entry.get("patch"));
      String text = path.isEmpty() ? inline : ldr.load(path);
      JsonNode json = jsonPatch(text);
      if (json == null) {
        throw new KustomizeException("unable to parse SM or JSON patch from " + text.strip());
      }
      for (Res r : select(ra, target)) {
        applyJson(r, json, path.isEmpty() ? "inline patch" : ldr.join(path));
      }
    }
  }

  /** The operations of a JSON 6902 patch (a YAML or JSON list), or null when the text is not one. */
  private static JsonNode jsonPatch(String text) {
    try {
      List<Document> docs = ManifestReader.read("patch", "ops:\n" + indent(text));
      JsonNode ops = docs.isEmpty() ? null : docs.get(0).tree().get("ops");
      return ops != null && ops.isArray() ? ops : null;
    } catch (KubeSimException e) {
      return null;
    }
  }

  private static String indent(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      sb.append("  ").append(line).append('\n');
    }
    return sb.toString();
  }

  private static List<JsonNode> parse(String source, String text) {
    try {
      List<JsonNode> out = new ArrayList<>();
      for (Document d : ManifestReader.read(source, text)) {
        out.add(d.tree());
      }
      return out;
    } catch (KubeSimException e) {
      throw new KustomizeException("unable to parse SM or JSON patch from " + source + ": "
          + Loader.yamlProblem(e.getMessage()));
    }
  }

  private static void applyJson(Res r, JsonNode ops, String source) {
    try {
      JsonNode out = Patches.jsonPatch(r.tree, ops);
      if (!(out instanceof ObjectNode o)) {
        throw new KustomizeException("the JSON patch " + source + " leaves " + r.id() + " not an object");
      }
      r.tree = o;
    } catch (KubeSimException e) {
      throw new KustomizeException("failed to apply json patch '" + source + "' to " + r.id() + ": " + e.getMessage());
    }
  }

  private static void applyStrategic(List<Res> ra, ObjectNode patch, JsonNode target, boolean patchesField) {
    List<Res> targets;
    if (target != null) {
      targets = select(ra, target);
    } else {
      String kind = Res.text(patch.get("kind"));
      String name = Res.text(patch.path("metadata").get("name"));
      String ns = Res.text(patch.path("metadata").get("namespace"));
      targets = new ArrayList<>();
      for (Res r : ra) {
        if (r.kind().equals(kind) && r.hadName(name)
            && (ns.isEmpty() || r.namespaces.stream().anyMatch(n -> Res.sameNamespace(n, ns)))) {
          targets.add(r);
          break;
        }
      }
      if (targets.isEmpty()) {
        String id = new Res(patch).id();
        String notFound = "no matches for Id " + id + "; failed to find unique target for patch " + id;
        throw new KustomizeException(patchesField
            ? "no resource matches strategic merge patch \"" + id + "\": " + notFound : notFound);
      }
    }
    for (Res r : targets) {
      if (Res.text(patch.get("$patch")).equals("delete")) {
        ra.remove(r);
        continue;
      }
      ObjectNode p = patch.deepCopy();
      // the patch's own name, namespace and kind do not rename the resource it applies to
      ObjectNode meta = p.get("metadata") instanceof ObjectNode m ? m : null;
      if (meta != null) {
        meta.put("name", r.name());
        if (r.namespace().isEmpty()) {
          meta.remove("namespace");
        } else {
          meta.put("namespace", r.namespace());
        }
      }
      p.remove("kind");
      p.remove("apiVersion");
      try {
        JsonNode out = Patches.strategicMergePatch(r.kind(), r.tree, p);
        r.tree = (ObjectNode) out;
      } catch (KubeSimException e) {
        throw new KustomizeException("failed to apply strategic merge patch to " + r.id() + ": " + e.getMessage());
      }
    }
  }

  /** The resources a patch target selects: kind, group, version, name and namespace as anchored regular expressions, and label and annotation selectors. */
  static List<Res> select(List<Res> ra, JsonNode target) {
    if (!target.isObject()) {
      throw new KustomizeException("invalid Kustomization: json: cannot unmarshal " + KustFile.jsonType(target)
          + " into Go struct field Patch.patches.target of type types.Selector");
    }
    for (Iterator<String> it = target.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!List.of("group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector").contains(f)) {
        throw new KustomizeException("invalid Kustomization: json: unknown field \"" + f + "\"");
      }
    }
    List<Res> out = new ArrayList<>();
    for (Res r : ra) {
      if (!matches(target.get("group"), List.of(r.group())) || !matches(target.get("version"), List.of(r.version()))
          || !matches(target.get("kind"), List.of(r.kind())) || !matches(target.get("name"), r.names)
          || !matches(target.get("namespace"), r.namespaces)) {
        continue;
      }
      String labels = Res.text(target.get("labelSelector"));
      if (!labels.isEmpty() && !selector(labels).test(KustFile.stringMap(r.metadata().get("labels")))) {
        continue;
      }
      String annotations = Res.text(target.get("annotationSelector"));
      if (!annotations.isEmpty() && !selector(annotations).test(KustFile.stringMap(r.metadata().get("annotations")))) {
        continue;
      }
      out.add(r);
    }
    return out;
  }

  private static java.util.function.Predicate<java.util.Map<String, String>> selector(String text) {
    try {
      return SelectorText.parse(text);
    } catch (RuntimeException e) {
      throw new KustomizeException("invalid selector \"" + text + "\": " + e.getMessage());
    }
  }

  private static boolean matches(JsonNode want, List<String> values) {
    String w = Res.text(want);
    if (w.isEmpty()) {
      return true;
    }
    try {
      Pattern p = Pattern.compile("^(?:" + w + ")$");
      return values.stream().anyMatch(v -> p.matcher(v).matches());
    } catch (PatternSyntaxException e) {
      return values.contains(w);
    }
  }
}
