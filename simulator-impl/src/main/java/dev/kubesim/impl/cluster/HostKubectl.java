package dev.kubesim.impl.cluster;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.impl.kubectl.InteractiveExec;
import dev.kubesim.impl.kubectl.Kubectl;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code kubectl} as a program on the hosts outside the cluster ({@code /usr/local/bin/kubectl} of
 * their userland), with this cluster as its current context: a shell there runs it with the words
 * it expanded and the input it piped. While a terminal's line runs ({@link #typing}), its manifests
 * are the terminal's and an {@code exec -it} whose output is the terminal attaches the container's
 * shell to it, as the real kubectl does; the terminal takes that shell after the line.
 */
final class HostKubectl implements Command {
  private final Kubectl kubectl;
  private Function<String, Optional<String>> manifests = name -> Optional.empty();
  private boolean atTerminal;
  private Optional<InteractiveExec> attached = Optional.empty();

  HostKubectl(Kubectl kubectl) {
    this.kubectl = kubectl;
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    boolean terminal = atTerminal && ctx.stdoutIsTerminal();
    Kubectl.TerminalRun run = kubectl.runArguments(args, ctx.stdin(), hostFilesToo(manifests, ctx), terminal);
    run.attached().ifPresent(shell -> attached = Optional.of(shell));
    KubectlResult r = run.result();
    if (run.holding().isPresent()) {
      // kubectl port-forward runs until interrupted: in a background job its listeners stay; in the
      // foreground the user's Ctrl-C closes them
      if (ctx.background()) {
        ctx.container().keepRunning(run.holding().get()); // until the job is killed, or the shell ends
      } else {
        run.holding().get().run();
      }
      return new ExecResult(r.stdout(), r.stderr(), r.exitCode(), ExecResult.FOREVER);
    }
    return ExecResult.of(r.stdout(), r.stderr(), r.exitCode());
  }

  /**
   * The manifests a kubectl on the host reads: the terminal's own, else the host's files (what an
   * earlier line wrote: {@code kubectl get deploy web -o yaml > web.yaml}), else the file system
   * kubesim runs on.
   */
  private static Function<String, Optional<String>> hostFilesToo(Function<String, Optional<String>> manifests,
      ExecContext ctx) {
    return name -> {
      Optional<String> given = manifests.apply(name);
      if (given.isPresent() || name.equals("-")) {
        return given;
      }
      return ctx.fs().readIfFile(ctx.resolve(name));
    };
  }

  /**
   * Runs a terminal's line: kubectl reads the terminal's manifests meanwhile and may attach a shell.
   *
   * @return what the line did, and the shell a kubectl in it left attached
   */
  <T> Typing<T> typing(Function<String, Optional<String>> terminalManifests, java.util.function.Supplier<T> line) {
    Function<String, Optional<String>> outer = manifests;
    boolean outerTerminal = atTerminal;
    manifests = terminalManifests;
    atTerminal = true;
    attached = Optional.empty();
    try {
      T result = line.get();
      return new Typing<>(result, attached);
    } finally {
      manifests = outer;
      atTerminal = outerTerminal;
      attached = Optional.empty();
    }
  }

  /** A terminal line's result and the container shell kubectl attached during it, if any. */
  record Typing<T>(T result, Optional<InteractiveExec> attached) {}
}
