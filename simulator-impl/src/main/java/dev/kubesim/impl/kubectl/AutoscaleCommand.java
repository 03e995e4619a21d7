package dev.kubesim.impl.kubectl;

import com.google.common.collect.ImmutableMap;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kubectl autoscale (deployment|replicaset|replicationcontroller|statefulset) NAME [--min=N]
 * --max=N [--cpu-percent=N] [--name=NAME]}: creates an {@code autoscaling/v1}
 * HorizontalPodAutoscaler for the target, as kubectl's {@code autoscale.go} does: named after the
 * target unless {@code --name} says otherwise, {@code minReplicas} only when {@code --min} is
 * positive, {@code targetCPUUtilizationPercentage} only when {@code --cpu-percent} is given (the API
 * server's conversion then defaults the target to 80%); prints {@code
 * horizontalpodautoscaler.autoscaling/NAME autoscaled}. {@code --dry-run} and {@code -o} are not
 * simulated.
 */
final class AutoscaleCommand implements Command {
  /** The kinds kubectl autoscales: those with a scale subresource it knows. */
  private static final Set<String> SCALABLE = Set.of("Deployment", "ReplicaSet", "ReplicationController", "StatefulSet");

  @Override
  public String name() {
    return "autoscale";
  }

  @Override
  public List<Flag> flags() {
    return List.of(
        Flag.value("min"),
        Flag.value("max"),
        Flag.value("cpu-percent"),
        Flag.value("name"),
        Flag.value("filename", "f"),
        Flag.bool("recursive", "R"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    int min = args.integer("min", -1);
    int max = args.integer("max", -1);
    int cpu = args.integer("cpu-percent", -1);
    if (max < 1) {
      throw KubectlException.error("--max=MAXPODS is required and must be at least 1, max: " + max);
    }
    if (max < min) {
      throw KubectlException.error("--max=MAXPODS must be larger or equal to --min=MINPODS, max: " + max + ", min: " + min);
    }
    List<Failure> failures = new ArrayList<>();
    List<ResourceArgs.Request> requests = ManifestInput.requests(ctx, args.positional(), false, null, failures);
    if (requests.isEmpty() && failures.isEmpty()) {
      throw KubectlException.raw(
          "error: You must provide one or more resources by argument or filename.\n"
              + "Example resource specifications include:\n"
              + "   '-f rsrc.yaml'\n"
              + "   '--filename=rsrc.json'\n"
              + "   '<resource> <name>'\n"
              + "   '<resource>'");
    }
    ObjectQuery query = ObjectQuery.from(ctx);
    for (ResourceArgs.Request r : requests) {
      for (KubeObject o : query.fetch(r, failures).objects()) {
        try {
          if (!SCALABLE.contains(o.kind())) {
            // the scale kind resolver finds no scale subresource in discovery
            throw KubectlException.error("cannot autoscale a " + o.kind() + ": could not find scale subresource for "
                + r.kind().group() + "/" + r.kind().version() + ", Resource=" + r.kind().resource()
                + " in discovery information");
          }
          KubeObject hpa = ctx.api().create(autoscaler(ctx, args, o, r.kind(), min, max, cpu));
          ctx.out().out("horizontalpodautoscaler.autoscaling/" + hpa.metadata().nameOrEmpty() + " autoscaled\n");
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

  /** The {@code autoscaling/v1} object kubectl posts, as the API server stores it (autoscaling/v2). */
  private static KubeObject autoscaler(CommandContext ctx, ParsedArgs args, KubeObject target, KindInfo kind,
      int min, int max, int cpu) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("kind", target.kind());
    ref.put("name", target.metadata().nameOrEmpty());
    ref.put("apiVersion", kind.apiVersion());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("scaleTargetRef", ref);
    if (min > 0) {
      spec.put("minReplicas", min);
    }
    spec.put("maxReplicas", max);
    if (cpu >= 0) {
      spec.put("targetCPUUtilizationPercentage", cpu);
    }
    ObjectMeta meta = ObjectMeta.builder().name(args.string("name").orElse(target.metadata().nameOrEmpty()))
        .namespace(target.metadata().namespace().orElse(ctx.namespace())).build();
    GenericObject v1 = new GenericObject("autoscaling/v1", "HorizontalPodAutoscaler", meta,
        ImmutableMap.of("spec", spec));
    return dev.kubesim.impl.codec.ObjectCodec.decode(new dev.kubesim.impl.codec.Document("autoscale", 0,
        dev.kubesim.impl.codec.ObjectCodec.encode(v1)));
  }
}
