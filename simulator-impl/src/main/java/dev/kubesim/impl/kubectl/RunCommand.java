package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.EnvVar;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import dev.kubesim.impl.kubelet.ContainerLogs;
import dev.kubesim.impl.program.LogLine;
import java.time.Duration;
import dev.kubesim.impl.program.AttachedShell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubectl run NAME --image=IMAGE [--env=K=V]... [--labels=K=V,...] [--port=N [--expose]]
 * [--restart=Always|OnFailure|Never] [--command] [-- ARGS...] [-i [--rm]] [--dry-run=client -o
 * yaml]} ({@code staging/src/k8s.io/kubectl/pkg/cmd/run}): one pod labelled {@code run=NAME}
 * unless labels are given, a ClusterIP Service in front of it with {@code --expose}. With {@code
 * -i} kubectl stays attached until the container ends and shows its output; {@code --rm} then
 * deletes the pod ({@code pod "x" deleted}).
 */
final class RunCommand implements Command {
  /** How long an attached run waits for its container to end before it gives up the attachment. */
  private static final Duration ATTACH_LIMIT = Duration.ofMinutes(5);
  private static final Duration STEP = Duration.ofMillis(100);

  @Override
  public String name() {
    return "run";
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.value("image"), Flag.value("env"), Flag.value("labels", "l"), Flag.value("port"),
        Flag.bool("expose"), Flag.value("restart"), Flag.bool("command"), Flag.bool("stdin", "i"), Flag.bool("tty", "t"),
        Flag.bool("rm"), Flag.value("dry-run"), Flag.value("output", "o"), Flag.value("image-pull-policy"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    if (args.positional().isEmpty()) {
      throw KubectlException.usageErrorf("NAME is required for run", "run");
    }
    String name = args.positional().get(0);
    String image = args.string("image").orElse("");
    if (image.isEmpty()) {
      throw KubectlException.error("required flag(s) \"image\" not set");
    }
    String restart = args.string("restart").orElse("Always");
    if (!List.of("Always", "OnFailure", "Never").contains(restart)) {
      throw KubectlException.usageErrorf("invalid restart policy: " + restart, "run");
    }
    boolean attach = args.bool("stdin") || args.bool("tty");
    if (args.bool("tty") && !args.bool("stdin")) {
      throw KubectlException.usageErrorf("-i/--stdin is required for containers with -t/--tty=true", "run");
    }
    if (attach && !args.string("dry-run").orElse("none").equals("none")) {
      throw KubectlException.usageErrorf(
          "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", "run");
    }
    if (args.bool("rm") && !attach) {
      throw KubectlException.usageErrorf("--rm should only be used for attached containers", "run");
    }
    Optional<String> port = args.string("port").filter(p -> !p.isEmpty());
    if (args.bool("expose") && port.isEmpty()) {
      throw KubectlException.usageErrorf("--port must be set when exposing a service", "run");
    }
    Map<String, String> labels = labels(args.string("labels"), name);
    Pod pod = pod(ctx, name, image, restart, labels, port);
    List<KubeObject> objects = new ArrayList<>();
    if (args.bool("expose")) {
      objects.add(service(ctx, name, labels, Integer.parseInt(port.get())));
    }
    objects.add(pod);
    String dryRun = args.string("dry-run").orElse("none");
    if (dryRun.equals("client")) {
      for (KubeObject o : objects) {
        String prefix = ResourceTypes.kindPrefix(ResourceTypes.ofKind(o.kind())) + "/" + name;
        ctx.out().out(args.has("output") ? ClientObjects.render(args.string("output").get(), o, ctx.namespaceGiven())
            : prefix + " created (dry run)\n");
      }
      return;
    }
    try {
      for (KubeObject o : objects) {
        var written = ctx.api().createWarned(o, false);
        ctx.warn(written.warnings());
        if (!attach) {
          ctx.out().out(ResourceTypes.kindPrefix(ResourceTypes.ofKind(o.kind())) + "/" + name + " created\n");
        }
      }
    } catch (KubeSimException e) {
      ctx.out().fail(ErrorMessages.single(Failure.api(e, "")));
      return;
    }
    ctx.settle();
    if (attach) {
      attached(ctx, name, args.bool("rm"));
    }
  }

  /** Follows the container until it ends (or the attach limit passes), shows its output, and with --rm deletes the pod. */
  private static void attached(CommandContext ctx, String name, boolean remove) {
    String ns = ctx.namespace();
    Duration waited = Duration.ZERO;
    if (ctx.args().bool("stdin")) {
      Optional<Duration> typed = typeInto(ctx, ns, name, remove);
      if (typed.isEmpty()) {
        return; // the terminal's next lines go to the container's shell
      }
      waited = typed.get();
    }
    while (waited.compareTo(ATTACH_LIMIT) < 0 && !ended(ctx, ns, name)) {
      ctx.cluster().loop().advance(STEP);
      waited = waited.plus(STEP);
    }
    Optional<Pod> pod = ctx.api().get(Pod.KIND, ns, name).map(Pod.class::cast);
    if (pod.isPresent()) {
      StringBuilder out = new StringBuilder();
      for (LogLine line : ContainerLogs.of(ctx.cluster()::kubelet, pod.get(), name, false)) {
        out.append(line.text()).append('\n');
      }
      ctx.out().out(out.toString());
    }
    if (remove) {
      ctx.out().out(removePod(ctx, ns, name));
    }
    pod.ifPresent(p -> failure(ctx.out(), p));
  }

  /** {@code --rm}: the pod deleted once the session is over. */
  private static String removePod(CommandContext ctx, String ns, String name) {
    ctx.api().delete(Pod.KIND, ns, name);
    ctx.settle();
    return "pod \"" + name + "\" deleted\n";
  }

  /**
   * kubectl's last words after a terminal's session with the pod's shell ({@code run.go} after
   * {@code attach}): with a terminal and {@code restartPolicy: Always}, how to attach again; with
   * {@code --rm}, the pod deleted; for a pod that does not restart, its failure as {@link #failure}
   * reports it, once it has ended.
   */
  private static KubectlResult afterSession(CommandContext ctx, String ns, String name, boolean remove) {
    StringBuilder out = new StringBuilder();
    String restart = ctx.args().string("restart").orElse("Always");
    if (ctx.args().bool("tty") && restart.equals("Always")) {
      out.append("Session ended, resume using 'kubectl attach ").append(name).append(" -c ").append(name)
          .append(" -i -t' command when the pod is running\n");
    }
    ctx.settle();
    Optional<Pod> pod = Optional.empty();
    if (!restart.equals("Always")) {
      Duration waited = Duration.ZERO;
      while (waited.compareTo(ATTACH_LIMIT) < 0 && !ended(ctx, ns, name)) {
        ctx.cluster().loop().advance(STEP);
        waited = waited.plus(STEP);
      }
      pod = ctx.api().get(Pod.KIND, ns, name).map(Pod.class::cast);
    }
    if (remove) {
      out.append(removePod(ctx, ns, name));
    }
    KubectlOutput failed = new KubectlOutput();
    pod.ifPresent(p -> failure(failed, p));
    KubectlResult f = failed.result();
    return new KubectlResult(out.toString(), f.stderr(), f.exitCode());
  }

  /**
   * kubectl's end of an attached run whose pod failed: {@code pod NS/NAME terminated (REASON)} and
   * the container's message, exiting with its code ({@code run.go}'s {@code CodeExitError}).
   */
  private static void failure(KubectlOutput out, Pod pod) {
    if (!PodStates.phase(pod).equals("Failed")) {
      return;
    }
    String ref = pod.metadata().namespace().orElse("default") + "/" + pod.metadata().nameOrEmpty();
    Optional<dev.kubesim.api.model.ContainerStateTerminated> terminated = pod.status()
        .flatMap(s -> s.containerStatuses().stream().findFirst())
        .flatMap(c -> c.state()).flatMap(st -> st.terminated());
    int code = terminated.flatMap(t -> t.exitCode()).orElse(0);
    if (code == 0) {
      out.err("error: pod " + ref + " failed with unknown exit code\n");
      out.exit(1);
      return;
    }
    String text = "pod " + ref + " terminated (" + terminated.flatMap(t -> t.reason()).orElse("") + ")\n"
        + terminated.flatMap(t -> t.message()).orElse("");
    out.err(text.endsWith("\n") ? text : text + "\n");
    out.exit(code);
  }

  /**
   * Once the container runs, passes kubectl's standard input to its main process if that is a
   * shell reading it, line by line, then ends the input; what the shell prints is the container's
   * output, shown with the rest. At a terminal kubectl stays attached instead: the terminal's next
   * lines go to the shell, and kubectl's last words come when it ends.
   *
   * @return how long it waited for the container to start, or empty when kubectl stays attached
   */
  private static Optional<Duration> typeInto(CommandContext ctx, String ns, String name, boolean remove) {
    Duration waited = Duration.ZERO;
    while (waited.compareTo(ATTACH_LIMIT) < 0 && !running(ctx, ns, name) && !ended(ctx, ns, name)) {
      ctx.cluster().loop().advance(STEP);
      waited = waited.plus(STEP);
    }
    if (!running(ctx, ns, name)) {
      return Optional.of(waited); // it ended before kubectl could attach: its output comes as logs
    }
    ctx.out().err("If you don't see a command prompt, try pressing enter.\n");
    Optional<AttachedShell> shell = ctx.cluster().attachMain(ns + "/" + name, name, ctx.terminal() && ctx.args().bool("tty"));
    if (shell.isEmpty()) {
      return Optional.of(waited);
    }
    if (ctx.terminal()) {
      ctx.out().attach(new InteractiveExec(ctx.cluster(), shell.get(), status -> afterSession(ctx, ns, name, remove)));
      return Optional.empty();
    }
    String input = ctx.stdin();
    for (String line : input.lines().toList()) {
      if (!shell.get().isOpen()) {
        break;
      }
      Duration took = shell.get().type(line).line().elapsed();
      if (!took.isZero() && !took.equals(dev.kubesim.api.ExecResult.FOREVER)) {
        ctx.cluster().advance(took);
      }
    }
    if (shell.get().isOpen()) {
      shell.get().endOfInput();
    }
    return Optional.of(waited);
  }

  private static boolean running(CommandContext ctx, String ns, String name) {
    return ctx.api().get(Pod.KIND, ns, name).map(Pod.class::cast)
        .map(p -> p.status().map(s -> s.containerStatuses().stream()
            .anyMatch(c -> c.state().flatMap(st -> st.running()).isPresent())).orElse(false))
        .orElse(false);
  }

  private static boolean ended(CommandContext ctx, String ns, String name) {
    Optional<Pod> pod = ctx.api().get(Pod.KIND, ns, name).map(Pod.class::cast);
    if (pod.isEmpty()) {
      return true;
    }
    String phase = PodStates.phase(pod.get());
    if (phase.equals("Succeeded") || phase.equals("Failed")) {
      return true;
    }
    // A restarting container has ended once: its output so far is what an attached terminal saw.
    return pod.get().status().map(s -> s.containerStatuses().stream()
        .anyMatch(c -> c.restartCount().orElse(0) > 0 || c.state().flatMap(st -> st.terminated()).isPresent())).orElse(false);
  }

  /** {@code --labels=a=b,c=d}, else {@code run=NAME}. */
  private static Map<String, String> labels(Optional<String> flag, String name) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (flag.isEmpty() || flag.get().isEmpty()) {
      labels.put("run", name);
      return labels;
    }
    for (String pair : flag.get().split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw KubectlException.error("invalid label spec: " + pair);
      }
      labels.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return labels;
  }

  private static Pod pod(CommandContext ctx, String name, String image, String restart, Map<String, String> labels,
      Optional<String> port) {
    ParsedArgs args = ctx.args();
    Container.Builder c = Container.builder().name(name).image(image);
    List<String> after = args.afterDash();
    if (!after.isEmpty()) {
      if (args.bool("command")) {
        c.command(after);
      } else {
        c.args(after);
      }
    }
    List<EnvVar> env = new ArrayList<>();
    for (String e : args.strings("env")) {
      int eq = e.indexOf('=');
      if (eq <= 0) {
        throw KubectlException.error("invalid env: " + e);
      }
      env.add(new EnvVar(Optional.of(e.substring(0, eq)), Optional.of(e.substring(eq + 1)), Optional.empty()));
    }
    c.env(env);
    port.ifPresent(p -> c.ports(List.of(new ContainerPort(null, null, Optional.of(Integer.parseInt(p)), null, null))));
    args.string("image-pull-policy").ifPresent(c::imagePullPolicy);
    if (args.bool("stdin")) {
      c.stdin(true).stdinOnce(true); // its main process reads what kubectl passes on, once
    }
    if (args.bool("tty")) {
      c.tty(true);
    }
    PodSpec spec = PodSpec.builder().containers(List.of(c.build())).restartPolicy(restart).dnsPolicy("ClusterFirst").build();
    return Pod.of(ObjectMeta.builder().name(name).namespace(ctx.namespace()).labels(labels).build(), spec);
  }

  /** {@code --expose}: a ClusterIP Service named as the pod, on the port, selecting the pod's labels. */
  private static Service service(CommandContext ctx, String name, Map<String, String> labels, int port) {
    ServicePort sp = new ServicePort(Optional.empty(), Optional.of("TCP"), Optional.empty(), Optional.of(port),
        Optional.of(IntOrString.of(port)), Optional.empty());
    return Service.of(ObjectMeta.builder().name(name).namespace(ctx.namespace()).build(),
        ServiceSpec.builder().ports(List.of(sp)).selector(labels).build());
  }
}
