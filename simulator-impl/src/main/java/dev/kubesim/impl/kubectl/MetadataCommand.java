package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kubectl label} and {@code kubectl annotate}: {@code key=value} sets, {@code key-}
 * removes; an existing different value is only replaced with {@code --overwrite}. Prints {@code
 * pod/x labeled} ({@code unlabeled} when labels were only removed, {@code label(s) changed} when
 * some were added and others removed, {@code not labeled} when nothing changed) or {@code pod/x
 * annotated}.
 */
final class MetadataCommand implements Command {
  private final boolean labels;

  private MetadataCommand(boolean labels) {
    this.labels = labels;
  }

  /** {@code kubectl label}. */
  static MetadataCommand label() {
    return new MetadataCommand(true);
  }

  /** {@code kubectl annotate}. */
  static MetadataCommand annotate() {
    return new MetadataCommand(false);
  }

  @Override
  public String name() {
    return labels ? "label" : "annotate";
  }

  @Override
  public List<Flag> flags() {
    return List.of(
        Flag.bool("overwrite"),
        Flag.bool("all"),
        Flag.bool("all-namespaces", "A"),
        Flag.value("selector", "l"),
        Flag.value("filename", "f"),
        Flag.bool("recursive", "R"),
        Flag.bool("list"),
        Flag.value("resource-version"));
  }

  /**
   * kubectl's {@code updateDataChangeMsg}: {@code labeled} when labels were added or changed,
   * {@code unlabeled} when some were removed, {@code label(s) changed} for both.
   */
  static String labelChange(Map<String, String> before, Map<String, String> after) {
    boolean removed = before.keySet().stream().anyMatch(k -> !after.containsKey(k));
    boolean labeled = after.entrySet().stream().anyMatch(e -> !e.getValue().equals(before.get(e.getKey())));
    return removed && labeled ? "label(s) changed" : removed ? "unlabeled" : labeled ? "labeled" : "not labeled";
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    List<String> resources = new ArrayList<>();
    Map<String, String> set = new LinkedHashMap<>();
    List<String> remove = new ArrayList<>();
    for (String a : args.positional()) {
      if (a.contains("=")) {
        int eq = a.indexOf('=');
        set.put(a.substring(0, eq), a.substring(eq + 1));
      } else if (a.endsWith("-") && !resources.isEmpty()) {
        remove.add(a.substring(0, a.length() - 1));
      } else {
        resources.add(a);
      }
    }
    String what = labels ? "label" : "annotation";
    // kubectl's Validate: the resources first, then the updates
    if (resources.isEmpty() && !args.has("filename")) {
      throw KubectlException.error("one or more resources must be specified as <resource> <name> or <resource>/<name>");
    }
    if (set.isEmpty() && remove.isEmpty() && !args.bool("list")) {
      throw KubectlException.error("at least one " + what + " update is required");
    }
    for (String key : set.keySet()) {
      if (remove.contains(key)) {
        throw KubectlException.error("can not both modify and remove " + (labels ? "a label" : "an annotation") + " in the same command");
      }
    }
    List<Failure> failures = new ArrayList<>();
    List<ResourceArgs.Request> requests = ManifestInput.namedTargets(ctx, resources,
        "one or more resources must be specified as <resource> <name> or <resource>/<name>", name(), failures);
    ObjectQuery query = ObjectQuery.from(ctx);
    for (ResourceArgs.Request r : requests) {
      for (KubeObject o : query.fetch(r, failures).objects()) {
        String ref = ResourceTypes.kindPrefix(r.kind()) + "/" + o.metadata().nameOrEmpty();
        if (args.bool("list")) {
          current(o).forEach((k, v) -> ctx.out().out(k + "=" + v + "\n"));
          continue;
        }
        Map<String, String> before = current(o);
        if (!args.bool("overwrite")) {
          List<String> conflicts = new ArrayList<>();
          set.forEach((k, v) -> {
            if (before.containsKey(k) && !before.get(k).equals(v)) {
              conflicts.add("'" + k + "' already has a value (" + before.get(k) + "), and --overwrite is false");
            }
          });
          if (!conflicts.isEmpty()) {
            conflicts.forEach(c -> failures.add(Failure.client(c)));
            continue;
          }
        }
        Map<String, String> after = new TreeMap<>(before);
        after.putAll(set);
        remove.forEach(after::remove);
        try {
          if (!after.equals(new TreeMap<>(before))) {
            ObjectMeta.Builder meta = o.metadata().toBuilder();
            KubeObject changed = o.withMetadata(labels ? meta.labels(after).build() : meta.annotations(after).build());
            ctx.api().update(changed);
            ctx.out().out(ref + (labels ? " " + labelChange(before, after) + "\n" : " annotated\n"));
          } else {
            ctx.out().out(ref + (labels ? " not labeled\n" : " annotated\n"));
          }
        } catch (KubeSimException e) {
          failures.add(Failure.api(e, ""));
        }
      }
    }
    ctx.settle();
    ErrorMessages.report(ctx.out(), failures);
  }

  private Map<String, String> current(KubeObject o) {
    return labels ? o.metadata().labels() : o.metadata().annotations();
  }
}
