package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ExecAction;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Probe;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The programs a pod's own spec says its images have, for an image kubesim does not know ({@link
 * dev.kubesim.impl.program.ListensWhereExpected}): the first word of each exec probe (startup,
 * liveness, readiness) and each {@code postStart}/{@code preStop} exec hook of any of the pod's
 * containers, and the programs a shell's {@code -c} script there runs ({@code [bash, -c, nodetool
 * status]}), init containers first, in spec order, without duplicates. As the unknown image
 * listens where the cluster expects it to, it has the executables its pod expects it to have.
 */
final class ExpectedExecutables {
  private ExpectedExecutables() {}

  /** The programs the pod's exec probes and hooks name, as written. */
  static List<String> of(Pod pod) {
    Set<String> names = new LinkedHashSet<>();
    List<Container> all = new java.util.ArrayList<>(pod.specOrEmpty().initContainers());
    all.addAll(pod.specOrEmpty().containers());
    for (Container c : all) {
      for (Optional<Probe> probe : List.of(c.startupProbe(), c.livenessProbe(), c.readinessProbe())) {
        probe.flatMap(Probe::exec).map(ExecAction::command).ifPresent(command -> add(command, names));
      }
      for (String hook : List.of("postStart", "preStop")) {
        hookCommand(c.lifecycle().orElse(null), hook).ifPresent(command -> add(command, names));
      }
    }
    return List.copyOf(names);
  }

  /** The command's program, and for a shell's {@code -c SCRIPT} the programs the script runs. */
  private static void add(List<?> command, Set<String> names) {
    first(command).ifPresent(names::add);
    if (command.size() >= 3 && command.get(0) instanceof String shell && SHELLS.contains(basename(shell))
        && "-c".equals(command.get(1)) && command.get(2) instanceof String script) {
      names.addAll(ScriptPrograms.of(script));
    }
  }

  private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh");

  private static String basename(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static Optional<String> first(List<?> command) {
    return command.isEmpty() || !(command.get(0) instanceof String s) || s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** {@code lifecycle.<hook>.exec.command}, from the hooks as written. */
  private static Optional<List<?>> hookCommand(Object lifecycle, String hook) {
    if (lifecycle instanceof Map<?, ?> l && l.get(hook) instanceof Map<?, ?> h && h.get("exec") instanceof Map<?, ?> e
        && e.get("command") instanceof List<?> command) {
      return Optional.of(command);
    }
    return Optional.empty();
  }
}
