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
 * @param screen what the terminal showed: standard output and error interleaved as kubectl wrote
 *     them (its prompt hint, a pod's output, then its failure)
 */
public record TerminalKubectl(KubectlResult result, Optional<Trace> trace, Optional<TerminalShell> attached, String screen) {
  /**
   * Checks that no field is {@code null}.
   *
   * @param result what kubectl printed and its exit code
   * @param trace what a command it ran in a container sent over the network, if anything
   * @param attached the shell left attached to the terminal, if any
   * @param screen what the terminal showed, both streams in the order written
   */
  public TerminalKubectl {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(attached, "attached");
    Objects.requireNonNull(screen, "screen");
  }

  /**
   * A line whose streams are shown as kubectl usually writes them: warnings before the output,
   * errors after it.
   *
   * @param result what kubectl printed and its exit code
   * @param trace what a command it ran in a container sent over the network, if anything
   * @param attached the shell left attached to the terminal, if any
   */
  public TerminalKubectl(KubectlResult result, Optional<Trace> trace, Optional<TerminalShell> attached) {
    this(result, trace, attached, result.succeeded() ? result.stderr() + result.stdout() : result.stdout() + result.stderr());
  }
}
