package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import dev.kubesim.impl.kubectl.describe.DescribeContext;
import dev.kubesim.impl.kubectl.describe.Describers;
import dev.kubesim.impl.kubectl.describe.ObjectDescriber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl describe}: each object's description, separated by a blank line. With one type
 * and one name that does not exist, every object whose name starts with it is described instead,
 * as kubectl does.
 */
final class DescribeCommand implements Command {
  @Override
  public String name() {
    return "describe";
  }

  @Override
  public List<Flag> flags() {
    return List.of(
        Flag.value("selector", "l"),
        Flag.bool("all-namespaces", "A"),
        Flag.value("filename", "f"),
        Flag.value("kustomize", "k"),
        Flag.bool("recursive", "R"),
        Flag.bool("show-events"),
        Flag.value("chunk-size"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    List<Failure> failures = new ArrayList<>();
    List<ResourceArgs.Request> requests = ManifestInput.requests(ctx, args.positional(), false,
            "You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n\n"
                + "error: Required resource not specified.\n"
                + "See 'kubectl describe -h' for help and examples", failures);
    ObjectQuery query = ObjectQuery.from(ctx);
    List<KubeObject> targets = new ArrayList<>();
    boolean prefixForm = !ManifestInput.given(ctx) && args.positional().size() == 2 && !args.positional().get(0).contains("/");
    for (ResourceArgs.Request r : requests) {
      List<Failure> own = new ArrayList<>();
      ObjectQuery.Result result = query.fetch(r, own);
      if (!own.isEmpty() && prefixForm) {
        List<KubeObject> matches = prefixMatches(ctx, query, r);
        if (!matches.isEmpty()) {
          targets.addAll(matches);
          continue;
        }
      }
      targets.addAll(result.objects());
      failures.addAll(own);
    }
    if (requests.stream().anyMatch(r -> r.kind().kind().equals("Endpoints"))) {
      ctx.out().err(GetCommand.ENDPOINTS_WARNING);
    }
    DescribeContext dctx = ctx.describeContext();
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (KubeObject o : targets) {
      KindInfo kind = ResourceTypes.ofKind(ctx.api().kinds(), o.kind());
      Optional<ObjectDescriber> describer = Describers.forKind(o.kind());
      if (describer.isEmpty() && (ctx.api().kinds().custom(kind).isPresent() || o.kind().equals("CustomResourceDefinition"))) {
        describer = Optional.of(new dev.kubesim.impl.kubectl.describe.GenericDescriber());
      }
      if (describer.isEmpty()) {
        failures.add(Failure.client("describe of " + kind.qualifiedResource() + " is not supported by this simulator yet"));
        continue;
      }
      if (!first) {
        out.append("\n\n");
      }
      first = false;
      out.append(describer.get().describe(o, dctx));
    }
    ctx.out().out(out.toString());
    boolean named = requests.stream().anyMatch(r -> !r.names().isEmpty());
    if (targets.isEmpty() && failures.isEmpty() && !named) {
      boolean namespaced = requests.stream().anyMatch(r -> r.kind().namespaced());
      ctx.out().err(namespaced && !args.bool("all-namespaces")
          ? "No resources found in " + ctx.namespace() + " namespace.\n"
          : "No resources found\n");
    }
    ErrorMessages.report(ctx.out(), failures);
  }

  /** {@code DescribeMatchingResources}: the objects whose name starts with the given one. */
  private static List<KubeObject> prefixMatches(CommandContext ctx, ObjectQuery query, ResourceArgs.Request r) {
    List<KubeObject> matches = new ArrayList<>();
    String prefix = r.names().get(0);
    for (KubeObject o : query.fetch(new ResourceArgs.Request(r.kind(), List.of()), new ArrayList<>()).objects()) {
      if (o.metadata().nameOrEmpty().startsWith(prefix)) {
        matches.add(o);
      }
    }
    return matches;
  }
}
