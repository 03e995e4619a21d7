package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl rollout status|history|undo|restart} for Deployments (status and restart for
 * StatefulSets too; {@code pause} and {@code
 * resume} are not simulated yet). Each subcommand takes {@code TYPE NAME} or {@code TYPE/NAME};
 * kinds kubectl has no rollout support for get its own errors ({@code no history viewer has been
 * implemented for "ReplicationController"}).
 */
final class RolloutCommand implements Command {
  private static final String HELP = """
      Manage the rollout of one or many resources.

       Valid resource types include:

        *  deployments
        *  daemonsets
        *  statefulsets

      Examples:
        # Rollback to the previous deployment
        kubectl rollout undo deployment/abc

        # Check the rollout status of a daemonset
        kubectl rollout status daemonset/foo

        # Restart a deployment
        kubectl rollout restart deployment/abc

        # Restart deployments with the 'app=nginx' label
        kubectl rollout restart deployment --selector=app=nginx

      Available Commands:
        history       View rollout history
        pause         Mark the provided resource as paused
        restart       Restart a resource
        resume        Resume a paused resource
        status        Show the status of the rollout
        undo          Undo a previous rollout

      Usage:
        kubectl rollout SUBCOMMAND [options]

      Use "kubectl rollout <command> --help" for more information about a given command.
      Use "kubectl options" for a list of global command-line options (applies to all commands).
      """;

  @Override
  public String name() {
    return "rollout";
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.bool("watch", "w"), Flag.value("revision"), Flag.value("timeout"), Flag.value("to-revision"),
        Flag.value("filename", "f"), Flag.bool("recursive", "R"), Flag.value("selector", "l"), Flag.value("output", "o"),
        Flag.value("dry-run"));
  }

  @Override
  public void run(CommandContext ctx) {
    List<String> words = ctx.args().positional();
    if (words.isEmpty()) {
      ctx.out().out(HELP);
      ctx.out().markFailed();
      return;
    }
    String sub = words.get(0);
    List<String> resources = words.subList(1, words.size());
    switch (sub) {
      case "status" -> RolloutStatus.run(ctx, one(ctx, "status", resources));
      case "history" -> objects(ctx, resources).forEach(o -> RolloutHistory.history(ctx, o));
      case "undo" -> objects(ctx, resources).forEach(o -> RolloutHistory.undo(ctx, o));
      case "restart" -> objects(ctx, resources).forEach(o -> RolloutHistory.restart(ctx, o));
      case "pause", "resume" -> throw KubectlException.error("kubectl rollout " + sub + " is not supported by this simulator yet");
      default -> throw KubectlException.usageErrorf("unknown command \"" + String.join(" ", words) + "\"", "rollout");
    }
    ctx.settle();
  }

  private static List<KubeObject> objects(CommandContext ctx, List<String> resources) {
    if (resources.isEmpty() && !ctx.args().has("filename")) {
      throw KubectlException.error("required resource not specified");
    }
    List<Failure> failures = new ArrayList<>();
    List<ResourceArgs.Request> requests = ManifestInput.requests(ctx, resources, false, null, failures);
    List<KubeObject> found = new ArrayList<>();
    ObjectQuery query = ObjectQuery.from(ctx);
    for (ResourceArgs.Request r : requests) {
      if (r.names().isEmpty() && !ctx.args().has("selector")) {
        throw KubectlException.error("resource(s) were provided, but no name was specified");
      }
      found.addAll(query.fetch(r, failures).objects());
    }
    if (!failures.isEmpty()) {
      Failure first = failures.get(0);
      throw first.apiError() != null ? first.apiError() : KubectlException.error(first.clientMessage());
    }
    return found;
  }

  private static KubeObject one(CommandContext ctx, String sub, List<String> resources) {
    List<KubeObject> found = objects(ctx, resources);
    if (found.size() != 1) {
      throw KubectlException.error("rollout " + sub + " is only supported on individual resources and resource collections - "
          + found.size() + " resources were found");
    }
    return found.get(0);
  }

}
