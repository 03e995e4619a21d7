package dev.kubesim.api;

import dev.kubesim.api.trace.Trace;
import java.util.Objects;
import java.util.Optional;

/**
 * What a kubectl command line typed at a terminal did ({@link Cluster#kubectlAtTerminal}).
 *
 * @param result what kubectl printed and its exit code; with a shell attached, only kubectl's own
 *     lines before the shell's first prompt
 * @param trace what a command it ran in a container ({@code kubectl exec}) sent over the network,
 *     if it ran one that sent anything
 * @param attached the shell {@code kubectl exec -it ... -- bash} left attached to the terminal,
 *     which reads the next lines; empty for every other command line
 */
public record TerminalKubectl(KubectlResult result, Optional<Trace> trace, Optional<TerminalShell> attached) {
  /**
   * Checks that no field is {@code null}.
   *
   * @param result what kubectl printed and its exit code
   * @param trace what a command it ran in a container sent over the network, if anything
   * @param attached the shell left attached to the terminal, if any
   */
  public TerminalKubectl {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(attached, "attached");
  }
}
