package dev.kubesim.impl.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import dev.kubesim.impl.kubectl.output.GoJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code kubectl apply -f}: client-side apply. A new object is created with its configuration in
 * the {@code kubectl.kubernetes.io/last-applied-configuration} annotation ({@code created}); an
 * existing one is three-way merged with it ({@code configured}), or left alone when the merge
 * changes nothing ({@code unchanged}). A document that fails is reported at the end and the
 * others still apply.
 */
final class ApplyCommand implements Command {
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  @Override
  public String name() {
    return "apply";
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.value("filename", "f"), Flag.value("kustomize", "k"), Flag.bool("recursive", "R"),
        Flag.bool("validate"), Flag.value("selector", "l"));
  }

  @Override
  public void run(CommandContext ctx) {
    if (!ManifestInput.given(ctx)) {
      throw KubectlException.error("must specify one of -f and -k");
    }
    List<Failure> failures = new ArrayList<>();
    List<ManifestInput.Item> items = ManifestInput.read(ctx, failures);
    if (items.isEmpty() && failures.isEmpty()) {
      throw KubectlException.error("no objects passed to apply");
    }
    for (ManifestInput.Item item : items) {
      try {
        ctx.out().out(applyOne(ctx, item) + "\n");
      } catch (KubectlException e) {
        failures.add(Failure.client(e.getMessage()));
      } catch (FailureException e) {
        failures.add(e.failure());
      }
    }
    ctx.settle();
    ErrorMessages.report(ctx.out(), failures);
  }

  /** Applies one object and returns kubectl's line for it ({@code service/kubia created}). */
  private String applyOne(CommandContext ctx, ManifestInput.Item item) {
    KubeObject object = item.object();
    String name = object.metadata().nameOrEmpty();
    String prefix = ResourceTypes.kindPrefix(item.kind()) + "/" + name;
    if (name.isEmpty()) {
      throw KubectlException.error("from " + item.source() + ": cannot use generate name with apply");
    }
    String lastApplied = lastApplied(item);
    String ns = object.metadata().namespace().orElse("");
    Optional<KubeObject> live = ctx.api().get(item.kind().kind(), ns, name);
    try {
      if (live.isEmpty()) {
        ctx.warn(ctx.api().createWarned(withAnnotation(object, lastApplied), false).warnings());
        return prefix + " created";
      }
      ObjectNode liveTree = ObjectCodec.encode(live.get());
      String oldLastApplied = live.get().metadata().annotations().get(LAST_APPLIED);
      if (oldLastApplied == null) {
        ctx.out().err("Warning: resource " + item.kind().resource() + "/" + name + " is missing the " + LAST_APPLIED
            + " annotation which is required by kubectl apply. kubectl apply should only be used on resources created"
            + " declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be"
            + " patched automatically.\n");
      }
      JsonNode last = parse(oldLastApplied);
      JsonNode config = ObjectCodec.encode(withAnnotation(object, lastApplied));
      JsonNode merged = ApplyMerge.merge(liveTree, last, config);
      if (merged.equals(liveTree)) {
        return prefix + " unchanged";
      }
      KubeObject updated;
      try {
        // The merge of encoded objects holds only the kind's own fields, so the strict reader takes it back.
        updated = ObjectCodec.mapper().readerFor(object.getClass()).readValue(merged);
      } catch (IOException e) {
        throw KubectlException.error("error when applying patch to " + item.document().describe() + ": " + e.getMessage());
      }
      ctx.warn(ctx.api().updateWarned(updated, false).warnings());
      return prefix + " configured";
    } catch (KubeSimException e) {
      String verb = live.isEmpty() ? "creating" : "patching";
      throw new FailureException(Failure.api(e, "error when " + verb + " " + item.document().describe() + ": "));
    }
  }

  /**
   * The annotation's value (kubectl's {@code GetModifiedConfiguration}): the configuration as
   * given, namespace filled in, its own annotation taken out of an annotations map that is always
   * there (so {@code "annotations":{}} when the manifest has none), as compact JSON.
   */
  static String lastApplied(ManifestInput.Item item) {
    ObjectNode tree = item.document().tree().deepCopy();
    JsonNode meta = tree.get("metadata");
    ObjectNode m = meta != null && meta.isObject() ? (ObjectNode) meta : tree.putObject("metadata");
    if (item.kind().namespaced()) {
      m.put("namespace", item.object().metadata().namespace().orElse("default"));
    }
    if (m.get("annotations") instanceof ObjectNode a) {
      a.remove(LAST_APPLIED);
    } else {
      m.putObject("annotations");
    }
    return GoJson.compact(tree) + "\n";
  }

  private static KubeObject withAnnotation(KubeObject object, String lastApplied) {
    Map<String, String> annotations = new TreeMap<>(object.metadata().annotations());
    annotations.put(LAST_APPLIED, lastApplied);
    ObjectMeta meta = object.metadata().toBuilder().annotations(annotations).build();
    return object.withMetadata(meta);
  }

  private static JsonNode parse(String json) {
    if (json == null || json.isBlank()) {
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      return ObjectCodec.mapper().readTree(json);
    } catch (Exception e) {
      return JsonNodeFactory.instance.objectNode();
    }
  }
}
