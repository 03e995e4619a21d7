package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.kubelet.ContainerLogs;
import dev.kubesim.impl.program.AttachedShell;
import dev.kubesim.impl.program.LogLine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl attach (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t]}: joins the container's main
 * process as {@code attach.go} does. With {@code -i} at a terminal, and a main process that is a
 * shell reading its input (a pod of {@code kubectl run -it ... -- sh}), the terminal's next lines
 * go to that shell until it exits; then, for a pod that restarts it, kubectl says how to attach
 * again. Otherwise kubectl shows what the container prints from now on: here what it prints in the
 * next three virtual seconds, after which the command is taken as interrupted (Ctrl-C), or until the
 * container ends.
 */
final class AttachCommand implements Command {
  /** How long a non-interactive attach follows the container before it is taken as interrupted. */
  private static final Duration FOLLOW = Duration.ofSeconds(3);
  private static final Duration STEP = Duration.ofMillis(100);

  @Override
  public String name() {
    return "attach";
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.value("container", "c"), Flag.bool("stdin", "i"), Flag.bool("tty", "t"), Flag.bool("quiet", "q"),
        Flag.value("pod-running-timeout"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    List<String> positional = args.positional();
    if (positional.isEmpty()) {
      throw KubectlException.usageErrorf("at least 1 argument is required for attach", "attach");
    }
    if (positional.size() > 2) {
      throw KubectlException.usageErrorf("expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw "
          + positional.size() + ": [" + String.join(" ", positional) + "]", "attach");
    }
    Pod pod = PodTarget.resolve(ctx, positional.size() == 2 ? positional.get(0) + "/" + positional.get(1) : positional.get(0));
    String phase = PodStates.phase(pod);
    if (phase.equals("Succeeded") || phase.equals("Failed")) {
      throw KubectlException.error("cannot attach a container in a completed pod; current phase is " + phase);
    }
    String container = args.string("container").orElse("");
    if (container.isEmpty()) {
      container = PodContainers.defaultContainer(pod, args.bool("quiet"), ctx.out());
    } else if (!PodContainers.has(pod, container)) {
      throw KubectlException.error("container " + container + " not found in pod " + pod.metadata().nameOrEmpty());
    }
    String name = container;
    Optional<Container> spec = pod.specOrEmpty().containers().stream().filter(c -> c.name().orElse("").equals(name))
        .findFirst();
    boolean containerTty = spec.flatMap(Container::tty).orElse(false);
    boolean tty = args.bool("tty");
    if (tty && !containerTty && !args.bool("quiet")) {
      ctx.out().err("Unable to use a TTY - container " + name + " did not allocate one\n");
      tty = false;
    } else if (!tty && containerTty) {
      tty = true; // a container started with a TTY is attached with one
    }
    ObjectKey key = ObjectStore.keyOf(pod);
    String podRef = key.namespace() + "/" + key.name();
    if (args.bool("stdin") && ctx.terminal()) {
      Optional<AttachedShell> shell = ctx.cluster().attachMain(podRef, name, tty);
      if (shell.isPresent()) {
        if (!args.bool("quiet")) {
          ctx.out().err("If you don't see a command prompt, try pressing enter.\n");
        }
        boolean resume = tty && pod.specOrEmpty().restartPolicy().orElse("Always").equals("Always");
        ctx.out().attach(new InteractiveExec(ctx.cluster(), shell.get(), status -> new KubectlResult(resume
            ? "Session ended, resume using 'kubectl attach " + key.name() + " -c " + name + " -i -t' command when the pod is running\n"
            : "", "", 0)));
        return;
      }
    }
    follow(ctx, key, name);
  }

  /** What the container prints from now, for a few virtual seconds or until it ends. */
  private static void follow(CommandContext ctx, ObjectKey key, String container) {
    Instant from = ctx.now();
    int seen = lines(ctx, key, container).size();
    Duration waited = Duration.ZERO;
    while (waited.compareTo(FOLLOW) < 0 && running(ctx, key, container)) {
      ctx.cluster().loop().advance(STEP);
      waited = waited.plus(STEP);
    }
    List<LogLine> now = lines(ctx, key, container);
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    for (LogLine line : now.subList(Math.min(seen, now.size()), now.size())) {
      if (line.time().isBefore(from)) {
        continue;
      }
      (line.stream().equals("stderr") ? err : out).append(line.text()).append('\n');
    }
    ctx.out().out(out.toString());
    ctx.out().err(err.toString());
  }

  private static List<LogLine> lines(CommandContext ctx, ObjectKey key, String container) {
    return ctx.api().get(Pod.KIND, key.namespace(), key.name()).map(Pod.class::cast)
        .map(p -> ContainerLogs.of(ctx.cluster()::kubelet, p, container, false))
        .orElse(List.of());
  }

  private static boolean running(CommandContext ctx, ObjectKey key, String container) {
    return ctx.api().get(Pod.KIND, key.namespace(), key.name()).map(Pod.class::cast)
        .flatMap(Pod::status)
        .map(s -> s.containerStatuses().stream()
            .anyMatch(c -> c.name().orElse("").equals(container) && c.state().flatMap(st -> st.running()).isPresent()))
        .orElse(false);
  }
}
