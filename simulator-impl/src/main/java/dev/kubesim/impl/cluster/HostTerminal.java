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
  private final ShellSession session;
  private final Function<String, Optional<String>> manifests;

  private HostTerminal(SimCluster cluster, HostKubectl kubectl, ShellSession session,
      Function<String, Optional<String>> manifests) {
    this.cluster = cluster;
    this.kubectl = kubectl;
    this.session = session;
    this.manifests = manifests;
  }

  /** Opens bash on the outside host; the caller holds the cluster's lock. */
  static HostTerminal open(SimCluster cluster, OutsideClient host, HostKubectl kubectl,
      Function<String, Optional<String>> manifests) {
    ShellSession session = ShellSession.open(host.container(), List.of("bash"), true)
        .orElseThrow(() -> new IllegalStateException("the outside host has no bash"));
    session.letTimePass(cluster::advance);
    return new HostTerminal(cluster, kubectl, session, manifests);
  }

  @Override
  public Typed type(String line) {
    return cluster.underLock(() -> {
      if (!session.isOpen()) {
        // "exit" ended the shell: a terminal opens a new one, as a new tab would
        throw new IllegalStateException("the shell has exited");
      }
      long before = cluster.tracedCommands();
      cluster.network().traces().begin();
      HostKubectl.Typing<ShellSession.Line> typing;
      Optional<Trace> own;
      try {
        typing = kubectl.typing(manifests, () -> session.run(line));
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
