package dev.kubesim.impl.kubelet;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.model.Container;
import dev.kubesim.impl.program.RunningContainer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A container's {@code preStop} hook, which the kubelet runs before it signals the container and
 * which may take the grace period: an {@code exec} command (run in the container, taking the
 * virtual time its commands take: {@code sleep 180}) or a {@code sleep} action. An {@code httpGet}
 * hook is taken as answered at once.
 */
final class PreStopHook {
  private PreStopHook() {}

  /** What a failed exec hook reports: its command, exit code and output. */
  interface Failure {
    void report(List<String> command, int exitCode, String output);
  }

  /**
   * Runs the container's preStop hook, if it has one.
   *
   * @param grace the time left before the kubelet kills the container
   * @return how long the hook took, at most {@code grace}
   */
  static Duration run(Container spec, RunningContainer container, Duration grace, Failure failure) {
    if (!(spec.lifecycle().orElse(null) instanceof Map<?, ?> lifecycle) || !(lifecycle.get("preStop") instanceof Map<?, ?> hook)) {
      return Duration.ZERO;
    }
    if (hook.get("exec") instanceof Map<?, ?> exec && exec.get("command") instanceof List<?> words && !words.isEmpty()) {
      List<String> command = words.stream().map(String::valueOf).toList();
      ExecResult r = container.exec(command);
      if (r.exitCode() != 0 && !r.runsForever()) {
        failure.report(command, r.exitCode(), r.stdout() + r.stderr());
      }
      return r.runsForever() || r.elapsed().compareTo(grace) > 0 ? grace : r.elapsed();
    }
    if (hook.get("sleep") instanceof Map<?, ?> sleep && sleep.get("seconds") instanceof Number seconds) {
      Duration d = Duration.ofSeconds(Math.max(0, seconds.longValue()));
      return d.compareTo(grace) > 0 ? grace : d;
    }
    return Duration.ZERO;
  }
}
