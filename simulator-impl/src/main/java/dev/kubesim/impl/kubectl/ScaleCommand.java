package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.ReplicationController;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubectl scale --replicas=N} for ReplicationControllers, ReplicaSets and Deployments, with
 * the {@code --current-replicas} precondition; prints {@code replicationcontroller/kubia scaled}.
 */
final class ScaleCommand implements Command {
  @Override
  public String name() {
    return "scale";
  }

  @Override
  public List<Flag> flags() {
    return List.of(
        Flag.value("replicas"),
        Flag.value("current-replicas"),
        Flag.value("resource-version"),
        Flag.value("selector", "l"),
        Flag.bool("all"),
        Flag.bool("all-namespaces", "A"),
        Flag.value("filename", "f"),
        Flag.bool("recursive", "R"),
        Flag.value("timeout"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    if (!args.has("replicas")) {
      throw KubectlException.usage("required flag(s) \"replicas\" not set", name());
    }
    int replicas = args.integer("replicas", -1);
    if (replicas < 0) {
      throw KubectlException.error("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
    }
    int current = args.integer("current-replicas", -1);
    List<Failure> failures = new ArrayList<>();
    List<ResourceArgs.Request> requests = ManifestInput.namedTargets(ctx, args.positional(),
        "You must provide one or more resources by argument or filename", name(), failures);
    ObjectQuery query = ObjectQuery.from(ctx);
    for (ResourceArgs.Request r : requests) {
      for (KubeObject o : query.fetch(r, failures).objects()) {
        try {
          Optional<KubeObject> scaled = scaled(o, replicas, current);
          if (scaled.isEmpty()) {
            failures.add(Failure.api(new NotFoundException("the server could not find the requested resource"), ""));
            continue;
          }
          ctx.api().update(scaled.get());
          ctx.out().out(ResourceTypes.kindPrefix(r.kind()) + "/" + o.metadata().nameOrEmpty() + " scaled\n");
        } catch (KubeSimException e) {
          failures.add(Failure.api(e, ""));
        } catch (KubectlException e) {
          failures.add(Failure.client(e.getMessage()));
        }
      }
    }
    ctx.settle();
    ErrorMessages.report(ctx.out(), failures);
  }

  /** The object with its new replica count; empty for a kind without a scale subresource here. */
  private static Optional<KubeObject> scaled(KubeObject o, int replicas, int precondition) {
    int now;
    KubeObject result;
    if (o instanceof ReplicationController rc) {
      now = rc.specOrEmpty().replicas().orElse(1);
      result = rc.withSpec(rc.specOrEmpty().withReplicas(replicas));
    } else if (o instanceof ReplicaSet rs) {
      now = rs.specOrEmpty().replicas().orElse(1);
      result = rs.withSpec(rs.specOrEmpty().withReplicas(replicas));
    } else if (o instanceof Deployment d) {
      now = d.specOrEmpty().replicas().orElse(1);
      result = d.withSpec(d.specOrEmpty().withReplicas(replicas));
    } else if (o instanceof GenericObject g && g.kind().equals("StatefulSet")) {
      Map<String, Object> spec = new LinkedHashMap<>();
      if (g.content().get("spec") instanceof Map<?, ?> m) {
        m.forEach((k, v) -> spec.put(String.valueOf(k), v));
      }
      now = spec.get("replicas") instanceof Number n ? n.intValue() : 1;
      spec.put("replicas", replicas);
      Map<String, Object> content = new LinkedHashMap<>(g.content());
      content.put("spec", spec);
      result = new GenericObject(g.apiVersion(), g.kind(), g.metadata(), content);
    } else {
      return Optional.empty();
    }
    if (precondition >= 0 && precondition != now) {
      throw KubectlException.error("Expected replicas to be " + precondition + ", was " + now);
    }
    return Optional.of(result);
  }
}
