package dev.kubesim.impl.kubectl;

import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.program.AttachedShell;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-it] -- COMMAND [args...]}: runs the command
 * in the container through the cluster's {@code exec} and prints the process's output; a non-zero
 * exit adds {@code command terminated with exit code N} on standard error and kubectl exits with N.
 *
 * <p>Failures are worded as kubectl v1.34 with containerd shows them: the client's own checks
 * (completed pod, unknown container, the form without {@code --}, which v1.31 removed), the API
 * server's ({@code pods "x" not found}, {@code does not have a host assigned}, an unreachable
 * kubelet), the kubelet's ({@code unable to upgrade connection: container not found}) and
 * containerd's for a program the image lacks, which it reports as an internal error, not an exit
 * code: {@code error: Internal error occurred: error executing command in container: failed to exec
 * in container: failed to start exec "<id>": OCI runtime exec failed: ...}, exit 1.
 *
 * <p>{@code -i} passes kubectl's standard input to the command ({@code sh} runs it as a script);
 * {@code -t} without {@code -i} is dropped, as kubectl drops it. Typed at a terminal ({@link
 * Kubectl#runAtTerminal}), {@code -i} of a shell reading its input ({@code -it POD -- bash}) attaches
 * kubectl to that shell ({@link InteractiveExec}), interactive with {@code -t}; elsewhere {@code -it}
 * says {@code Unable to use a TTY - input is not a terminal or the right kind of file} first, as
 * kubectl does with piped input. A command that takes virtual time ({@code sleep 5}) lets that time
 * pass in the cluster, as the real command would keep kubectl waiting.
 */
final class ExecCommand implements Command {
  @Override
  public String name() {
    return "exec";
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.value("container", "c"), Flag.bool("stdin", "i"), Flag.bool("tty", "t"), Flag.bool("quiet", "q"),
        Flag.value("filename", "f"), Flag.value("pod-running-timeout"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    List<String> all = new ArrayList<>(args.positional());
    all.addAll(args.afterDash());
    int atDash = args.sawDash() ? args.positional().size() : -1;
    String resource = !all.isEmpty() && atDash != 0 ? all.get(0) : "";
    List<String> command = List.of();
    if (atDash == 0 || atDash == 1) {
      command = all.subList(atDash, all.size());
    } else if (all.size() > 1) {
      throw KubectlException.usageErrorf("exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead",
          "exec");
    }
    if (resource.isEmpty()) {
      throw KubectlException.error("pod, type/name or --filename must be specified");
    }
    if (command.isEmpty()) {
      throw KubectlException.error("you must specify at least one command for the container");
    }
    Pod pod = PodTarget.resolve(ctx, resource);
    String phase = PodStates.phase(pod);
    if (phase.equals("Succeeded") || phase.equals("Failed")) {
      throw KubectlException.error("cannot exec into a container in a completed pod; current phase is " + phase);
    }
    String container = args.string("container").orElse("");
    if (container.isEmpty()) {
      container = PodContainers.defaultContainer(pod, args.bool("quiet"), ctx.out());
    } else if (!PodContainers.has(pod, container)) {
      throw KubectlException.error("container " + container + " is not valid for pod " + pod.metadata().nameOrEmpty()
          + " out of: " + PodContainers.allNames(pod));
    }
    // -t without -i is dropped: no input, no terminal
    boolean stdin = args.bool("stdin");
    boolean tty = stdin && args.bool("tty");
    if (tty && !ctx.terminal() && !args.bool("quiet")) {
      ctx.out().err("Unable to use a TTY - input is not a terminal or the right kind of file\n");
    }
    ctx.cluster().execStartFailure(pod, container, command).ifPresent(message -> {
      throw KubectlException.error(message);
    });
    ObjectKey key = ObjectStore.keyOf(pod);
    String podRef = key.namespace() + "/" + key.name();
    ExecResult result;
    try {
      if (stdin && ctx.terminal()) {
        Optional<AttachedShell> shell = ctx.cluster().attach(podRef, container, command, tty);
        if (shell.isPresent()) {
          ctx.out().attach(new InteractiveExec(ctx.cluster(), shell.get()));
          return;
        }
      }
      result = tty && ctx.terminal() ? ctx.cluster().execAtTerminal(podRef, container, command, ctx.stdin())
          : ctx.cluster().exec(podRef, container, command, stdin ? ctx.stdin() : "");
    } catch (BadRequestException e) {
      if (e.getMessage().startsWith("unable to upgrade connection")) {
        throw KubectlException.error(e.getMessage()); // the streaming upgrade's error, not an API status
      }
      throw e;
    }
    ctx.out().out(result.stdout());
    ctx.out().err(result.stderr());
    if (!result.elapsed().isZero() && !result.runsForever()) {
      ctx.cluster().loop().advance(result.elapsed());
    }
    if (result.exitCode() != 0) {
      ctx.out().err("command terminated with exit code " + result.exitCode() + "\n");
      ctx.out().exit(result.exitCode());
    }
  }
}
