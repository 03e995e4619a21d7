package dev.kubesim.impl.kubectl.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code configMapGenerator} and {@code secretGenerator}: data from {@code envs} files, then
 * {@code literals}, then {@code files}, as kustomize's kv loader reads them; {@code behavior}
 * {@code create}, {@code merge} or {@code replace} against what the resources already hold;
 * {@code generatorOptions} merged into each generator's own options.
 */
final class Generators {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Generators() {}

  static void run(Loader ldr, KustFile k, List<Res> ra) {
    JsonNode global = k.tree.get("generatorOptions");
    for (JsonNode args : k.list("configMapGenerator")) {
      absorb(ra, generate(ldr, args, global, false));
    }
    for (JsonNode args : k.list("secretGenerator")) {
      absorb(ra, generate(ldr, args, global, true));
    }
  }

  private static Res generate(Loader ldr, JsonNode args, JsonNode global, boolean secret) {
    if (!args.isObject()) {
      throw new KustomizeException("invalid Kustomization: json: cannot unmarshal " + KustFile.jsonType(args)
          + " into Go struct field Kustomization." + (secret ? "secretGenerator" : "configMapGenerator")
          + " of type types." + (secret ? "SecretArgs" : "ConfigMapArgs"));
    }
    String kind = secret ? "Secret" : "ConfigMap";
    String name = Res.text(args.get("name"));
    if (name.isEmpty()) {
      throw new KustomizeException("a " + kind.toLowerCase() + " must have a name");
    }
    Map<String, String> data = new TreeMap<>();
    List<String[]> pairs = new ArrayList<>();
    List<String> envs = new ArrayList<>();
    args.path("envs").forEach(e -> envs.add(e.asText()));
    if (args.hasNonNull("env")) {
      envs.add(args.get("env").asText());
    }
    for (String env : envs) {
      pairs.addAll(envLines(ldr.load(env)));
    }
    for (JsonNode lit : args.path("literals")) {
      String s = lit.asText();
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new KustomizeException("literal sources " + args.path("literals") + ": invalid literal source " + s
            + ", expected key=value");
      }
      pairs.add(new String[] {s.substring(0, eq), removeQuotes(s.substring(eq + 1))});
    }
    for (JsonNode f : args.path("files")) {
      String s = f.asText();
      long eqs = s.chars().filter(c -> c == '=').count();
      String key;
      String path;
      if (eqs == 0) {
        key = s.substring(s.lastIndexOf('/') + 1);
        path = s;
      } else if (eqs == 1 && !s.startsWith("=") && !s.endsWith("=")) {
        key = s.substring(0, s.indexOf('='));
        path = s.substring(s.indexOf('=') + 1);
      } else {
        throw new KustomizeException("file sources: source \"" + s + "\" is not a valid file source");
      }
      pairs.add(new String[] {key, ldr.load(path)});
    }
    for (String[] p : pairs) {
      if (!p[0].matches("[-._a-zA-Z0-9]+") || p[0].length() > 253) {
        throw new KustomizeException("\"" + p[0] + "\" is not a valid key name for a " + kind
            + ": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',"
            + "  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
      }
      if (data.containsKey(p[0])) {
        throw new KustomizeException("configmap " + name + " illegally repeats the key `" + p[0] + "`");
      }
      data.put(p[0], p[1]);
    }
    ObjectNode tree = JSON.objectNode();
    tree.put("apiVersion", "v1");
    tree.put("kind", kind);
    ObjectNode meta = tree.putObject("metadata");
    meta.put("name", name);
    String ns = Res.text(args.get("namespace"));
    if (!ns.isEmpty()) {
      meta.put("namespace", ns);
    }
    if (!data.isEmpty() || secret) {
      ObjectNode d = tree.putObject("data");
      data.forEach((key, v) -> d.put(key, secret ? base64(v) : v));
    }
    if (secret) {
      String type = Res.text(args.get("type"));
      tree.put("type", type.isEmpty() ? "Opaque" : type);
    }
    JsonNode local = args.get("options");
    Map<String, String> labels = new TreeMap<>(KustFile.stringMap(global == null ? null : global.get("labels")));
    labels.putAll(KustFile.stringMap(local == null ? null : local.get("labels")));
    Map<String, String> annotations =
        new TreeMap<>(KustFile.stringMap(global == null ? null : global.get("annotations")));
    annotations.putAll(KustFile.stringMap(local == null ? null : local.get("annotations")));
    if (!labels.isEmpty()) {
      ObjectNode l = meta.putObject("labels");
      labels.forEach(l::put);
    }
    if (!annotations.isEmpty()) {
      ObjectNode a = meta.putObject("annotations");
      annotations.forEach(a::put);
    }
    if (flag(global, "immutable") || flag(local, "immutable")) {
      tree.put("immutable", true);
    }
    Res r = new Res(tree);
    r.generated = true;
    r.needsHash = !(flag(global, "disableNameSuffixHash") || flag(local, "disableNameSuffixHash"));
    String behavior = Res.text(args.get("behavior"));
    r.behavior = behavior.isEmpty() ? "create" : behavior;
    if (!List.of("create", "merge", "replace").contains(r.behavior)) {
      throw new KustomizeException("unknown generation behavior '" + behavior + "'");
    }
    return r;
  }

  /** kyaml's base64 of a Secret value: one line, or lines of 70 characters each ending in a newline. */
  static String base64(String value) {
    String enc = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    int lineLen = 70;
    if (enc.length() / lineLen + 1 <= 1) {
      return enc;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < enc.length(); i += lineLen) {
      sb.append(enc, i, Math.min(enc.length(), i + lineLen)).append('\n');
    }
    return sb.toString();
  }

  private static boolean flag(JsonNode options, String field) {
    return options != null && options.path(field).asBoolean(false);
  }

  /** The pairs of an env file: {@code KEY=VALUE} lines, blank lines and {@code #} comments skipped. */
  static List<String[]> envLines(String content) {
    List<String[]> out = new ArrayList<>();
    for (dev.kubesim.impl.kubectl.EnvFileLines.Entry e : dev.kubesim.impl.kubectl.EnvFileLines.parse(content)) {
      if (!e.key().matches("[-._a-zA-Z][-._a-zA-Z0-9]*")) {
        throw new KustomizeException("\"" + e.key() + "\" is not a valid environment variable name: a valid environment"
            + " variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start"
            + " with a digit");
      }
      out.add(new String[] {e.key(), e.value().orElse("")});
    }
    return out;
  }

  private static String removeQuotes(String s) {
    if (s.length() < 2 || s.charAt(0) != s.charAt(s.length() - 1)) {
      return s;
    }
    return s.charAt(0) == '"' || s.charAt(0) == '\'' ? s.substring(1, s.length() - 1) : s;
  }

  /** Adds a generated resource, or merges it into / replaces the one of the same kind, name and namespace. */
  private static void absorb(List<Res> ra, Res r) {
    Res old = null;
    for (Res x : ra) {
      if (x.kind().equals(r.kind()) && x.group().isEmpty() && x.hadName(r.name())
          && x.namespaces.stream().anyMatch(ns -> Res.sameNamespace(ns, r.namespace()))) {
        old = x;
        break;
      }
    }
    if (old == null) {
      if (!r.behavior.equals("create")) {
        throw new KustomizeException("merging from generator: id " + r.id() + " does not exist; cannot merge or replace");
      }
      Target.append(ra, r);
      return;
    }
    if (r.behavior.equals("create")) {
      throw new KustomizeException("merging from generator: id " + r.id() + " exists; behavior must be merge or replace");
    }
    for (String field : List.of("data", "binaryData")) {
      JsonNode add = r.tree.get(field);
      if (r.behavior.equals("replace")) {
        old.tree.remove(field);
      }
      if (add instanceof ObjectNode a) {
        ObjectNode into = old.tree.get(field) instanceof ObjectNode o ? o : old.tree.putObject(field);
        Map<String, JsonNode> merged = new TreeMap<>();
        into.fields().forEachRemaining(e -> merged.put(e.getKey(), e.getValue()));
        a.fields().forEachRemaining(e -> merged.put(e.getKey(), e.getValue()));
        into.removeAll();
        merged.forEach(into::set);
      }
    }
    for (String field : List.of("labels", "annotations")) {
      Map<String, String> m = new LinkedHashMap<>(KustFile.stringMap(old.metadata().get(field)));
      m.putAll(KustFile.stringMap(r.metadata().get(field)));
      if (!m.isEmpty()) {
        ObjectNode o = old.metadata().putObject(field);
        m.forEach(o::put);
      }
    }
    if (r.tree.has("immutable")) {
      old.tree.set("immutable", r.tree.get("immutable"));
    }
    old.needsHash |= r.needsHash;
    old.generated = true;
  }
}
