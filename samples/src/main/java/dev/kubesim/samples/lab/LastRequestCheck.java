package dev.kubesim.samples.lab;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Trace;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks on the requests the student's commands sent, from {@link dev.kubesim.api.Cluster#traces()}:
 * {@code last request answered}, {@code refused}, {@code timed out}, {@code dropped} (timed out
 * because something on the way dropped it: a NetworkPolicy, a DROP rule, a node that is down, not a
 * slow server), {@code last request answered by a different pod than the one before} (a Service
 * spreading connections) and {@code ... by the same pod as the one before} (session affinity).
 */
record LastRequestCheck(String text, String outcome) implements LabCheck {
  static final String FORM = "last request answered|refused|timed out|dropped"
      + " | last request answered by a different pod than the one before"
      + " | last request answered by the same pod as the one before";
  private static final String DIFFERENT = "answered by a different pod than the one before";
  private static final String SAME = "answered by the same pod as the one before";
  private static final Pattern SYNTAX =
      Pattern.compile("last request (answered|refused|timed out|dropped|" + DIFFERENT + "|" + SAME + ")");

  static Optional<LabCheck> parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    return m.matches() ? Optional.of(new LastRequestCheck(text, m.group(1))) : Optional.empty();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    List<Trace> traces = context.cluster().traces();
    if (traces.isEmpty()) {
      return CheckResult.of(this, false, "no request sent yet");
    }
    Trace last = traces.get(traces.size() - 1);
    if (outcome.equals(DIFFERENT) || outcome.equals(SAME)) {
      if (traces.size() < 2) {
        return CheckResult.of(this, false, "one request sent");
      }
      Optional<ObjectRef> before = traces.get(traces.size() - 2).answeredBy();
      Optional<ObjectRef> now = last.answeredBy();
      boolean bothAnswered = before.isPresent() && now.isPresent();
      boolean holds = bothAnswered && before.equals(now) == outcome.equals(SAME);
      return CheckResult.of(this, holds, answerer(before) + ", then " + answerer(now));
    }
    Disposition d = last.disposition();
    boolean holds = switch (outcome) {
      case "answered" -> d.kind() == Disposition.Kind.DELIVERED;
      case "refused" -> d.kind() == Disposition.Kind.REFUSED;
      case "timed out" -> d.kind() == Disposition.Kind.TIMED_OUT;
      default -> d.kind() == Disposition.Kind.TIMED_OUT && d.cause() != Disposition.Cause.TIMEOUT;
    };
    return CheckResult.of(this, holds, describe(d));
  }

  private static String answerer(Optional<ObjectRef> pod) {
    return pod.map(ObjectRef::toString).orElse("no pod");
  }

  /** A disposition in a few words: {@code timed out (POLICY_DENIED by networkpolicy/default/deny)}. */
  static String describe(Disposition d) {
    String kind = d.kind() == Disposition.Kind.DELIVERED ? "answered" : d.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return kind + " (" + d.cause() + " by " + d.objectText() + ")";
  }
}
