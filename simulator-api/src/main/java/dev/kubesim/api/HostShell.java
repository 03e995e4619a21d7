package dev.kubesim.api;

import dev.kubesim.api.trace.Trace;
import java.util.Objects;
import java.util.Optional;

/**
 * The shell at a terminal next to the cluster ({@link Cluster#hostShell}): bash on the host
 * outside it ({@link Cluster#external()}), whose {@code kubectl} talks to this cluster, as a
 * laptop's shell talks to kind. One shell keeps its state between lines — variables ({@code
 * POD=$(kubectl get pods -o name)}), the working directory, {@code $?} — and runs each line as bash
 * does: command substitution, pipes ({@code kubectl get pods | grep Running}), {@code ;}, {@code
 * &&}, {@code ||}, {@code for}/{@code while}/{@code if}, the host's commands ({@code curl},
 * {@code grep}, {@code sleep}...). A program's virtual time passes as it runs, so {@code sleep 10;
 * kubectl get pods} sees the cluster 10 s on. The methods take the cluster's lock.
 */
public interface HostShell {
  /**
   * Types one line into the shell. A line that leaves a command unfinished ({@link #continuing()})
   * prints nothing; the command runs when a later line completes it.
   *
   * @param line the line, as typed after the prompt
   * @return what the line printed, its status, what it sent over the network, and the container's
   *     shell a {@code kubectl exec -it ... -- bash} left attached
   */
  Typed type(String line);

  /**
   * Sets {@code $?} to the status of a command the same terminal ran outside this shell (a front
   * end that runs {@code kubectl} lines itself), so that the next line sees it as bash would.
   *
   * @param exitCode the command's exit status
   */
  void recordStatus(int exitCode);

  /**
   * A file of the host, as the shell's programs see it: what a line wrote ({@code kubectl get deploy
   * web -o yaml > web.yaml}), so that kubectl given that name on a later line reads it.
   *
   * @param path a path, relative to the shell's working directory or absolute
   * @return the file's text, or empty when the host has no such regular file
   */
  Optional<String> readFile(String path);

  /**
   * Whether the lines typed so far leave a command unfinished — an open quote, a here-document
   * ({@code cat <<EOF | kubectl apply -f -}) without its delimiter line, a line ending in {@code \},
   * a {@code for} without {@code done} — so that the next line continues it, as after bash's
   * {@code > } prompt. Such a line prints nothing; the command runs with the line that completes it.
   *
   * @return whether the next line continues the command
   */
  boolean continuing();

  /**
   * Ends the terminal's input, as Ctrl-D does: an unfinished command runs as bash runs it at the end
   * of its input (a here-document ends there; an open quote is a syntax error).
   *
   * @return what that command did, or nothing and {@code $?} when no command was unfinished
   */
  Typed endOfInput();

  /**
   * What one typed line did.
   *
   * @param stdout what the line wrote on standard output
   * @param stderr what it wrote on standard error
   * @param screen both as they interleaved on the terminal
   * @param exitCode {@code $?} after the line
   * @param trace what the line sent over the network, from the host or through {@code kubectl
   *     exec}, if it sent anything (the last request's)
   * @param attached the shell {@code kubectl exec -it POD -- bash} left attached to the terminal, which
   *     reads the next lines; empty for every other line
   */
  record Typed(String stdout, String stderr, String screen, int exitCode, Optional<Trace> trace,
      Optional<TerminalShell> attached) {
    /**
     * Checks that no field is {@code null}.
     *
     * @param stdout what the line wrote on standard output
     * @param stderr what it wrote on standard error
     * @param screen both as they interleaved
     * @param exitCode {@code $?} after the line
     * @param trace what the line sent over the network, if anything
     * @param attached the shell left attached to the terminal, if any
     */
    public Typed {
      Objects.requireNonNull(stdout, "stdout");
      Objects.requireNonNull(stderr, "stderr");
      Objects.requireNonNull(screen, "screen");
      Objects.requireNonNull(trace, "trace");
      Objects.requireNonNull(attached, "attached");
    }
  }
}
