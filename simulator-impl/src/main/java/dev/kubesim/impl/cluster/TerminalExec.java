package dev.kubesim.impl.cluster;

import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.TerminalShell;
import dev.kubesim.impl.kubectl.InteractiveExec;
import dev.kubesim.impl.program.AttachedShell;

/** {@link TerminalShell} of a simulated cluster: kubectl's interactive exec, driven under the cluster's lock. */
final class TerminalExec implements TerminalShell {
  private final SimCluster cluster;
  private final InteractiveExec session;

  TerminalExec(SimCluster cluster, InteractiveExec session) {
    this.cluster = cluster;
    this.session = session;
  }

  @Override
  public String prompt() {
    return cluster.underLock(session::prompt);
  }

  @Override
  public boolean isOpen() {
    return cluster.underLock(session::isOpen);
  }

  @Override
  public Typed type(String line) {
    return cluster.underLock(() -> {
      if (!session.isOpen()) {
        throw new IllegalStateException("the shell has ended");
      }
      AttachedShell.Typed typed = session.type(line);
      return new Typed(typed.line().screen(), typed.trace());
    });
  }

  @Override
  public String endOfInput() {
    return cluster.underLock(() -> session.endOfInput().screen());
  }

  @Override
  public KubectlResult closing() {
    return cluster.underLock(session::closing);
  }
}
