package dev.kubesim.impl.kubectl;

import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.kubelet.ContainerLogs;
import dev.kubesim.impl.kubelet.PodLogOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubectl logs [-p] (POD | TYPE/NAME) [-c CONTAINER] [--tail N]}: what the container's
 * processes wrote, from the kubelet's record of each container instance (see {@link
 * ContainerLogs}). Also {@code -l SELECTOR} (last 10 lines of each pod unless {@code --tail}),
 * {@code --all-containers}, {@code --prefix}, {@code --timestamps}, {@code --since},
 * {@code --since-time} and {@code --limit-bytes}. {@code -f} prints what there is and returns:
 * there is no stream to follow in a simulation that runs only when called.
 */
final class LogsCommand implements Command {
  private static final String USAGE = "logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]";

  @Override
  public String name() {
    return "logs";
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.value("container", "c"), Flag.bool("previous", "p"), Flag.value("tail"), Flag.bool("timestamps"),
        Flag.bool("follow", "f"), Flag.value("selector", "l"), Flag.bool("all-containers"), Flag.bool("all-pods"),
        Flag.bool("prefix"), Flag.value("since"), Flag.value("since-time"), Flag.value("limit-bytes"),
        Flag.bool("ignore-errors"), Flag.value("max-log-requests"), Flag.value("pod-running-timeout"),
        Flag.bool("insecure-skip-tls-verify-backend"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    List<String> words = args.positional();
    boolean selector = args.has("selector") && !args.string("selector").orElse("").isEmpty();
    String container = args.string("container").orElse("");
    if (words.isEmpty() && !selector || words.size() > 2) {
      throw KubectlException.usageErrorf("expected '" + USAGE + "'.\nPOD or TYPE/NAME is a required argument for the logs command",
          "logs");
    }
    if (words.size() == 1 && selector) {
      throw KubectlException.usageErrorf("only a selector (-l) or a POD name is allowed", "logs");
    }
    if (words.size() == 2) {
      if (args.has("container")) {
        throw KubectlException.error("only one of -c or an inline [CONTAINER] arg is allowed");
      }
      container = words.get(1);
    }
    long tail = args.integer("tail", -1);
    if (selector && !args.has("tail")) {
      tail = 10;
    }
    if (tail < -1) {
      throw KubectlException.error("--tail must be greater than or equal to -1");
    }
    boolean allContainers = args.bool("all-containers");
    if (allContainers && !container.isEmpty()) {
      throw KubectlException.error("--all-containers=true should not be specified with container name " + container);
    }
    Optional<Instant> since = since(ctx);
    List<Pod> pods = pods(ctx, words, selector);
    StringBuilder out = new StringBuilder();
    for (Pod pod : pods) {
      for (String c : containers(ctx, pod, container, allContainers)) {
        String prefix = args.bool("prefix") ? "[pod/" + pod.metadata().nameOrEmpty() + "/" + c + "] " : "";
        PodLogOptions options = new PodLogOptions(tail, since, args.bool("timestamps"), 0);
        out.append(options.render(ContainerLogs.of(ctx.cluster()::kubelet, pod, c, args.bool("previous")), prefix));
      }
    }
    ctx.out().out(limitBytes(out.toString(), args.integer("limit-bytes", 0)));
  }

  private static List<Pod> pods(CommandContext ctx, List<String> words, boolean selector) {
    if (selector) {
      List<Pod> pods = new ArrayList<>();
      var matches = SelectorParser.parse(ctx.args().string("selector").orElse(""));
      for (KubeObject o : ctx.api().list(Pod.KIND, Optional.of(ctx.namespace()))) {
        if (matches.test(o.metadata().labels())) {
          pods.add((Pod) o);
        }
      }
      if (pods.isEmpty()) {
        ctx.out().err("No resources found in " + ctx.namespace() + " namespace.\n");
      }
      return pods;
    }
    try {
      return List.of(PodTarget.resolve(ctx, words.get(0)));
    } catch (NotFoundException e) {
      // kubectl wraps the builder's NotFound itself, so it prints as a plain error
      throw KubectlException.error("error from server (NotFound): " + e.getMessage() + " in namespace \"" + ctx.namespace() + "\"");
    }
  }

  private static List<String> containers(CommandContext ctx, Pod pod, String named, boolean all) {
    if (all) {
      List<String> names = new ArrayList<>();
      pod.specOrEmpty().initContainers().forEach(c -> names.add(c.name().orElse("")));
      pod.specOrEmpty().containers().forEach(c -> names.add(c.name().orElse("")));
      for (Object e : pod.specOrEmpty().ephemeralContainers()) {
        if (e instanceof Map<?, ?> m && m.get("name") instanceof String n) {
          names.add(n);
        }
      }
      return names;
    }
    String container = named;
    if (container.isEmpty()) {
      String annotated = pod.metadata().annotations().getOrDefault(PodContainers.DEFAULT_CONTAINER_ANNOTATION, "");
      if (!annotated.isEmpty() && !PodContainers.has(pod, annotated)) {
        ctx.out().err("Default container name \"" + annotated + "\" not found in pod " + pod.metadata().nameOrEmpty() + "\n");
      }
      container = PodContainers.defaultContainer(pod, false, ctx.out());
    }
    if (!PodContainers.has(pod, container)) {
      throw KubectlException.error("container " + container + " is not valid for pod " + pod.metadata().nameOrEmpty());
    }
    return List.of(container);
  }

  private static Optional<Instant> since(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    if (args.has("since") && args.has("since-time")) {
      throw KubectlException.error("at most one of `sinceTime` or `sinceSeconds` may be specified");
    }
    if (args.has("since-time")) {
      String text = args.string("since-time").orElse("");
      try {
        return Optional.of(Instant.parse(text));
      } catch (DateTimeParseException e) {
        throw KubectlException.error("parsing time \"" + text + "\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"" + text
            + "\" as \"2006\"");
      }
    }
    Duration since = GoDuration.flag(args, "since", Duration.ZERO);
    if (since.isNegative()) {
      throw KubectlException.error("--since must be greater than 0");
    }
    // the API takes whole seconds, rounded
    long seconds = (since.toMillis() + 500) / 1000;
    return since.isZero() ? Optional.empty() : Optional.of(ctx.now().minusSeconds(seconds));
  }

  private static String limitBytes(String text, int limit) {
    if (limit < 0) {
      throw KubectlException.error("--limit-bytes must be greater than 0");
    }
    return PodLogOptions.limit(text, limit);
  }
}
