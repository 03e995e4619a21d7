package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubectlResult;

/** What one kubectl run has written to standard output and standard error, and its exit code. */
final class KubectlOutput {
  private final StringBuilder stdout = new StringBuilder();
  private final StringBuilder stderr = new StringBuilder();
  /** Both streams as a terminal shows them: in the order they were written. */
  private final StringBuilder screen = new StringBuilder();
  private int exitCode;
  private InteractiveExec attached;
  private Runnable holding;

  /** Appends text to standard output. */
  void out(String text) {
    stdout.append(text);
    screen.append(text);
  }

  /** Appends text to standard error. */
  void err(String text) {
    stderr.append(text);
    screen.append(text);
  }

  /** Writes one error message (a newline is added when missing) and marks the run failed. */
  void fail(String message) {
    err(message.endsWith("\n") ? message : message + "\n");
    exitCode = 1;
  }

  /** Ends with this exit code ({@code kubectl exec} passes on the command's own). */
  void exit(int code) {
    exitCode = code;
  }

  /** Marks the run failed without writing anything more. */
  void markFailed() {
    exitCode = 1;
  }

  /** kubectl stays attached to a shell in a container, which reads the terminal's next lines. */
  void attach(InteractiveExec session) {
    attached = session;
  }

  /**
   * kubectl keeps running until it is interrupted ({@code port-forward}): {@code stop} ends what it
   * keeps open, when its terminal does not leave it running in the background.
   */
  void hold(Runnable stop) {
    holding = stop;
  }

  java.util.Optional<Runnable> holding() {
    return java.util.Optional.ofNullable(holding);
  }

  java.util.Optional<InteractiveExec> attached() {
    return java.util.Optional.ofNullable(attached);
  }

  /** Standard output and error as a terminal showed them, interleaved as written. */
  String screen() {
    return screen.toString();
  }

  KubectlResult result() {
    return new KubectlResult(stdout.toString(), stderr.toString(), exitCode);
  }
}
