package dev.kubesim.api;

import dev.kubesim.api.trace.Trace;
import java.util.Objects;
import java.util.Optional;

/**
 * The shell that {@code kubectl exec -it POD -- bash} typed at a terminal left attached ({@link
 * TerminalKubectl#attached()}): it reads the terminal's next lines until it exits or the input ends,
 * and then kubectl exits with it. Unlike a {@link PodShell}, a line that takes virtual time ({@code
 * sleep 5}) lets that time pass in the cluster, as it keeps the terminal waiting. The methods take
 * the cluster's lock.
 */
public interface TerminalShell {
  /** {@return the prompt the shell prints before its next line; empty without a terminal ({@code -i} alone)} */
  String prompt();

  /** {@return whether the shell still reads lines} */
  boolean isOpen();

  /**
   * Types one line into the shell.
   *
   * @param line the line, as typed after the prompt
   * @return what the terminal shows for it, and the trace of what it sent
   * @throws IllegalStateException when the shell has ended
   */
  Typed type(String line);

  /**
   * Ends the terminal's input, as Ctrl-D does: the shell exits.
   *
   * @return what the terminal shows then ({@code exit} from bash)
   */
  String endOfInput();

  /**
   * kubectl's own last words once the shell has ended: nothing and exit 0, or {@code command
   * terminated with exit code N} on standard error and exit N.
   *
   * @return kubectl's output and exit code
   * @throws IllegalStateException while the shell still runs
   */
  KubectlResult closing();

  /**
   * What one typed line did.
   *
   * @param screen what the terminal shows: standard output and standard error as they interleaved
   * @param trace what the line sent over the network, if it sent anything
   */
  record Typed(String screen, Optional<Trace> trace) {
    /**
     * Checks that no field is {@code null}.
     *
     * @param screen what the terminal shows
     * @param trace what the line sent over the network, if anything
     */
    public Typed {
      Objects.requireNonNull(screen, "screen");
      Objects.requireNonNull(trace, "trace");
    }
  }
}
