package dev.kubesim.samples.lab;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pods NS -l SELECTOR: N running} or {@code N ready}: how many of the pods the selector
 * matches (kubectl's {@code -l} syntax), not terminating, are in phase Running, or have the Ready
 * condition.
 */
record PodCountCheck(String text, String namespace, String selector, int count, boolean ready) implements LabCheck {
  static final String FORM = "pods NS -l SELECTOR: N running|ready";
  private static final Pattern SYNTAX = Pattern.compile("pods (\\S+) -l (.+): (\\d+) (running|ready)");

  static Optional<LabCheck> parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    return m.matches()
        ? Optional.of(new PodCountCheck(text, m.group(1), m.group(2).strip(), Integer.parseInt(m.group(3)),
            m.group(4).equals("ready")))
        : Optional.empty();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    List<Pod> pods;
    try {
      pods = context.cluster().pods(namespace, selector);
    } catch (KubeSimException | IllegalArgumentException e) {
      return CheckResult.of(this, false, e.getMessage());
    }
    long n = pods.stream()
        .filter(p -> p.metadata().deletionTimestamp().isEmpty())
        .filter(p -> ready ? isReady(p) : p.status().flatMap(PodStatus::phase).filter("Running"::equals).isPresent())
        .count();
    return CheckResult.of(this, n == count, String.valueOf(n));
  }

  private static boolean isReady(Pod pod) {
    return pod.status().stream().flatMap(s -> s.conditions().stream())
        .anyMatch(c -> c.type().filter("Ready"::equals).isPresent() && c.status().filter("True"::equals).isPresent());
  }
}
