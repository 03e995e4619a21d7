package dev.kubesim.api;

import dev.kubesim.api.trace.Trace;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command run in a container printed, how it exited, and how much virtual time it took.
 *
 * <p>These are the process's own streams and exit code, without the lines {@code kubectl exec} adds
 * around them (such as {@code command terminated with exit code 2}).
 *
 * @param stdout standard output
 * @param stderr standard error
 * @param exitCode the exit status ({@code 0} success, {@code 127} command not found, ...)
 * @param elapsed the virtual time the command would have taken (e.g. a {@code sleep}); the engine
 *     never waits, the caller advances its clock by this much if it wants to. A process that never
 *     ends ({@code sleep infinity}) reports {@link #FOREVER}.
 * @param trace what the network did with the command's requests ({@code curl}, {@code wget},
 *     {@code ping}, {@code nslookup}...), empty for a command that used no network
 */
public record ExecResult(String stdout, String stderr, int exitCode, Duration elapsed, Optional<Trace> trace) {
  /** The elapsed time of a command that would never end by itself. */
  public static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

  /**
   * Checks that no field is {@code null}; a negative elapsed time is refused with an {@code
   * IllegalArgumentException}.
   *
   * @param stdout standard output
   * @param stderr standard error
   * @param exitCode the exit status ({@code 0} success, {@code 127} command not found, ...)
   * @param elapsed the virtual time the command would have taken (e.g. a {@code sleep}); the engine
   *     never waits, the caller advances its clock by this much if it wants to. A process that
   *     never ends ({@code sleep infinity}) reports {@link #FOREVER}.
   * @param trace what the network did with the command's requests ({@code curl}, {@code wget},
   *     {@code ping}, {@code nslookup}...), empty for a command that used no network
   */
  public ExecResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    Objects.requireNonNull(elapsed, "elapsed");
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("elapsed must not be negative: " + elapsed);
    }
    Objects.requireNonNull(trace, "trace");
  }

  /**
   * A result without a trace.
   *
   * @param stdout what the command wrote to its standard output
   * @param stderr what the command wrote to its standard error
   * @param exitCode the command's exit code, as a shell's {@code $?} shows it
   * @param elapsed the {@code elapsed} field
   */
  public ExecResult(String stdout, String stderr, int exitCode, Duration elapsed) {
    this(stdout, stderr, exitCode, elapsed, Optional.empty());
  }

  /**
   * This result with the network's trace of it.
   *
   * @param value the new {@code trace}
   * @return a copy of this {@code ExecResult} with {@code trace} replaced
   */
  public ExecResult withTrace(Optional<Trace> value) {
    return new ExecResult(stdout, stderr, exitCode, elapsed, value);
  }

  /**
   * A command that took no virtual time.
   *
   * @param stdout what the command wrote to its standard output
   * @param stderr what the command wrote to its standard error
   * @param exitCode the command's exit code, as a shell's {@code $?} shows it
   * @return a command that took no virtual time
   */
  public static ExecResult of(String stdout, String stderr, int exitCode) {
    return new ExecResult(stdout, stderr, exitCode, Duration.ZERO);
  }

  /**
   * Success with this output.
   *
   * @param stdout what the command wrote to its standard output
   * @return a result with exit code 0, this standard output and an empty standard error
   */
  public static ExecResult ok(String stdout) {
    return of(stdout, "", 0);
  }

  /**
   * Failure with this message on standard error.
   *
   * @param exitCode the command's exit code, as a shell's {@code $?} shows it
   * @param stderr what the command wrote to its standard error
   * @return a result with this exit code and standard error, and an empty standard output
   */
  public static ExecResult failure(int exitCode, String stderr) {
    return of("", stderr, exitCode);
  }

  /**
   * Whether the command exited 0, as a shell's {@code &&} decides.
   *
   * @return {@code true} for exit code 0
   */
  public boolean succeeded() {
    return exitCode == 0;
  }

  /** {@return whether the command would run until it is killed} */
  public boolean runsForever() {
    return elapsed.equals(FOREVER);
  }

  /**
   * {@code exit 0, stdout "You've hit kubia-x7k2p\n", 12 ms, traced}: the streams quoted with their
   * line ends escaped, empty ones and an absent trace left out.
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("exit ").append(exitCode);
    if (!stdout.isEmpty()) {
      b.append(", stdout ").append(quoted(stdout));
    }
    if (!stderr.isEmpty()) {
      b.append(", stderr ").append(quoted(stderr));
    }
    b.append(", ").append(runsForever() ? "runs forever" : elapsed.toMillis() + " ms");
    if (trace.isPresent()) {
      b.append(", traced");
    }
    return b.toString();
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
  }
}
