package dev.kubesim.impl.kubectl.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kubesim.impl.kubectl.output.GoJson;
import dev.kubesim.impl.kubectl.output.GoYaml;
import dev.kubesim.impl.sim.Sha256;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The kustomize (v5) that {@code kubectl kustomize} and {@code kubectl apply -k} run: builds a
 * kustomization directory into the objects it stands for, as {@code kustomize build} does, and
 * prints them as it prints them.
 *
 * <p>After the directories accumulate (see {@link Target}), generated ConfigMaps and Secrets get
 * kustomize's content hash suffix ({@link #hash}), the references to every renamed object are
 * rewritten, objects marked {@code config.kubernetes.io/local-config} drop out, and the rest are
 * sorted in kustomize's legacy order (Namespaces first, webhooks last).
 */
public final class Kustomize {
  private Kustomize() {}

  /** What a build made: its objects in output order, and kustomize's warnings (deprecated fields). */
  public record Result(List<ObjectNode> objects, List<String> warnings) {}

  /**
   * Builds the kustomization in {@code dir}.
   *
   * @param files the text of a file by its path (relative paths are the caller's), empty when there is none
   * @param isDirectory whether a path is a directory (to tell a missing resource from a base without a kustomization)
   * @throws KustomizeException with kustomize's message when it does not build
   */
  public static Result build(String dir, Function<String, Optional<String>> files, Predicate<String> isDirectory) {
    List<String> warnings = new ArrayList<>();
    String root = Loader.join(".", dir);
    if (Loader.remote(dir)) {
      throw new KustomizeException("'" + dir + "' is a remote kustomization: kubesim's kustomize reads local files"
          + " only; clone it and give its local directory");
    }
    Loader ldr = new Loader(root, files);
    if (files.apply(root).isPresent() && !isDirectory.test(root)) {
      throw new KustomizeException("must build at directory: '" + root + "': file is not directory");
    }
    Target target = new Target(files, isDirectory, warnings);
    List<Res> ra = target.top(ldr);
    for (Res r : ra) {
      if (r.needsHash) {
        r.rename(r.name() + "-" + hash(r.tree));
      }
    }
    NameRefs.fix(ra);
    List<Res> kept = new ArrayList<>();
    for (Res r : ra) {
      if (!r.metadata().path("annotations").has("config.kubernetes.io/local-config")) {
        kept.add(r);
      }
    }
    sort(kept, target.top.tree.get("sortOptions"));
    List<ObjectNode> out = new ArrayList<>();
    kept.forEach(r -> out.add(r.tree));
    return new Result(out, warnings);
  }

  /** The objects as {@code kustomize build} prints them: YAML documents separated by {@code ---}. */
  public static String yaml(List<ObjectNode> objects) {
    StringBuilder sb = new StringBuilder();
    for (ObjectNode o : objects) {
      if (sb.length() > 0) {
        sb.append("---\n");
      }
      sb.append(GoYaml.write(o));
    }
    return sb.toString();
  }

  /**
   * kustomize's name suffix hash ({@code api/hasher}): the SHA-256 of the JSON of a ConfigMap's
   * kind, name (always empty, as kustomize reads it), data (and binaryData) or a Secret's kind,
   * name, type, data (and stringData), its
   * first ten hex digits with 0, 1, 3, a and e swapped for g, h, k, m and t.
   */
  public static String hash(ObjectNode tree) {
    String kind = Res.text(tree.get("kind"));
    JsonNode encoded;
    if (kind.equals("ConfigMap") || kind.equals("Secret")) {
      ObjectNode m = JsonNodeFactory.instance.objectNode();
      m.put("kind", kind);
      // kustomize looks the name up as one field called "metadata/name", which no object has: the
      // name it hashes is always empty, so a prefix or a namespace leaves the suffix as it is
      m.put("name", "");
      m.set("data", orEmpty(tree.get("data")));
      if (kind.equals("ConfigMap")) {
        if (tree.get("binaryData") instanceof ObjectNode b) {
          m.set("binaryData", b);
        }
      } else {
        m.set("type", orEmpty(tree.get("type")));
        if (tree.get("stringData") instanceof ObjectNode s) {
          m.set("stringData", s);
        }
      }
      encoded = m;
    } else {
      encoded = tree;
    }
    String hex = Sha256.hex(GoJson.compact(encoded));
    StringBuilder enc = new StringBuilder();
    for (char c : hex.substring(0, 10).toCharArray()) {
      enc.append(switch (c) {
        case '0' -> 'g';
        case '1' -> 'h';
        case '3' -> 'k';
        case 'a' -> 'm';
        case 'e' -> 't';
        default -> c;
      });
    }
    return enc.toString();
  }

  private static JsonNode orEmpty(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? TextNode.valueOf("") : n;
  }

  private static final List<String> ORDER_FIRST = List.of("Namespace", "ResourceQuota", "StorageClass",
      "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding",
      "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service", "LimitRange", "PriorityClass",
      "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget");
  private static final List<String> ORDER_LAST = List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

  /** Sorts as {@code sortOptions} asks: kustomize's legacy order (by default, its kind lists replaceable) or input order ({@code fifo}). */
  private static void sort(List<Res> ra, JsonNode options) {
    // without sortOptions kubectl asks for the legacy order; with them, the kustomization's order rules
    String order = options == null || options.isNull() ? "legacy" : Res.text(options.get("order"));
    JsonNode legacy = options == null ? null : options.get("legacySortOptions");
    boolean hasLegacy = legacy != null && !legacy.isNull();
    if (!order.equals("legacy") && !order.equals("fifo")) {
      throw new KustomizeException("the field 'sortOptions.order' must be one of [fifo, legacy]");
    }
    if (hasLegacy && !order.equals("legacy")) {
      throw new KustomizeException("the field 'sortOptions.legacySortOptions' is set but the selected sort order is '"
          + order + "', not 'legacy'");
    }
    if (order.equals("fifo")) {
      return;
    }
    List<String> first = hasLegacy ? strings(legacy.get("orderFirst")) : ORDER_FIRST;
    List<String> last = hasLegacy ? strings(legacy.get("orderLast")) : ORDER_LAST;
    ra.sort(legacy(first, last));
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    if (list != null) {
      list.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static int rank(String kind, List<String> first, List<String> last) {
    int f = first.indexOf(kind);
    if (f >= 0) {
      return f - first.size();
    }
    int l = last.indexOf(kind);
    return l >= 0 ? l + 1 : 0;
  }

  private static String gvkSort(Res r) {
    return (r.group().isEmpty() ? "~G" : r.group()) + "_" + (r.version().isEmpty() ? "~V" : r.version()) + "_"
        + (r.kind().isEmpty() ? "~K" : r.kind());
  }

  private static String idSort(Res r) {
    return r.gvk() + "|" + (r.namespace().isEmpty() ? "~X" : r.namespace()) + "|" + (r.name().isEmpty() ? "~N" : r.name());
  }

  /** kustomize's legacy resource order: the kinds of {@code first}, then the others, then those of {@code last}. */
  private static Comparator<Res> legacy(List<String> first, List<String> last) {
    return (a, b) -> {
    boolean sameGvk = a.kind().equals(b.kind()) && a.group().equals(b.group()) && a.version().equals(b.version());
    if (!sameGvk) {
      int ra = rank(a.kind(), first, last);
      int rb = rank(b.kind(), first, last);
      if (ra != rb) {
        return Integer.compare(ra, rb);
      }
      if (a.kind().equals("Namespace") && b.kind().equals("Namespace") && (a.group().isEmpty() || b.group().isEmpty())) {
        return gvkSort(b).compareTo(gvkSort(a));
      }
      return gvkSort(a).compareTo(gvkSort(b));
    }
    return idSort(a).compareTo(idSort(b));
    };
  }
}
