package dev.kubesim.impl.program;

import dev.kubesim.api.ExecResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A container's main process running in virtual time. A server never finishes by itself; a command
 * line finishes after the time its commands take. The kubelet starts it, waits {@link #nextWait()}
 * of virtual time, calls {@link #resume()}, and so on until {@link #finished()}; then {@link
 * #exitCode()} is the container's exit code. What the process prints goes to the container's logs.
 */
public final class MainProcessRun {
  private final ShellStepper stepper;
  private final String startError;
  private final List<String> inputShell;
  private Duration wait;
  private boolean finished;
  private int exitCode;

  private MainProcessRun(ShellStepper stepper, String startError, Duration wait, boolean finished,
      int exitCode) {
    this(stepper, startError, wait, finished, exitCode, List.of());
  }

  private MainProcessRun(ShellStepper stepper, String startError, Duration wait, boolean finished,
      int exitCode, List<String> inputShell) {
    this.inputShell = inputShell;
    this.stepper = stepper;
    this.startError = startError;
    this.wait = wait;
    this.finished = finished;
    this.exitCode = exitCode;
  }

  /** A server: runs until signalled. */
  static MainProcessRun serving() {
    return new MainProcessRun(null, null, ExecResult.FOREVER, false, 0);
  }

  /**
   * A shell reading its standard input ({@code stdin: true}, as {@code kubectl run -i -- sh} starts
   * one): it waits for what an attached client types, and ends when that input does.
   */
  static MainProcessRun readingInput(List<String> argv) {
    return new MainProcessRun(null, null, ExecResult.FOREVER, false, 0, List.copyOf(argv));
  }

  /** The command line of a shell waiting for input, if the process is one. */
  public Optional<List<String>> inputShell() {
    return finished || inputShell.isEmpty() ? Optional.empty() : Optional.of(inputShell);
  }

  /** The shell reading the input has ended with this status: so has the process. */
  public void inputEnded(int status) {
    if (!inputShell.isEmpty() && !finished) {
      finished = true;
      exitCode = status;
    }
  }

  /** A single command already run: it ends after its elapsed time with its status. */
  static MainProcessRun ran(ExecResult result) {
    boolean ends = !result.runsForever();
    return new MainProcessRun(null, null, result.elapsed(), ends && result.elapsed().isZero(),
        result.exitCode());
  }

  /** A script run step by step. */
  static MainProcessRun stepping(ShellStepper stepper) {
    MainProcessRun run = new MainProcessRun(stepper, null, Duration.ZERO, false, 0);
    run.advance();
    return run;
  }

  /** The runtime could not start the process (no such executable): exit code 128. */
  static MainProcessRun failedToStart(String message) {
    return new MainProcessRun(null, message, Duration.ZERO, true, 128);
  }

  private void advance() {
    wait = stepper.step();
    if (stepper.finished() && wait.isZero()) {
      finished = true;
      exitCode = stepper.status();
    }
  }

  /** Whether the process has exited. */
  public boolean finished() {
    return finished;
  }

  /**
   * How much virtual time passes before the process does something more (exits, or runs the next
   * command); {@link ExecResult#FOREVER} for a process that waits to be signalled.
   */
  public Duration nextWait() {
    return finished ? Duration.ZERO : wait;
  }

  /** Whether the process would run until signalled. */
  public boolean runsUntilSignalled() {
    return !finished && wait.equals(ExecResult.FOREVER);
  }

  /** Continues after {@link #nextWait()} has passed. */
  public void resume() {
    if (finished || runsUntilSignalled()) {
      return;
    }
    if (stepper == null) {
      finished = true;
      return;
    }
    if (stepper.finished()) {
      finished = true;
      exitCode = stepper.status();
      return;
    }
    advance();
  }

  /** The exit code, once finished. */
  public int exitCode() {
    if (!finished) {
      throw new IllegalStateException("the process is still running");
    }
    return exitCode;
  }

  /**
   * The runtime's error when the process could not start, e.g. {@code exec: "foo": executable file
   * not found in $PATH}.
   */
  public Optional<String> startError() {
    return Optional.ofNullable(startError);
  }
}
