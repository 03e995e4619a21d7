package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.apiserver.DeleteOptions;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kubectl delete}: by name, by {@code -l}, {@code --all} or {@code -f}, printing {@code
 * <kind> "<name>" deleted} for each object. {@code --cascade} becomes the request's propagation
 * policy ({@code background}, {@code foreground}, {@code orphan}; the garbage collector does the
 * rest), {@code --grace-period}/{@code --now}/{@code --force} its grace period. Then, unless {@code
 * --wait=false}, it waits for the objects to be gone (see {@link DeletionWait}).
 */
final class DeleteCommand implements Command {
  private static final Set<String> CASCADE = Set.of("background", "foreground", "orphan", "true", "false");

  @Override
  public String name() {
    return "delete";
  }

  @Override
  public List<Flag> flags() {
    return List.of(
        Flag.value("selector", "l"),
        Flag.bool("all"),
        Flag.bool("all-namespaces", "A"),
        Flag.value("filename", "f"),
        Flag.value("kustomize", "k"),
        Flag.bool("recursive", "R"),
        Flag.value("cascade"),
        Flag.value("grace-period"),
        Flag.bool("now"),
        Flag.bool("force"),
        Flag.bool("ignore-not-found"),
        Flag.bool("wait"),
        Flag.value("timeout"),
        Flag.value("output", "o"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    String cascade = args.string("cascade").orElse("background");
    if (!CASCADE.contains(cascade)) {
      throw KubectlException.error(
          "invalid cascade value (" + cascade + "). Must be \"background\", \"foreground\", or \"orphan\".");
    }
    if (cascade.equals("true") || cascade.equals("false")) {
      ctx.out().err("warning: --cascade=" + cascade + " is deprecated (boolean value) and can be replaced with --cascade="
          + (cascade.equals("true") ? "background" : "orphan") + ".\n");
    }
    String propagation = switch (cascade) {
      case "orphan", "false" -> "Orphan";
      case "foreground" -> "Foreground";
      default -> "Background";
    };
    int gracePeriod = args.integer("grace-period", -1);
    if (args.bool("now")) {
      if (gracePeriod != -1) {
        throw KubectlException.error("--now and --grace-period cannot be specified together");
      }
      gracePeriod = 1;
    }
    boolean force = args.bool("force");
    if (gracePeriod == 0 && !force) {
      gracePeriod = 1; // kubectl's guard against accidental immediate deletion; --force bypasses it
    }
    if (force && gracePeriod < 0) {
      gracePeriod = 0; // --force without a grace period deletes immediately
    }
    List<Failure> failures = new ArrayList<>();
    List<ResourceArgs.Request> requests = ManifestInput.requests(ctx, args.positional(), false,
            "error: You must provide one or more resources by argument or filename.\n"
                + "Example resource specifications include:\n"
                + "   '-f rsrc.yaml'\n"
                + "   '--filename=rsrc.json'\n"
                + "   '<resource> <name>'\n"
                + "   '<resource>'", failures);
    // names read from -f files are no names given: -l filters those files' objects
    boolean named = !ManifestInput.given(ctx) && requests.stream().anyMatch(r -> !r.names().isEmpty());
    if (named && (args.bool("all") || args.has("selector"))) {
      throw KubectlException.error(args.bool("all")
          ? "name cannot be provided when the all flag is specified"
          : "name cannot be provided when a selector is specified");
    }
    if (!named && !ManifestInput.given(ctx) && !args.bool("all") && !args.has("selector")) {
      throw KubectlException.error("resource(s) were provided, but no name was specified");
    }
    if (force && gracePeriod == 0) {
      ctx.out().err("Warning: Immediate deletion does not wait for confirmation that the running resource has been"
          + " terminated. The resource may continue to run on the cluster indefinitely.\n");
    }
    DeleteOptions options = new DeleteOptions(Optional.empty(), propagation);
    if (gracePeriod >= 0) {
      options = options.withGracePeriod(gracePeriod);
    }
    Duration timeout = GoDuration.flag(args, "timeout", Duration.ZERO);
    DeletionWait wait = new DeletionWait(ctx.api(), ctx.cluster().loop());
    ObjectQuery query = ObjectQuery.from(ctx);
    int deleted = 0;
    for (ResourceArgs.Request r : requests) {
      for (KubeObject o : query.fetch(r, failures).objects()) {
        KindInfo kind = r.kind();
        try {
          KubeObject gone = ctx.api().delete(kind.kind(), o.metadata().namespace().orElse(""), o.metadata().nameOrEmpty(), options);
          wait.add(kind.resource(), gone, propagation.equals("Foreground"));
          ctx.out().out(ResourceTypes.kindPrefix(kind) + " \"" + o.metadata().nameOrEmpty() + "\" "
              + (force && gracePeriod == 0 ? "force deleted" : "deleted") + "\n");
          deleted++;
        } catch (KubeSimException e) {
          failures.add(Failure.api(e, ""));
        }
      }
    }
    ctx.settle();
    boolean waitFlag = !args.has("wait") || args.bool("wait");
    if (waitFlag && deleted > 0) {
      try {
        wait.await(timeout);
      } catch (KubectlException e) {
        failures.add(Failure.client(e.getMessage()));
      }
    }
    if (args.bool("ignore-not-found")) {
      failures.removeIf(f -> f.apiError() != null && "NotFound".equals(f.apiError().reason()));
    }
    if (deleted == 0 && !named && failures.isEmpty()) {
      ctx.out().err("No resources found\n");
    }
    ErrorMessages.report(ctx.out(), failures);
  }
}
