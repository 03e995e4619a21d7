package dev.kubesim.impl.kubectl.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.impl.codec.Document;
import dev.kubesim.impl.codec.ManifestReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One kustomization directory built as kustomize's {@code KustTarget} accumulates it: its
 * resources (files, and directories with their own kustomization, built first), its generators,
 * its components, then its transformers in kustomize's order (strategic merge patches, patches,
 * namespace, prefix, suffix, labels, annotations, JSON 6902 patches, replicas, images).
 */
final class Target {
  static final int MAX_DEPTH = 32;
  static final int MAX_RESOURCES = 5000;

  private final java.util.function.Function<String, java.util.Optional<String>> files;
  private final Predicate<String> isDirectory;
  private final List<String> warnings;
  private final Deque<String> visiting = new ArrayDeque<>();
  /** The top directory's kustomization, whose {@code sortOptions} order the output. */
  KustFile top;

  Target(java.util.function.Function<String, java.util.Optional<String>> files, Predicate<String> isDirectory,
      List<String> warnings) {
    this.files = files;
    this.isDirectory = isDirectory;
    this.warnings = warnings;
  }

  /** Accumulates the kustomization of {@code ldr}'s directory into {@code ra} and transforms it. */
  List<Res> accumulate(Loader ldr, List<Res> ra, boolean component) {
    KustFile k = KustFile.load(ldr, warnings);
    if (top == null) {
      top = k;
    }
    if (component && !k.kind().equals("Component")) {
      throw new KustomizeException("expected kind 'Component' for path '" + ldr.root() + "' but got '"
          + (k.kind().isEmpty() ? "Kustomization" : k.kind()) + "'");
    }
    if (!component && k.kind().equals("Component")) {
      throw new KustomizeException("expected kind != 'Component' for path '" + ldr.root() + "'");
    }
    try {
      for (String path : k.strings("resources")) {
        resource(ldr, ra, path);
      }
    } catch (KustomizeException e) {
      throw e.prefixed("accumulating resources: ");
    }
    Generators.run(ldr, k, ra);
    for (String path : k.strings("components")) {
      Loader sub = enter(ldr, path);
      try {
        accumulate(sub, ra, true);
      } catch (KustomizeException e) {
        throw e.prefixed("accumulating components: accumulateDirectory: \"recursed accumulation of path '"
            + sub.root() + "': ").suffixed("\"");
      } finally {
        visiting.pop();
      }
    }
    Patching.strategicMerge(ldr, ra, k.strings("patchesStrategicMerge"));
    Patching.patches(ldr, ra, k.list("patches"));
    Transforms.namespace(ra, k.string("namespace"));
    Transforms.prefixSuffix(ra, k.string("namePrefix"), k.string("nameSuffix"));
    for (JsonNode label : k.list("labels")) {
      Map<String, String> pairs = KustFile.stringMap(label.get("pairs"));
      Transforms.labels(ra, pairs, label.path("includeSelectors").asBoolean(false),
          label.path("includeTemplates").asBoolean(false));
    }
    Transforms.labels(ra, k.map("commonLabels"), true, true);
    Transforms.annotations(ra, k.map("commonAnnotations"));
    Patching.json6902(ldr, ra, k.list("patchesJson6902"));
    Transforms.replicas(ra, k.list("replicas"));
    Transforms.images(ra, k.list("images"));
    Replacements.run(ldr, ra, k.list("replacements"));
    BuiltinTransformers.run(ldr, ra, k.strings("transformers"));
    return ra;
  }

  private Loader enter(Loader ldr, String path) {
    Loader sub = ldr.child(path);
    for (String v : visiting) {
      if (v.equals(sub.root())) {
        throw new KustomizeException("cycle detected: candidate root '" + sub.root() + "' contains visited root '"
            + ldr.root() + "'");
      }
    }
    if (visiting.size() >= MAX_DEPTH) {
      throw new KustomizeException("kustomizations nest deeper than " + MAX_DEPTH + " levels at '" + sub.root() + "'");
    }
    visiting.push(sub.root());
    return sub;
  }

  /** Starts the top directory's build. */
  List<Res> top(Loader ldr) {
    visiting.push(ldr.root());
    return accumulate(ldr, new java.util.ArrayList<>(), false);
  }

  private void resource(Loader ldr, List<Res> ra, String path) {
    if (Loader.remote(path)) {
      throw new KustomizeException("accumulating remote resource '" + path
          + "': kubesim's kustomize reads local files only; download the resource and list its local path instead");
    }
    String joined = ldr.join(path);
    java.util.Optional<String> text = files.apply(joined);
    if (text.isPresent()) {
      String content = ldr.load(path);
      ManifestReader.Manifest m;
      try {
        m = ManifestReader.stream(joined, content);
      } catch (BadRequestException e) {
        throw malformed(path, joined, e);
      }
      if (!m.errors().isEmpty()) {
        throw malformed(path, joined, m.errors().get(0));
      }
      for (Document d : m.documents()) {
        if (!(d.tree() instanceof ObjectNode o)) {
          continue;
        }
        try {
          append(ra, new Res(o.deepCopy()));
        } catch (KustomizeException e) {
          throw e.prefixed("merging resources from '" + path + "': ");
        }
      }
      return;
    }
    boolean kustomization = KustFile.NAMES.stream().anyMatch(n -> files.apply(Loader.join(joined, n)).isPresent());
    if (!kustomization && !isDirectory.test(joined)) {
      throw new KustomizeException("accumulation err='accumulating resources from '" + path + "': open " + joined
          + ": no such file or directory': must build at directory: not a valid directory: evalsymlink failure on '"
          + joined + "' : lstat " + joined + ": no such file or directory");
    }
    String errF = "accumulation err='accumulating resources from '" + path + "': read " + joined + ": is a directory': ";
    Loader sub;
    try {
      sub = enter(ldr, path);
    } catch (KustomizeException e) {
      throw e.prefixed(errF);
    }
    try {
      List<Res> subRa;
      try {
        KustFile.load(sub, new java.util.ArrayList<>());
      } catch (KustomizeException e) {
        throw e.prefixed(errF + "couldn't make target for path '" + sub.root() + "': ");
      }
      try {
        subRa = accumulate(sub, new java.util.ArrayList<>(), false);
      } catch (KustomizeException e) {
        throw e.prefixed(errF + "recursed accumulation of path '" + sub.root() + "': ");
      }
      for (Res r : subRa) {
        try {
          append(ra, r);
        } catch (KustomizeException e) {
          throw e.prefixed(errF + "recursed merging from path '" + sub.root() + "': ");
        }
      }
    } finally {
      visiting.pop();
    }
  }

  private static KustomizeException malformed(String path, String joined, BadRequestException e) {
    return new KustomizeException("accumulating resources from '" + path + "': MalformedYAMLError: "
        + Loader.yamlProblem(e.getMessage()) + " in File: " + joined);
  }

  /** Adds a resource, failing as kustomize does on a second resource with the same id. */
  static void append(List<Res> ra, Res r) {
    for (Res x : ra) {
      if (x.sameId(r)) {
        throw new KustomizeException("may not add resource with an already registered id: " + r.id());
      }
    }
    if (ra.size() >= MAX_RESOURCES) {
      throw new KustomizeException("more than " + MAX_RESOURCES + " resources");
    }
    ra.add(r);
  }
}
