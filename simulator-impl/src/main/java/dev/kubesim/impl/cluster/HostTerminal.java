package dev.kubesim.impl.cluster;

import dev.kubesim.api.HostShell;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.impl.program.ShellSession;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link HostShell} of a simulated cluster: an interactive bash on the outside host's userland,
 * each line run under the cluster's lock with its network traces captured, the cluster's time
 * passing as the line's programs take it, and the cluster settled afterwards.
 */
final class HostTerminal implements HostShell {
  private final SimCluster cluster;
  private final HostKubectl kubectl;
  private final OutsideClient host;
  /** The terminal's bash; a new one when {@code exit} ended it, as a new terminal tab starts one. */
  private ShellSession session;
  private final Function<String, Optional<String>> manifests;
  /** The lines of a command not yet complete ({@link #continuing()}), joined by newlines; null when none. */
  private String unfinished;

  private HostTerminal(SimCluster cluster, OutsideClient host, HostKubectl kubectl,
      Function<String, Optional<String>> manifests) {
    this.cluster = cluster;
    this.host = host;
    this.kubectl = kubectl;
    this.manifests = manifests;
    this.session = bash();
  }

  /** Opens bash on the outside host; the caller holds the cluster's lock. */
  static HostTerminal open(SimCluster cluster, OutsideClient host, HostKubectl kubectl,
      Function<String, Optional<String>> manifests) {
    return new HostTerminal(cluster, host, kubectl, manifests);
  }

  private ShellSession bash() {
    ShellSession bash = ShellSession.open(host.container(), List.of("bash"), true)
        .orElseThrow(() -> new IllegalStateException("the outside host has no bash"));
    bash.letTimePass(cluster::advance);
    return bash;
  }

  @Override
  public Optional<String> readFile(String path) {
    java.util.Objects.requireNonNull(path, "path");
    return cluster.underLock(() -> session.readFile(path));
  }

  @Override
  public boolean continuing() {
    return cluster.underLock(() -> unfinished != null);
  }

  @Override
  public Typed type(String line) {
    return cluster.underLock(() -> {
      if (!session.isOpen()) {
        session = bash();
      }
      String input = unfinished == null ? line : unfinished + "\n" + line;
      if (session.unfinished(input)) {
        unfinished = input;
        return nothing();
      }
      unfinished = null;
      return run(input);
    });
  }

  @Override
  public void recordStatus(int exitCode) {
    cluster.underLock(() -> {
      if (session.isOpen()) {
        session.lastStatus(exitCode);
      }
      return null;
    });
  }

  @Override
  public Typed endOfInput() {
    return cluster.underLock(() -> {
      if (unfinished == null || !session.isOpen()) {
        unfinished = null;
        return nothing();
      }
      String input = unfinished;
      unfinished = null;
      return run(input);
    });
  }

  /** A line that ran nothing (it continues a command, or no command was pending): {@code $?} unchanged. */
  private Typed nothing() {
    return new Typed("", "", "", session.lastStatus(), Optional.empty(), Optional.empty());
  }

  /** Runs a complete command, its traces captured and the cluster settled after it. */
  private Typed run(String input) {
    return cluster.underLock(() -> {
      long before = cluster.tracedCommands();
      cluster.network().traces().begin();
      HostKubectl.Typing<ShellSession.Line> typing;
      Optional<Trace> own;
      try {
        typing = kubectl.typing(manifests, () -> session.runInput(input));
      } finally {
        own = cluster.network().traces().end();
      }
      // a request the host sent itself, else the last one a kubectl exec sent
      Optional<Trace> trace = own.isPresent() ? own
          : cluster.tracedCommands() == before ? Optional.<Trace>empty() : cluster.lastExecTrace();
      own.ifPresent(cluster::recordTrace);
      cluster.settleNow();
      ShellSession.Line l = typing.result();
      return new Typed(l.stdout(), l.stderr(), l.screen(), l.status(), trace,
          typing.attached().map(shell -> new TerminalExec(cluster, shell)));
    });
  }
}
