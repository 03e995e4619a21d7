package dev.kubesim.api.program;

import java.time.Duration;
import java.util.Objects;

/**
 * How a container's main process reacts to the signal the kubelet stops it with (SIGTERM, or the
 * image's {@code STOPSIGNAL}). A process that has not exited when the pod's grace period ends is
 * killed with SIGKILL and exits with {@value #SIGKILL_EXIT_CODE}.
 *
 * <p>A process running as PID 1 gets no default signal action from the kernel: one that installs no
 * handler (node, {@code sleep}, a shell) ignores SIGTERM and lives until SIGKILL.
 *
 * @param exits whether the process exits by itself after the signal
 * @param after how long it takes to exit after the signal (meaningful only when {@code exits})
 * @param exitCode the exit code it then exits with (meaningful only when {@code exits})
 */
public record SigtermBehavior(boolean exits, Duration after, int exitCode) {
  /** 128 + 9: what a container killed by SIGKILL reports. */
  public static final int SIGKILL_EXIT_CODE = 137;

  /**
   * Checks that no field is {@code null}; a negative shutdown time is refused with an {@code
   * IllegalArgumentException}.
   *
   * @param exits whether the process exits by itself after the signal
   * @param after how long it takes to exit after the signal (meaningful only when {@code exits})
   * @param exitCode the exit code it then exits with (meaningful only when {@code exits})
   */
  public SigtermBehavior {
    Objects.requireNonNull(after, "after");
    if (after.isNegative()) {
      throw new IllegalArgumentException("after must not be negative: " + after);
    }
  }

  /**
   * Exits at once with this code (nginx: 0; a Go program without a handler as PID 1: 2).
   *
   * @param exitCode the command's exit code, as a shell's {@code $?} shows it
   * @return the behaviour
   */
  public static SigtermBehavior exitsPromptly(int exitCode) {
    return new SigtermBehavior(true, Duration.ZERO, exitCode);
  }

  /**
   * Shuts down over this long, then exits with this code.
   *
   * @param after how long the shutdown takes, in virtual time
   * @param exitCode the command's exit code, as a shell's {@code $?} shows it
   * @return the behaviour
   */
  public static SigtermBehavior exitsAfter(Duration after, int exitCode) {
    return new SigtermBehavior(true, after, exitCode);
  }

  /**
   * Ignores the signal and runs until SIGKILL (node or {@code sleep} as PID 1).
   *
   * @return the behaviour
   */
  public static SigtermBehavior ignores() {
    return new SigtermBehavior(false, Duration.ZERO, SIGKILL_EXIT_CODE);
  }

  /**
   * When the process ends after the signal, given the grace period before SIGKILL.
   *
   * @param gracePeriod the pod's termination grace period
   * @return when the process ends after the signal, given the grace period before SIGKILL
   */
  public Duration exitDelay(Duration gracePeriod) {
    return exits && after.compareTo(gracePeriod) <= 0 ? after : gracePeriod;
  }

  /**
   * The exit code the container ends with, given the grace period before SIGKILL.
   *
   * @param gracePeriod the pod's termination grace period
   * @return the exit code the container ends with, given the grace period before SIGKILL
   */
  public int exitCode(Duration gracePeriod) {
    return exits && after.compareTo(gracePeriod) <= 0 ? exitCode : SIGKILL_EXIT_CODE;
  }
}
