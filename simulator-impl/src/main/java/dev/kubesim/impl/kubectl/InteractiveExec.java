package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubectlResult;
import dev.kubesim.impl.program.AttachedShell;
import dev.kubesim.impl.program.ShellSession;
import java.time.Duration;

/**
 * {@code kubectl exec -i POD -- bash} at a terminal: kubectl stays attached to the shell, which reads
 * the terminal's next lines until {@code exit} or the end of input; then kubectl says {@code command
 * terminated with exit code N} when the shell's status is not 0, and exits with it. A line that takes
 * virtual time ({@code sleep 5}) lets that time pass in the cluster, as it keeps the terminal waiting.
 */
public final class InteractiveExec {
  private final KubectlHost cluster;
  private final AttachedShell shell;
  /** kubectl's last words, given the shell's exit status. */
  private final java.util.function.IntFunction<KubectlResult> closing;

  InteractiveExec(KubectlHost cluster, AttachedShell shell) {
    this(cluster, shell, InteractiveExec::execClosing);
  }

  /**
   * A shell kubectl attached to another way ({@code run -it}), which ends with its own last words.
   *
   * @param closing kubectl's last words, given the shell's exit status
   */
  InteractiveExec(KubectlHost cluster, AttachedShell shell, java.util.function.IntFunction<KubectlResult> closing) {
    this.cluster = cluster;
    this.shell = shell;
    this.closing = closing;
  }

  /** Whether a terminal is attached ({@code -t}): the shell prompts, and echoes nothing itself. */
  public boolean terminal() {
    return shell.terminal();
  }

  /** The shell's prompt before its next line; empty without a terminal. */
  public String prompt() {
    return shell.prompt();
  }

  /** Whether the shell still reads lines. */
  public boolean isOpen() {
    return shell.isOpen();
  }

  /** Types a line into the shell; what the terminal shows is the line's {@code screen()}. */
  public AttachedShell.Typed type(String line) {
    AttachedShell.Typed typed = shell.type(line);
    Duration elapsed = typed.line().elapsed();
    if (!elapsed.isZero() && !elapsed.equals(dev.kubesim.api.ExecResult.FOREVER)) {
      cluster.advance(elapsed);
    }
    return typed;
  }

  /** Ends the terminal's input (Ctrl-D); what the terminal shows then. */
  public ShellSession.Line endOfInput() {
    return shell.endOfInput();
  }

  /**
   * kubectl's own last words once the shell has ended; for {@code exec}: nothing and exit 0, or
   * {@code command terminated with exit code N} on standard error and exit N.
   *
   * @throws IllegalStateException while the shell still runs
   */
  public KubectlResult closing() {
    return closing.apply(shell.exitCode().orElseThrow(() -> new IllegalStateException("the shell still runs")));
  }

  private static KubectlResult execClosing(int status) {
    return status == 0
        ? new KubectlResult("", "", 0)
        : new KubectlResult("", "command terminated with exit code " + status + "\n", status);
  }
}
