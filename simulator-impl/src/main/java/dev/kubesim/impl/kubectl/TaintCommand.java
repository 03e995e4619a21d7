package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeSpec;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kubectl taint nodes NAME KEY[=VALUE]:EFFECT ... | KEY[:EFFECT]-}: taints added (an existing
 * one of the same key and effect only with {@code --overwrite}) or removed; prints {@code
 * node/node-1 tainted} or {@code untainted}. Effects: {@code NoSchedule}, {@code PreferNoSchedule},
 * {@code NoExecute}.
 */
final class TaintCommand implements Command {
  private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  private record Spec(String key, String value, String effect) {}

  @Override
  public String name() {
    return "taint";
  }

  @Override
  public List<Flag> flags() {
    return List.of(
        Flag.bool("overwrite"),
        Flag.value("selector", "l"),
        Flag.bool("all"),
        Flag.value("dry-run"),
        Flag.value("output", "o"),
        Flag.value("field-manager"),
        Flag.value("validate"));
  }

  @Override
  public void run(CommandContext ctx) {
    List<String> resources = new ArrayList<>();
    List<Spec> add = new ArrayList<>();
    List<Spec> remove = new ArrayList<>();
    for (String word : ctx.args().positional()) {
      if (word.endsWith("-") && !word.contains("=")) {
        remove.add(parse(word.substring(0, word.length() - 1), true));
      } else if (word.contains(":") || word.contains("=")) {
        add.add(parse(word, false));
      } else {
        resources.add(word);
      }
    }
    if (add.isEmpty() && remove.isEmpty()) {
      throw KubectlException.usageErrorf("at least one taint update is required", name());
    }
    List<Failure> failures = new ArrayList<>();
    List<ResourceArgs.Request> requests = ManifestInput.namedTargets(ctx, resources,
        "You must provide one or more resources by argument or filename.", name(), failures);
    ObjectQuery query = ObjectQuery.from(ctx);
    for (ResourceArgs.Request r : requests) {
      if (!r.kind().kind().equals(Node.KIND)) {
        throw KubectlException.error("taints are only applicable to nodes, not " + r.kind().resource());
      }
      for (KubeObject o : query.fetch(r, failures).objects()) {
        Node node = (Node) o;
        try {
          List<Object> taints = taints(node, add, remove, ctx.args().bool("overwrite"));
          NodeSpec s = node.specOrEmpty();
          ctx.api().update(node.withSpec(new NodeSpec(s.podCIDR(), s.podCIDRs(), s.providerID(), s.unschedulable(), taints,
              s.configSource(), s.externalID())));
          ctx.out().out("node/" + node.metadata().nameOrEmpty() + (add.isEmpty() ? " untainted\n" : " tainted\n"));
        } catch (KubectlException e) {
          failures.add(Failure.client(e.getMessage()));
        } catch (KubeSimException e) {
          failures.add(Failure.api(e, ""));
        }
      }
    }
    ctx.settle();
    ErrorMessages.report(ctx.out(), failures);
  }

  /** The node's taints after the changes, in order: kept ones first, then the new ones. */
  private static List<Object> taints(Node node, List<Spec> add, List<Spec> remove, boolean overwrite) {
    List<Object> out = new ArrayList<>();
    for (Object t : node.specOrEmpty().taints()) {
      if (t instanceof Map<?, ?> m) {
        String key = String.valueOf(m.get("key"));
        String effect = String.valueOf(m.get("effect"));
        if (remove.stream().anyMatch(r -> r.key().equals(key) && (r.effect().isEmpty() || r.effect().equals(effect)))) {
          continue;
        }
        if (add.stream().anyMatch(a -> a.key().equals(key) && a.effect().equals(effect))) {
          if (!overwrite) {
            throw KubectlException.error("node " + node.metadata().nameOrEmpty() + " already has " + key
                + " taint(s) with same effect(s) and --overwrite is false");
          }
          continue;
        }
      }
      out.add(t);
    }
    for (Spec r : remove) {
      boolean found = node.specOrEmpty().taints().stream().anyMatch(t -> t instanceof Map<?, ?> m
          && r.key().equals(m.get("key")) && (r.effect().isEmpty() || r.effect().equals(m.get("effect"))));
      if (!found) {
        throw KubectlException.error("taint \"" + r.key() + (r.effect().isEmpty() ? "" : ":" + r.effect()) + "\" not found");
      }
    }
    for (Spec a : add) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("key", a.key());
      if (!a.value().isEmpty()) {
        t.put("value", a.value());
      }
      t.put("effect", a.effect());
      out.add(t);
    }
    return out;
  }

  /** {@code KEY[=VALUE]:EFFECT}, or for a removal {@code KEY[:EFFECT]}. */
  private static Spec parse(String text, boolean removal) {
    int colon = text.lastIndexOf(':');
    String keyValue = colon < 0 ? text : text.substring(0, colon);
    String effect = colon < 0 ? "" : text.substring(colon + 1);
    int eq = keyValue.indexOf('=');
    String key = eq < 0 ? keyValue : keyValue.substring(0, eq);
    String value = eq < 0 ? "" : keyValue.substring(eq + 1);
    if (key.isEmpty() || (!removal && effect.isEmpty()) || (!effect.isEmpty() && !EFFECTS.contains(effect))) {
      throw KubectlException.error("invalid taint spec: " + text + (removal ? "-" : "")
          + ", unsupported taint effect" + (effect.isEmpty() ? "" : " " + effect));
    }
    return new Spec(key, value, effect);
  }
}
