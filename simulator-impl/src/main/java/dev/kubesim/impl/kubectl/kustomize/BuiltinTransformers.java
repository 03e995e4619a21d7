package dev.kubesim.impl.kubectl.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.impl.codec.Document;
import dev.kubesim.impl.codec.ManifestReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A kustomization's {@code transformers:} entries that configure kustomize's builtin transformers
 * ({@code apiVersion: builtin}): {@code LabelTransformer} and {@code AnnotationsTransformer} over
 * the field specs they give, {@code NamespaceTransformer}, {@code PrefixSuffixTransformer}, {@code
 * ImageTagTransformer} and {@code ReplicaCountTransformer}. They run after the kustomization's own
 * fields, in the order listed. A transformer plugin of another API version runs a program, which
 * kubesim does not.
 */
final class BuiltinTransformers {
  private BuiltinTransformers() {}

  /** Runs each file's transformer configurations over the resources. */
  static void run(Loader ldr, List<Res> ra, List<String> files) {
    for (String file : files) {
      String text = ldr.read(file).orElseThrow(() -> new KustomizeException("accumulating transformers: "
          + "'" + ldr.join(file) + "' doesn't exist"));
      List<Document> docs;
      try {
        docs = ManifestReader.read(ldr.join(file), text);
      } catch (BadRequestException e) {
        throw new KustomizeException("accumulating transformers: " + Loader.yamlProblem(e.getMessage()));
      }
      for (Document d : docs) {
        transform(ra, d.tree(), ldr.join(file));
      }
    }
  }

  private static void transform(List<Res> ra, JsonNode config, String file) {
    String apiVersion = Res.text(config.get("apiVersion"));
    String kind = Res.text(config.get("kind"));
    if (!apiVersion.equals("builtin")) {
      throw new KustomizeException("the transformer plugin " + apiVersion + "/" + kind + " in " + file
          + " runs a program, which this simulator does not run; builtin transformers (apiVersion: builtin) are supported");
    }
    switch (kind) {
      case "LabelTransformer" -> Transforms.put(ra, specs(config), KustFile.stringMap(config.get("labels")));
      case "AnnotationsTransformer" -> Transforms.put(ra, specs(config), KustFile.stringMap(config.get("annotations")));
      case "NamespaceTransformer" -> Transforms.namespace(ra, Res.text(config.path("metadata").get("namespace")));
      case "PrefixSuffixTransformer" -> Transforms.prefixSuffix(ra, Res.text(config.get("prefix")),
          Res.text(config.get("suffix")));
      case "ImageTagTransformer" -> Transforms.images(ra, List.of(config.path("imageTag")));
      case "ReplicaCountTransformer" -> Transforms.replicas(ra, List.of(config.path("replica")));
      default -> throw new KustomizeException("the builtin transformer " + kind + " in " + file
          + " is not supported by this simulator");
    }
  }

  /** The transformer's {@code fieldSpecs}: path, kind and group, whether a missing map is made. */
  private static List<Transforms.Spec> specs(JsonNode config) {
    List<Transforms.Spec> specs = new ArrayList<>();
    for (JsonNode s : config.path("fieldSpecs")) {
      specs.add(new Transforms.Spec(Res.text(s.get("path")), Res.text(s.get("group")), Res.text(s.get("kind")),
          s.path("create").asBoolean(false)));
    }
    return specs;
  }
}
